package falcon.opentelemetry;

import falcon.Middleware;
import falcon.Request;
import falcon.Response;
import falcon.WebSocket;
import falcon.routing.RouteParams;
import io.opentelemetry.context.Context;

/**
 * Names the current request's span by its route template once routing has found it. The
 * exchange's context carries the {@link TracedExchange}: the App runs middleware with it current.
 */
final class RouteMiddleware implements Middleware {

    @Override
    public void processResource(Request req, Response resp, Object resource, RouteParams params) {
        named(req);
    }

    @Override
    public void processResourceWs(Request req, WebSocket ws, Object resource, RouteParams params) {
        named(req);
    }

    private static void named(Request req) {
        TracedExchange traced = Context.current().get(TracedExchange.KEY);
        String template = req.getUriTemplate();
        if (traced != null && template != null) {
            traced.route(template);
        }
    }
}
