package examples.ws;

import falcon.Middleware;
import falcon.Request;
import falcon.WebSocket;
import falcon.routing.RouteParams;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The manual's {@code SomeMiddleware}: sees the WebSocket handshakes before and after routing. */
public class LoggingMiddleware implements Middleware {

    private final List<String> seen = new CopyOnWriteArrayList<>();

    /** Called for the handshake request before routing. */
    @Override
    public void processRequestWs(Request req, WebSocket ws) {
        seen.add("request_ws " + req.getPath());
    }

    /** Called for the handshake request after routing, if a route matched. */
    @Override
    public void processResourceWs(Request req, WebSocket ws, Object resource, RouteParams params) {
        seen.add("resource_ws " + req.getUriTemplate());
    }

    /** Returns what was seen, in order. */
    public List<String> seen() {
        return List.copyOf(seen);
    }
}
