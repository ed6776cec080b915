package falcon;

import static org.assertj.core.api.Assertions.assertThat;

import falcon.routing.RouteParams;
import falcon.testing.Result;
import falcon.testing.TestClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

/**
 * Hooks attached in code, as objects and lambdas: Falcon's {@code falcon.before(action)(Resource)}
 * (tests/test_before_hooks.py, test_after_hooks.py applied without decorator syntax).
 */
class HooksInCodeTest {

    /** A resource with an annotated hook of its own, to show the order. */
    @Before(Annotated.class)
    public static class Things {
        final List<String> log;

        Things(List<String> log) {
            this.log = log;
        }

        public void onGet(Request req, Response resp, String id) {
            log.add("responder " + id);
            resp.setText(String.join(", ", log));
        }

        public void onPost(Request req, Response resp, String id) {
            resp.setText("post " + id);
        }
    }

    public static class Annotated implements BeforeHook {
        @Override
        public void before(Request req, Response resp, Object resource, RouteParams params) {
            ((Things) resource).log.add("annotated");
        }
    }

    @Test
    void lambdasWrapEveryResponderOutsideTheAnnotations() {
        List<String> log = new ArrayList<>();
        Things things = new Things(log);
        List<Object> seenResources = new ArrayList<>();
        BeforeHook outer = (req, resp, resource, params) -> {
            seenResources.add(resource);
            log.add("outer");
        };
        BeforeHook inner = (req, resp, resource, params) -> {
            log.add("inner");
            params.put("id", params.get("id") + "!");
        };
        // As stacked decorators: the innermost after hook runs first, the outermost last.
        AfterHook innerAfter = (req, resp, resource) -> resp.setHeader("X-After", "inner");
        AfterHook outerAfter = (req, resp, resource) -> resp.setHeader("X-After", resp.getHeader("X-After") + ", outer");
        App app = new App();
        app.addRoute("/things/{id}",
                Hooks.before(outer, Hooks.before(inner, Hooks.after(outerAfter, Hooks.after(innerAfter, things)))));
        TestClient c = new TestClient(app);

        Result r = c.simulateGet("/things/7");
        assertThat(r.getText()).isEqualTo("outer, inner, annotated, responder 7!");
        assertThat(r.getHeader("X-After")).isEqualTo("inner, outer");
        assertThat(seenResources).containsExactly(things);
        assertThat(c.simulatePost("/things/8").getText()).isEqualTo("post 8!");
    }

    @Test
    void aHookObjectCanShortCircuit() {
        App app = new App();
        app.addRoute("/secret", Hooks.before((req, resp, resource, params) -> {
            if (req.getHeader("Authorization") == null) {
                throw new HTTPUnauthorized("Login required", null);
            }
        }, new Object() {
            public void onGet(Request req, Response resp) {
                resp.setText("secret");
            }
        }));
        TestClient c = new TestClient(app);
        assertThat(c.simulateGet("/secret").getStatusCode()).isEqualTo(401);
        assertThat(c.simulateGet("/secret", falcon.testing.Simulate.with().header("Authorization", "x")).getText())
                .isEqualTo("secret");
    }

    @Test
    void anAsyncHookRunsWithoutBlocking() {
        AsyncBeforeHook later = (req, resp, resource, params) ->
                CompletableFuture.runAsync(() -> req.getContext().put("later", "yes"));
        App app = new App();
        app.addRoute("/a", Hooks.before(later, new Object() {
            public CompletionStage<?> onGet(Request req, Response resp) {
                resp.setText("later " + req.getContext().get("later"));
                return null;
            }
        }));
        assertThat(new TestClient(app).simulateGet("/a").getText()).isEqualTo("later yes");
    }

    @Test
    void middlewareSeesTheResourceItself() {
        Object resource = new Object() {
            public void onGet(Request req, Response resp) {
            }
        };
        List<Object> seen = new ArrayList<>();
        App app = new App();
        app.addMiddleware(new Middleware() {
            @Override
            public void processResource(Request req, Response resp, Object res, RouteParams params) {
                seen.add(res);
            }
        });
        app.addRoute("/r", Hooks.after((req, resp, res) -> { }, resource));
        new TestClient(app).simulateGet("/r");
        assertThat(seen).containsExactly(resource);
        assertThat(Hooks.unwrap(Hooks.before((req, resp, res, p) -> { }, resource))).isSameAs(resource);
    }
}
