package falcon;

import falcon.routing.RouteParams;
import java.util.concurrent.CompletionStage;

/**
 * A {@link BeforeHook} that completes later; the responder runs when its stage completes.
 *
 * <p>Use it with {@link Before} like any hook. Falcon: a coroutine {@code action} of {@code
 * falcon.before}.
 */
@FunctionalInterface
public interface AsyncBeforeHook extends BeforeHook {

    /**
     * Runs before the responder.
     *
     * @param req the request
     * @param resp the response
     * @param resource the resource whose responder is about to run
     * @param params the route's field values; changes reach the responder
     * @return the stage to wait for, or {@code null}
     * @throws Exception to stop the request; an {@link HTTPError} becomes the response
     */
    CompletionStage<?> beforeAsync(Request req, Response resp, Object resource, RouteParams params)
            throws Exception;

    /** Runs {@link #beforeAsync} and waits; the App never calls this, it calls {@code beforeAsync}. */
    @Override
    default void before(Request req, Response resp, Object resource, RouteParams params) throws Exception {
        CompletionStage<?> stage = beforeAsync(req, resp, resource, params);
        if (stage != null) {
            stage.toCompletableFuture().join();
        }
    }
}
