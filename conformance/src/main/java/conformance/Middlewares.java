package conformance;

import static conformance.Py.dict;

import falcon.HTTPBadRequest;
import falcon.HTTPConflict;
import falcon.Middleware;
import falcon.Request;
import falcon.Response;
import falcon.Status;
import falcon.routing.FieldName;
import falcon.routing.RouteParams;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** app.py's "middleware apps (app_mw / app_mwdep)" section. */
final class Middlewares {

    private Middlewares() {
    }

    /** app.py's {@code mw_fail_point}. */
    static String mwFailPoint(Request req) {
        return req.getHeader("X-Fail", "");
    }

    private static List<String> trace(Request req) {
        if (!req.getContext().containsKey("trace")) {
            req.getContext().put("trace", new ArrayList<String>());
        }
        return Hooks.trace(req.getContext());
    }

    /**
     * Feature: a full middleware component (process_request, process_resource,
     * process_response). Behaviour is steered by request headers:
     * <pre>
     *   X-Fail: NAME.req | NAME.rsrc | NAME.resp  -> raise HTTPBadRequest there
     *   X-Short: NAME.req | NAME.rsrc              -> resp.complete = True there
     *   X-Rewrite: path  (component A only)        -> req.path = path
     * </pre>
     * Every step appends "NAME.step" to req.context.trace; process_response also appends the name
     * to the X-Mw-Resp header. The outermost component (A) writes the final trace and
     * req_succeeded into headers.
     */
    static class TraceMiddleware implements Middleware {
        final String name;

        TraceMiddleware(String name) {
            this.name = name;
        }

        @Override
        public void processRequest(Request req, Response resp) {
            trace(req).add(name + ".req");
            if (name.equals("A")) {
                String rewrite = req.getHeader("X-Rewrite");
                if (rewrite != null) {
                    req.setPath(rewrite);
                }
            }
            if (mwFailPoint(req).equals(name + ".req")) {
                throw new HTTPBadRequest("Failed in " + name + ".req", null);
            }
            if ((name + ".req").equals(req.getHeader("X-Short"))) {
                resp.setComplete(true);
                resp.setStatus(Status.HTTP_200);
                resp.setText("short-circuited by " + name + ".req");
            }
        }

        @Override
        public void processResource(Request req, Response resp, Object resource, RouteParams params) {
            trace(req).add(name + ".rsrc");
            if (resource != null) {
                params.put("seen_by_" + name, ((Named) resource).name());
            }
            if (mwFailPoint(req).equals(name + ".rsrc")) {
                throw new HTTPBadRequest("Failed in " + name + ".rsrc", null);
            }
            if ((name + ".rsrc").equals(req.getHeader("X-Short"))) {
                resp.setComplete(true);
                resp.setText("short-circuited by " + name + ".rsrc");
            }
        }

        @Override
        public void processResponse(Request req, Response resp, Object resource, boolean reqSucceeded) {
            trace(req).add(name + ".resp");
            resp.appendHeader("X-Mw-Resp", name);
            if (name.equals("A")) {
                resp.setHeader("X-Trace", String.join(",", trace(req)));
                if (reqSucceeded) {
                    resp.setHeader("X-Req-Succeeded", "true");
                } else {
                    resp.setHeader("X-Req-Succeeded", "false");
                }
                if (resource == null) {
                    resp.setHeader("X-Resource", "none");
                } else {
                    resp.setHeader("X-Resource", ((Named) resource).name());
                }
            }
            if (mwFailPoint(req).equals(name + ".resp")) {
                throw new HTTPBadRequest("Failed in " + name + ".resp", null);
            }
        }
    }

    /** Feature: a component with only process_response. */
    static class ResponseOnlyMiddleware implements Middleware {
        @Override
        public void processResponse(Request req, Response resp, Object resource, boolean reqSucceeded) {
            trace(req).add("C.resp");
            resp.appendHeader("X-Mw-Resp", "C");
        }
    }

    /** Feature: echoes the middleware trace and the params set by process_resource. */
    static class MwEcho implements Named {
        @Override
        public String name() {
            return "mw-echo";
        }

        public void onGet(Request req, Response resp, Map<String, Object> params) {
            resp.setMedia(dict("trace", req.getContext().get("trace"), "params", params, "path", req.getPath()));
        }

        public void onPost(Request req, Response resp, Map<String, Object> params) {
            onGet(req, resp, params);
        }
    }

    /** Feature: templated route under middleware (params + process_resource). */
    static class MwItem implements Named {
        @Override
        public String name() {
            return "mw-item";
        }

        public void onGet(Request req, Response resp, @FieldName("item_id") String itemId, Map<String, Object> params) {
            resp.setMedia(dict("trace", req.getContext().get("trace"), "item_id", itemId, "params", params));
        }
    }

    /** Feature: target of the req.path rewrite done in process_request. */
    static class MwRewritten implements Named {
        @Override
        public String name() {
            return "mw-rewritten";
        }

        public void onGet(Request req, Response resp, Map<String, Object> params) {
            resp.setMedia(dict("rewritten", true, "path", req.getPath(), "trace", req.getContext().get("trace")));
        }
    }

    /** Feature: responder errors (HTTPError / plain exception) seen by middleware. */
    static class MwRaises implements Named {
        @Override
        public String name() {
            return "mw-raises";
        }

        public void onGet(Request req, Response resp, Map<String, Object> params) {
            throw new HTTPConflict("Responder conflict", null);
        }

        public void onPost(Request req, Response resp, Map<String, Object> params) {
            // Python's ValueError('unhandled in responder').
            throw new IllegalArgumentException("unhandled in responder");
        }
    }
}
