package falcon;

import falcon.routing.RouteParams;

/**
 * Handles every request whose path starts with a prefix pattern, whatever its method.
 *
 * <p>Falcon: a sink added with {@code app.add_sink(sink, prefix)}; the pattern's named groups are
 * passed as {@code params}.
 */
@FunctionalInterface
public interface Sink {

    /**
     * Handles a request.
     *
     * @param req the request
     * @param resp the response
     * @param params the named groups of the prefix pattern
     * @throws Exception handed to the error handlers
     */
    void handle(Request req, Response resp, RouteParams params) throws Exception;

    /**
     * Handles a WebSocket connection that no route matches and whose path starts with this sink's
     * prefix. By default the sink does not take WebSockets: the connection is refused as for a
     * missing route (close code 3404).
     *
     * <p>Falcon 4.1: a sink function with a {@code ws} keyword argument ({@code falcon.asgi.App}).
     *
     * @param req the handshake request
     * @param ws the WebSocket, to accept, use and close
     * @param params the prefix pattern's named groups
     * @throws Exception any error, handled as a WebSocket responder's
     */
    default void handleWs(Request req, WebSocket ws, RouteParams params) throws Exception {
        throw new HTTPRouteNotFound();
    }
}
