package falcon;

import falcon.routing.RouteParams;
import java.util.concurrent.CompletionStage;

/**
 * An error handler that completes later: the App renders the response when its stage completes.
 *
 * <p>Register it with {@link App#addAsyncErrorHandler}. A stage failing with an {@link HTTPError}
 * or {@link HTTPStatus} renders that instead, like a blocking handler throwing it.
 *
 * <p>Falcon: an {@code async def handler(req, resp, ex, params)} given to {@code add_error_handler}.
 *
 * @param <E> the exception type handled
 */
@FunctionalInterface
public interface AsyncErrorHandler<E extends Throwable> {

    /**
     * Handles {@code ex}.
     *
     * @param req the request
     * @param resp the response; its body was cleared before this call
     * @param ex the exception
     * @param params the route's field values (empty when routing had not happened)
     * @return the stage to wait for, or {@code null}
     * @throws Exception an {@link HTTPError} or {@link HTTPStatus} to render instead
     */
    CompletionStage<?> handle(Request req, Response resp, E ex, RouteParams params) throws Exception;
}
