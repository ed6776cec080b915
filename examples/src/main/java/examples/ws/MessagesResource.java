package examples.ws;

import falcon.Request;
import falcon.Response;
import falcon.WebSocket;
import falcon.WebSocketDisconnected;
import falcon.PayloadTypeError;
import falcon.MediaMalformedError;
import java.util.List;
import java.util.Map;

/**
 * Messages of an account, over HTTP (a page of events) and over a WebSocket (a request-response
 * protocol): the manual's {@code SomeResource}.
 *
 * <p>The WebSocket protocol: the client must offer the {@code wamp} subprotocol; each TEXT
 * message is a JSON document; the server answers {@code {"echo": doc, "account": id}}; the
 * message {@code "done"} ends the conversation (close 1000). A request with {@code Some-Header:
 * reject} is denied before the upgrade (HTTP 403).
 */
public class MessagesResource {

    private final EventFeed feed;

    /** Creates the resource over the app's event feed. */
    public MessagesResource(EventFeed feed) {
        this.feed = feed;
    }

    /** Returns a page of the account's events via a regular HTTP request. */
    public void onGet(Request req, Response resp, String accountId) {
        resp.setMedia(Map.of("account", accountId, "events", feed.recent()));
    }

    /**
     * Serves the WebSocket. The framework passes the template's fields as with HTTP responders.
     */
    public void onWebsocket(Request req, WebSocket ws, String accountId) {
        // The HTTP request used to initiate the WebSocket handshake can be examined as needed.
        String someHeaderValue = req.getHeader("Some-Header");

        // Reject it? If close() is called before accept(), the server returns a 403 HTTP
        // response without upgrading the connection.
        if ("reject".equals(someHeaderValue)) {
            ws.close();
            return;
        }

        // Examine the subprotocols advertised by the client. We only support wamp; if the
        // client doesn't advertise it, reject the connection. If close() is not called
        // explicitly, the framework takes care of it.
        if (!ws.getSubprotocols().contains("wamp")) {
            return;
        }

        try {
            ws.accept("wamp");
        } catch (WebSocketDisconnected ex) {
            return;
        }

        // A simple request-response protocol.
        while (true) {
            Object media;
            try {
                media = ws.receiveMedia();
            } catch (WebSocketDisconnected ex) {
                return; // do any necessary cleanup, then bail out
            } catch (PayloadTypeError | MediaMalformedError ex) {
                // not TEXT, or not JSON: tell the client and carry on
                ws.sendMedia(Map.of("error", ex.getMessage() == null ? "bad message" : ex.getMessage()));
                continue;
            }

            // At any time, you may decide to close the WebSocket. If it is already closed,
            // this call does nothing.
            if ("done".equals(media)) {
                ws.close(1000);
                return;
            }
            try {
                ws.sendMedia(Map.of("echo", media, "account", accountId));
            } catch (WebSocketDisconnected ex) {
                // If ws.close() was not called by the app, the framework takes care of it.
                return;
            }
        }
    }

    /** Returns the recent events (for the examples' tests). */
    List<Object> recent() {
        return feed.recent();
    }
}
