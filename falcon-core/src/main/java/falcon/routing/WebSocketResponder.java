package falcon.routing;

import falcon.Request;
import falcon.WebSocket;

/**
 * A bound {@code onWebsocket} responder: what the App calls for a WebSocket connection.
 *
 * <p>{@link MethodMap#bind} makes one per resource; a resource without {@code onWebsocket} gets
 * one that raises {@code HTTPMethodNotAllowed}, which closes the handshake with 3405.
 */
@FunctionalInterface
public interface WebSocketResponder {

    /**
     * Serves a WebSocket connection.
     *
     * @param req the handshake request
     * @param ws the WebSocket connection
     * @param params the route's field values
     * @return {@code null} for a blocking responder, or the {@code CompletionStage} of an
     *     asynchronous one
     * @throws Exception handed to the error handlers
     */
    Object respond(Request req, WebSocket ws, RouteParams params) throws Exception;
}
