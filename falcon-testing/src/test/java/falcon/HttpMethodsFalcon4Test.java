package falcon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import falcon.routing.RouteParams;
import falcon.routing.UnacceptableRouteError;
import falcon.testing.Result;
import falcon.testing.Simulate;
import falcon.testing.TestClient;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Falcon 4.2/4.3: tests/test_http_method_routing.py (QUERY, on_request with OPTIONS),
 * test_default_router.py (default_to_on_request, with a suffix), test_before_hooks.py (class hooks
 * do not wrap on_request); and FALCON_CUSTOM_HTTP_METHODS, per App here.
 */
class HttpMethodsFalcon4Test {

    public static class Misc {
        public void onGet(Request req, Response resp) {
            resp.setText("get");
        }

        public void onQuery(Request req, Response resp) {
            resp.setMedia(List.of("query", req.getMethod(), req.getMedia()));
        }
    }

    @Test
    void queryIsAnsweredByOnQueryWithItsBody() {
        App app = new App();
        app.addRoute("/misc", new Misc());
        Result r = new TestClient(app).simulateRequest("QUERY", "/misc", Simulate.with().json(List.of(1, 2)));
        assertThat(r.getStatusCode()).isEqualTo(200);
        assertThat(r.getText()).isEqualTo("[\"query\", \"QUERY\", [1, 2]]");
    }

    @Test
    void queryWithoutOnQueryIs405AndAllowListsIt() {
        App app = new App();
        app.addRoute("/get", new Object() {
            public void onGet(Request req, Response resp) {
            }
        });
        app.addRoute("/misc", new Misc());
        TestClient c = new TestClient(app);
        Result r = c.simulateRequest("QUERY", "/get", Simulate.with());
        assertThat(r.getStatusCode()).isEqualTo(405);
        assertThat(r.getHeader("Allow")).isEqualTo("GET, OPTIONS");
        assertThat(c.simulateOptions("/misc").getHeader("Allow")).isEqualTo("GET, QUERY");
    }

    /** Falcon's ResourceWithDefaultResponder, with a class hook that must not wrap onRequest. */
    @Before(Tag.class)
    public static class CatchAll {
        public void onGet(Request req, Response resp) {
            resp.setText("own get " + req.getContext().get("tag"));
        }

        public void onRequest(Request req, Response resp) {
            resp.setText("on_request " + req.getMethod() + " " + req.getContext().get("tag"));
        }

        public void onRequestId(Request req, Response resp, String id) {
            resp.setText("on_request_id " + req.getMethod() + " " + id);
        }
    }

    /** Marks the request, to show which responders a class-level hook wraps. */
    public static class Tag implements BeforeHook {
        @Override
        public void before(Request req, Response resp, Object resource, RouteParams params) {
            req.getContext().put("tag", "hooked");
        }
    }

    private static TestClient catchAll(boolean on) {
        App app = new App();
        app.getRouterOptions().setDefaultToOnRequest(on);
        app.addRoute("/default", new CatchAll());
        if (on) {
            app.addRoute("/default/{id}", new CatchAll(), "id");
        }
        return new TestClient(app);
    }

    @Test
    void onRequestAnswersEveryMethodWithoutItsOwnResponderButOptions() {
        TestClient c = catchAll(true);
        assertThat(c.simulateGet("/default").getText()).isEqualTo("own get hooked");
        for (String method : new String[] {"POST", "PUT", "DELETE", "PATCH", "QUERY", "PROPFIND", "HEAD"}) {
            Result r = c.simulateRequest(method, "/default", Simulate.with());
            assertThat(r.getStatusCode()).as(method).isEqualTo(200);
            if (!method.equals("HEAD")) {
                // Falcon: class-level hooks do not wrap default responders (decorate_on_request).
                assertThat(r.getText()).as(method).isEqualTo("on_request " + method + " null");
            }
        }
        Result options = c.simulateOptions("/default");
        assertThat(options.getStatusCode()).isEqualTo(200);
        assertThat(options.getHeader("Allow")).isEqualTo("GET");
        assertThat(options.getText()).isEmpty();
        assertThat(c.simulateRequest("FOO", "/default", Simulate.with()).getStatusCode()).isEqualTo(400);
    }

    @Test
    void withASuffixOnRequestSuffixAnswersEveryMethod() {
        TestClient c = catchAll(true);
        assertThat(c.simulateGet("/default/7").getText()).isEqualTo("on_request_id GET 7");
        assertThat(c.simulatePost("/default/8").getText()).isEqualTo("on_request_id POST 8");
        Result options = c.simulateOptions("/default/7");
        assertThat(options.getStatusCode()).isEqualTo(200);
        assertThat(options.getHeader("Allow")).isNull();
    }

    @Test
    void offByDefault() {
        TestClient c = catchAll(false);
        Result r = c.simulatePost("/default");
        assertThat(r.getStatusCode()).isEqualTo(405);
        assertThat(r.getHeader("Allow")).isEqualTo("GET, OPTIONS");
        // Falcon: SuffixedMethodNotFoundError unless default_to_on_request finds on_request_id.
        App app = new App();
        assertThatThrownBy(() -> app.addRoute("/default/{id}", new CatchAll(), "id"))
                .isInstanceOf(UnacceptableRouteError.class);
    }

    @Test
    void aCatchAllResourceWithOnlyOnRequest() {
        App app = new App();
        app.getRouterOptions().setDefaultToOnRequest(true);
        app.addRoute("/catch-all", new Object() {
            public void onRequest(Request req, Response resp) {
                resp.setText(req.getMethod());
            }
        });
        TestClient c = new TestClient(app);
        assertThat(c.simulateGet("/catch-all").getText()).isEqualTo("GET");
        Result options = c.simulateOptions("/catch-all");
        assertThat(options.getStatusCode()).isEqualTo(200);
        assertThat(options.getHeader("Allow")).isNull();
    }

    @Test
    void customHttpMethodsAreRoutedPerApp() {
        App app = new App();
        app.getRouterOptions().customHttpMethods().addAll(List.of("purge", " FOO-BAR "));
        List<String> seen = new ArrayList<>();
        app.addRoute("/cache", new Object() {
            public void onPurge(Request req, Response resp) {
                seen.add(req.getMethod());
                resp.setStatus(Status.HTTP_204);
            }

            public void onGet(Request req, Response resp) {
            }
        });
        TestClient c = new TestClient(app);
        assertThat(c.simulateRequest("PURGE", "/cache", Simulate.with()).getStatusCode()).isEqualTo(204);
        assertThat(seen).containsExactly("PURGE");
        Result other = c.simulateRequest("FOO-BAR", "/cache", Simulate.with());
        assertThat(other.getStatusCode()).isEqualTo(405);
        assertThat(other.getHeader("Allow")).isEqualTo("GET, PURGE, OPTIONS");
        assertThat(c.simulateRequest("BAZ", "/cache", Simulate.with()).getStatusCode()).isEqualTo(400);

        App plain = new App();
        plain.addRoute("/cache", new Object() {
            public void onGet(Request req, Response resp) {
            }
        });
        assertThat(new TestClient(plain).simulateRequest("PURGE", "/cache", Simulate.with()).getText())
                .isEqualTo("{\"title\": \"Bad request\", \"description\": \"Invalid HTTP method\"}");
    }
}
