package falcon;

import falcon.routing.RouteParams;

/**
 * Handles an exception raised while processing a request.
 *
 * <p>The handler may set the response or throw an {@link HTTPError} or {@link HTTPStatus} for
 * the App to render. Falcon: the {@code handler(req, resp, ex, params)} of {@code
 * add_error_handler}.
 *
 * @param <E> the exception type handled
 */
@FunctionalInterface
public interface ErrorHandler<E extends Throwable> {

    /**
     * Handles {@code ex}.
     *
     * @param req the request
     * @param resp the response; its body was cleared before this call
     * @param ex the exception
     * @param params the route's field values (empty when routing had not happened)
     * @throws Exception an {@link HTTPError} or {@link HTTPStatus} to render instead
     */
    void handle(Request req, Response resp, E ex, RouteParams params) throws Exception;
}
