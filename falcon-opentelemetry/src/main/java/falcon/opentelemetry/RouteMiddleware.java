package falcon.opentelemetry;

import falcon.Middleware;
import falcon.Request;
import falcon.Response;
import falcon.WebSocket;
import falcon.routing.RouteParams;
import io.opentelemetry.context.Context;

/**
 * Names the current request's span by its route template once routing has found it, or by the
 * prefix of the sink or static route that answered it. The
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

    /** A sink or a static route: named by its prefix once it has answered (no resource step runs). */
    @Override
    public void processResponse(Request req, Response resp, Object resource, boolean reqSucceeded) {
        String prefix = req.getRoutePrefix();
        if (prefix != null && req.getUriTemplate() == null) {
            TracedExchange traced = Context.current().get(TracedExchange.KEY);
            if (traced != null) {
                traced.route(prefix);
            }
        }
    }

    private static void named(Request req) {
        TracedExchange traced = Context.current().get(TracedExchange.KEY);
        String template = req.getUriTemplate();
        if (traced != null && template != null) {
            traced.route(template);
        }
    }
}
