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

    /**
     * Handles {@code ex} raised while serving a WebSocket connection.
     *
     * <p>The default calls {@link #handle} with a {@code null} response, as Falcon does; override
     * it to close {@code ws} with a code of your choice. When this returns and the connection is
     * still open, the App closes it (1000; an unaccepted handshake is denied with 403). An {@link
     * HTTPError} or {@link HTTPStatus} thrown here closes with 3000 + its status code.
     *
     * <p>Falcon: a handler taking the {@code ws} keyword argument.
     *
     * @param req the handshake request
     * @param ws the WebSocket connection
     * @param ex the exception
     * @param params the route's field values (empty when routing had not happened)
     * @throws Exception an {@link HTTPError} or {@link HTTPStatus} to close with
     */
    default void handleWs(Request req, WebSocket ws, E ex, RouteParams params) throws Exception {
        handle(req, null, ex, params);
    }
}
