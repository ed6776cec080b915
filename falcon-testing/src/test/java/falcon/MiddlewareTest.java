package falcon;

import static org.assertj.core.api.Assertions.assertThat;

import falcon.routing.RouteParams;
import falcon.testing.Result;
import falcon.testing.Simulate;
import falcon.testing.TestClient;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Falcon: tests/test_middleware.py. Every expected log below was recorded from Falcon 3.1.1 with
 * the same three components (see the commit that added this test).
 */
class MiddlewareTest {

    static final List<String> LOG = Collections.synchronizedList(new ArrayList<>());

    static final class Component implements Middleware {
        final int n;
        final boolean raiseInRequest;
        final boolean complete;

        Component(int n, boolean raiseInRequest, boolean complete) {
            this.n = n;
            this.raiseInRequest = raiseInRequest;
            this.complete = complete;
        }

        @Override
        public void processRequest(Request req, Response resp) {
            LOG.add(n + ".req");
            if (raiseInRequest) {
                throw new HTTPForbidden();
            }
            if (complete) {
                resp.setComplete(true);
                resp.setStatus(Status.HTTP_418);
            }
        }

        @Override
        public void processResource(Request req, Response resp, Object resource, RouteParams params) {
            LOG.add(n + ".rsrc");
        }

        @Override
        public void processResponse(Request req, Response resp, Object resource, boolean reqSucceeded) {
            LOG.add(n + ".resp(" + reqSucceeded + "," + (resource != null) + ")");
        }
    }

    public static class Resource {
        public void onGet(Request req, Response resp) {
            LOG.add("responder");
        }

        public void onPost(Request req, Response resp) {
            LOG.add("responder");
            throw new IllegalStateException("boom");
        }
    }

    static final String ALL_OK = "1.req 2.req 3.req 1.rsrc 2.rsrc 3.rsrc responder "
            + "3.resp(true,true) 2.resp(true,true) 1.resp(true,true)";
    static final String RESPONDER_RAISED = "1.req 2.req 3.req 1.rsrc 2.rsrc 3.rsrc responder "
            + "3.resp(false,true) 2.resp(false,true) 1.resp(false,true)";
    static final String NOT_FOUND = "1.req 2.req 3.req 3.resp(false,false) 2.resp(false,false) 1.resp(false,false)";
    static final String RAISED_INDEPENDENT = "1.req 2.req 3.resp(false,false) 2.resp(false,false) 1.resp(false,false)";
    static final String RAISED_DEPENDENT = "1.req 2.req 1.resp(false,false)";
    static final String COMPLETED = "1.req 2.req 3.resp(true,false) 2.resp(true,false) 1.resp(true,false)";

    static Stream<Arguments> falconRecordings() {
        return Stream.of(
                Arguments.of(true, "none", "GET", "/r", 200, ALL_OK),
                Arguments.of(true, "none", "POST", "/r", 500, RESPONDER_RAISED),
                Arguments.of(true, "none", "GET", "/nope", 404, NOT_FOUND),
                Arguments.of(true, "raise", "GET", "/r", 403, RAISED_INDEPENDENT),
                Arguments.of(true, "raise", "GET", "/nope", 403, RAISED_INDEPENDENT),
                Arguments.of(true, "complete", "GET", "/r", 418, COMPLETED),
                Arguments.of(true, "complete", "POST", "/r", 418, COMPLETED),
                Arguments.of(false, "none", "GET", "/r", 200, ALL_OK),
                Arguments.of(false, "none", "POST", "/r", 500, RESPONDER_RAISED),
                Arguments.of(false, "none", "GET", "/nope", 404, NOT_FOUND),
                Arguments.of(false, "raise", "GET", "/r", 403, RAISED_DEPENDENT),
                Arguments.of(false, "raise", "POST", "/r", 403, RAISED_DEPENDENT),
                Arguments.of(false, "complete", "GET", "/r", 418, COMPLETED),
                Arguments.of(false, "complete", "GET", "/nope", 418, COMPLETED));
    }

    @ParameterizedTest(name = "independent={0} {1} {2} {3}")
    @MethodSource("falconRecordings")
    void middlewareRunsInFalconsOrder(boolean independent, String second, String method, String path,
            int status, String expectedLog) {
        App app = App.builder()
                .independentMiddleware(independent)
                .middleware(new Component(1, false, false),
                        new Component(2, second.equals("raise"), second.equals("complete")),
                        new Component(3, false, false))
                .build();
        app.addRoute("/r", new Resource());
        LOG.clear();
        Result result = new TestClient(app).simulateRequest(method, path);
        assertThat(result.getStatusCode()).isEqualTo(status);
        assertThat(String.join(" ", LOG)).isEqualTo(expectedLog);
    }

    @Test
    void absentMethodsAreNeverCalledAndCostNothing() {
        List<String> calls = new ArrayList<>();
        Middleware onlyResponse = new Middleware() {
            @Override
            public void processResponse(Request req, Response resp, Object resource, boolean ok) {
                calls.add("resp");
            }
        };
        App app = new App();
        app.addMiddleware(onlyResponse);
        app.addRoute("/r", new Resource());
        new TestClient(app).simulateGet("/r");
        assertThat(calls).containsExactly("resp");
    }

    @Test
    void processRequestMayChangeThePathToReRoute() {
        App app = new App();
        app.addMiddleware(new Middleware() {
            @Override
            public void processRequest(Request req, Response resp) {
                if (req.getPath().equals("/old")) {
                    req.setPath("/r");
                }
            }
        });
        app.addRoute("/r", new Resource());
        LOG.clear();
        assertThat(new TestClient(app).simulateGet("/old").getStatusCode()).isEqualTo(200);
        assertThat(LOG).containsExactly("responder");
    }

    @Test
    void processResourceMayChangeTheParamsTheResponderGets() {
        App app = new App();
        app.addMiddleware(new Middleware() {
            @Override
            public void processResource(Request req, Response resp, Object resource, RouteParams params) {
                params.put("id", 99);
            }
        });
        app.addRoute("/items/{id:int}", new Object() {
            public void onGet(Request req, Response resp, int id) {
                resp.setText("id=" + id);
            }
        });
        assertThat(new TestClient(app).simulateGet("/items/1").getText()).isEqualTo("id=99");
    }

    @Test
    void anErrorInProcessResponseIsHandledAndLaterComponentsStillRun() {
        List<String> calls = new ArrayList<>();
        App app = App.builder().middleware(new Middleware() {
            @Override
            public void processResponse(Request req, Response resp, Object resource, boolean ok) {
                calls.add("outer(" + ok + ")");
            }
        }, new Middleware() {
            @Override
            public void processResponse(Request req, Response resp, Object resource, boolean ok) {
                calls.add("inner");
                throw new HTTPConflict();
            }
        }).build();
        app.addRoute("/r", new Resource());
        Result result = new TestClient(app).simulateGet("/r");
        assertThat(result.getStatusCode()).isEqualTo(409);
        assertThat(calls).containsExactly("inner", "outer(false)");
    }

    @Test
    void middlewareCanSetHeadersOnEveryResponse() {
        App app = App.builder().middleware(new Middleware() {
            @Override
            public void processResponse(Request req, Response resp, Object resource, boolean ok) {
                resp.setHeader("X-Powered-By", "falcon");
            }
        }).build();
        Result notFound = new TestClient(app).simulateGet("/missing", Simulate.with());
        assertThat(notFound.getHeader("x-powered-by")).isEqualTo("falcon");
    }
}
