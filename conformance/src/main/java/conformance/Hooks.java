package conformance;

import static conformance.Py.dict;

import falcon.After;
import falcon.AfterHook;
import falcon.Before;
import falcon.BeforeHook;
import falcon.HTTPBadRequest;
import falcon.HTTPForbidden;
import falcon.Request;
import falcon.Response;
import falcon.Status;
import falcon.routing.RouteParams;
import falcon.util.Context;
import java.util.ArrayList;
import java.util.List;

/** app.py's "hooks" section: the hook functions become hook classes, made once per route. */
final class Hooks {

    private Hooks() {
    }

    @SuppressWarnings("unchecked")
    static List<String> trace(Context context) {
        return (List<String>) context.get("trace");
    }

    /** app.py's {@code hook_trace}: a before hook with a positional extra argument. */
    public static class HookTrace implements BeforeHook {
        private final String label;

        public HookTrace(String... args) {
            this.label = args[0];
        }

        @Override
        public void before(Request req, Response resp, Object resource, RouteParams params) {
            if (!req.getContext().containsKey("trace")) {
                req.getContext().put("trace", new ArrayList<String>());
            }
            trace(req.getContext()).add(label);
        }
    }

    /** app.py's {@code hook_trace_after}. */
    public static class HookTraceAfter implements AfterHook {
        private final String label;

        public HookTraceAfter(String... args) {
            this.label = args[0];
        }

        @Override
        public void after(Request req, Response resp, Object resource) {
            resp.appendHeader("X-After", label);
        }
    }

    /** app.py's {@code hook_tagged(req, resp, resource, params, first, second=None)}. */
    public static class HookTagged implements BeforeHook {
        private final String first;
        private final String second;

        public HookTagged(String... args) {
            this.first = args[0];
            this.second = args.length > 1 ? args[1] : null;
        }

        @Override
        public void before(Request req, Response resp, Object resource, RouteParams params) {
            // Python's str(None) is 'None'.
            req.getContext().put("tag", first + "/" + (second == null ? "None" : second));
        }
    }

    /** app.py's {@code hook_require_key}. */
    public static class HookRequireKey implements BeforeHook {
        @Override
        public void before(Request req, Response resp, Object resource, RouteParams params) {
            if (!"secret".equals(req.getHeader("X-Key"))) {
                throw new HTTPForbidden("Hook denied", "X-Key missing or wrong");
            }
        }
    }

    /** app.py's {@code hook_upper_param}. */
    public static class HookUpperParam implements BeforeHook {
        @Override
        public void before(Request req, Response resp, Object resource, RouteParams params) {
            params.put("ident", ((String) params.get("ident")).toUpperCase(java.util.Locale.ROOT));
            params.put("added", "by-hook");
        }
    }

    /** app.py's {@code hook_resource_name}. */
    public static class HookResourceName implements BeforeHook {
        @Override
        public void before(Request req, Response resp, Object resource, RouteParams params) {
            req.getContext().put("resource_name", ((Named) resource).name());
        }
    }

    /** app.py's {@code hook_after_json}. */
    public static class HookAfterJson implements AfterHook {
        @Override
        public void after(Request req, Response resp, Object resource) {
            resp.setHeader("X-Hooked-Status", resp.getStatus());
        }
    }

    /**
     * Feature: class-level before/after hooks wrap every responder (suffixed ones included) and
     * run outside the method-level hooks.
     */
    @Before(value = HookTrace.class, args = "class-before")
    @After(value = HookTraceAfter.class, args = "class-after")
    static class HookedClassResource implements Named {
        @Override
        public String name() {
            return "hooked-class";
        }

        @Before(value = HookTrace.class, args = "method-before-1")
        @Before(value = HookTrace.class, args = "method-before-2")
        @After(value = HookTraceAfter.class, args = "method-after-1")
        @After(value = HookTraceAfter.class, args = "method-after-2")
        public void onGet(Request req, Response resp) {
            resp.setMedia(dict("trace", req.getContext().get("trace")));
        }

        public void onPost(Request req, Response resp) {
            resp.setMedia(dict("trace", req.getContext().get("trace")));
        }

        public void onGetDetail(Request req, Response resp, String ident) {
            resp.setMedia(dict("trace", req.getContext().get("trace"), "ident", ident));
        }
    }

    /** Feature: hook extra args/kwargs, hook using the resource instance. */
    static class HookArgsResource implements Named {
        @Override
        public String name() {
            return "hook-args";
        }

        @Before(value = HookTagged.class, args = {"alpha", "beta"})
        @Before(HookResourceName.class)
        public void onGet(Request req, Response resp) {
            resp.setMedia(dict("tag", req.getContext().get("tag"),
                    "resource_name", req.getContext().get("resource_name")));
        }
    }

    /**
     * Feature: a before hook that raises skips the responder and after hooks; after hooks also
     * do not run when the responder raises.
     */
    static class HookDenyResource implements Named {
        @Override
        public String name() {
            return "hook-deny";
        }

        @Before(HookRequireKey.class)
        @After(value = HookTraceAfter.class, args = "deny-after")
        public void onGet(Request req, Response resp) {
            resp.setMedia(dict("allowed", true));
        }

        @After(value = HookTraceAfter.class, args = "not-run")
        public void onPost(Request req, Response resp) {
            throw new HTTPBadRequest("Responder failed", null);
        }

        @After(HookAfterJson.class)
        public void onPut(Request req, Response resp) {
            resp.setStatus(Status.HTTP_202);
            resp.setMedia(dict("put", true));
        }
    }

    /** Feature: a before hook can rewrite and add responder params. */
    static class HookParamsResource implements Named {
        @Override
        public String name() {
            return "hook-params";
        }

        @Before(HookUpperParam.class)
        public void onGet(Request req, Response resp, String ident, String added) {
            resp.setMedia(dict("ident", ident, "added", added));
        }
    }
}
