package benchmarks.app;

import falcon.Middleware;
import falcon.Request;
import falcon.Response;

/**
 * Adds {@code X-MW-3: 3} to the answers of {@code /mw}. Falcon's middleware is app-wide, so it
 * runs on every request and acts on {@code /mw} only (ENDPOINTS.md, python-falcon/app.py).
 */
public final class ThirdMiddleware implements Middleware {

    @Override
    public void processResponse(Request req, Response resp, Object resource, boolean reqSucceeded) {
        if ("/mw".equals(req.getPath())) {
            resp.setHeader("X-MW-3", "3");
        }
    }
}
