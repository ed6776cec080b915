package falcon;

import java.util.concurrent.CompletionStage;

/**
 * An {@link AfterHook} that completes later; the response is sent when its stage completes.
 *
 * <p>Falcon: a coroutine {@code action} of {@code falcon.after}.
 */
@FunctionalInterface
public interface AsyncAfterHook extends AfterHook {

    /**
     * Runs after the responder.
     *
     * @param req the request
     * @param resp the response
     * @param resource the resource whose responder ran
     * @return the stage to wait for, or {@code null}
     * @throws Exception handled like an exception of the responder
     */
    CompletionStage<?> afterAsync(Request req, Response resp, Object resource) throws Exception;

    /** Runs {@link #afterAsync} and waits; the App never calls this, it calls {@code afterAsync}. */
    @Override
    default void after(Request req, Response resp, Object resource) throws Exception {
        CompletionStage<?> stage = afterAsync(req, resp, resource);
        if (stage != null) {
            stage.toCompletableFuture().join();
        }
    }
}
