package conformance;

import static conformance.Py.dict;

import falcon.HTTPForbidden;
import falcon.Request;
import falcon.Response;
import falcon.Status;

/** app.py's "CORS apps" section. */
final class Cors {

    private Cors() {
    }

    /** Feature: simple and preflight CORS responses. */
    static class CorsResource {
        public void onGet(Request req, Response resp) {
            resp.setHeader("X-Custom", "c");
            resp.setMedia(dict("cors", true));
        }

        public void onPost(Request req, Response resp) {
            resp.setMedia(dict("posted", true));
        }

        public void onDelete(Request req, Response resp) {
            resp.setStatus(Status.HTTP_204);
        }
    }

    /** Feature: custom on_options responder (no Allow header set) under CORS. */
    static class CorsCustomOptions {
        public void onGet(Request req, Response resp) {
            resp.setText("custom-options resource");
        }

        public void onOptions(Request req, Response resp) {
            resp.setStatus(Status.HTTP_200);
            resp.setHeader("X-Own-Options", "yes");
        }
    }

    /** Feature: CORS headers on an error response. */
    static class CorsError {
        public void onGet(Request req, Response resp) {
            throw new HTTPForbidden();
        }
    }
}
