package falcon;

import static org.assertj.core.api.Assertions.assertThat;

import falcon.routing.MethodMap;
import falcon.routing.RouteMatch;
import falcon.routing.RouteParams;
import falcon.routing.Router;
import falcon.testing.Result;
import falcon.testing.Simulate;
import falcon.testing.TestClient;
import falcon.util.Context;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Falcon: tests/test_custom_router.py, test_request_media.py, test_sinks.py, test_slash... */
class AppOptionsTest {

    public static class Echo {
        public void onPost(Request req, Response resp) {
            resp.setMedia(Map.of("got", req.getMedia()));
        }

        public void onPut(Request req, Response resp) {
            resp.setMedia(Map.of("got", req.getMedia(Map.of("d", 1))));
        }
    }

    private static TestClient echo() {
        App app = new App();
        app.addRoute("/m", new Echo());
        return new TestClient(app);
    }

    @Test
    void emptyJsonBodyIsMediaNotFound() {
        Result r = echo().simulatePost("/m", Simulate.with().body("").contentType("application/json"));
        assertThat(r.getStatus()).isEqualTo("400 Bad Request");
        assertThat(r.getText()).isEqualTo(
                "{\"title\": \"Invalid JSON\", \"description\": \"Could not parse an empty JSON body\"}");
    }

    @Test
    void malformedJsonIsA400WithTheCause() {
        Result r = echo().simulatePost("/m", Simulate.with().body("{\"a\":").contentType("application/json"));
        assertThat(r.getStatusCode()).isEqualTo(400);
        assertThat(r.getJsonMap()).containsEntry("title", "Invalid JSON");
        assertThat((String) r.getJsonMap().get("description")).startsWith("Could not parse JSON body - ");
    }

    @Test
    void jsonIsTheDefaultMediaTypeAndRoundTrips() {
        Result r = echo().simulatePost("/m", Simulate.with().body("{\"a\": [1, 2.5, null, true]}"));
        assertThat(r.getText()).isEqualTo("{\"got\": {\"a\": [1, 2.5, null, true]}}");
    }

    @Test
    void contentTypeParametersStillFindTheJsonHandler() {
        Result r = echo().simulatePost("/m",
                Simulate.with().body("{\"a\":1}").contentType("application/json; charset=utf-8"));
        assertThat(r.getText()).isEqualTo("{\"got\": {\"a\": 1}}");
    }

    @Test
    void anUnknownContentTypeIs415() {
        Result r = echo().simulatePost("/m", Simulate.with().body("x").contentType("text/plain"));
        assertThat(r.getStatus()).isEqualTo("415 Unsupported Media Type");
        assertThat(r.getText()).isEqualTo("{\"title\": \"415 Unsupported Media Type\", "
                + "\"description\": \"text/plain is an unsupported media type.\"}");
    }

    @Test
    void defaultWhenEmptyAppliesToAnEmptyBody() {
        assertThat(echo().simulatePut("/m", Simulate.with().body("")).getText()).isEqualTo("{\"got\": {\"d\": 1}}");
    }

    @Test
    void urlEncodedFormsAreMedia() {
        Result r = echo().simulatePost("/m",
                Simulate.with().body("a=1&b=2&a=3").contentType("application/x-www-form-urlencoded"));
        assertThat(r.getJsonMap()).isEqualTo(Map.of("got", Map.of("a", List.of("1", "3"), "b", "2")));
    }

    @Test
    void mediaIsParsedOnceAndErrorsAreCached() {
        App app = new App();
        app.addRoute("/twice", new Object() {
            public void onPost(Request req, Response resp) {
                Object first = req.getMedia();
                resp.setText(String.valueOf(first == req.getMedia()));
            }

            public void onPut(Request req, Response resp) {
                RuntimeException a = null;
                RuntimeException b = null;
                try {
                    req.getMedia();
                } catch (RuntimeException ex) {
                    a = ex;
                }
                try {
                    req.getMedia();
                } catch (RuntimeException ex) {
                    b = ex;
                }
                resp.setText(String.valueOf(a != null && a == b));
            }
        });
        TestClient client = new TestClient(app);
        assertThat(client.simulatePost("/twice", Simulate.with().json(Map.of("a", 1))).getText()).isEqualTo("true");
        assertThat(client.simulatePut("/twice", Simulate.with().body("{")).getText()).isEqualTo("true");
    }

    @Test
    void trailingSlashIsStrippedWhenAsked() {
        App app = new App();
        app.getReqOptions().stripUrlPathTrailingSlash = true;
        app.addRoute("/a", new Object() {
            public void onGet(Request req, Response resp) {
                resp.setText(req.getPath());
            }
        });
        TestClient client = new TestClient(app);
        assertThat(client.simulateGet("/a/").getText()).isEqualTo("/a");
        assertThat(client.simulateGet("/").getStatusCode()).isEqualTo(404);
    }

    @Test
    void withoutTheOptionATrailingSlashIsAnotherRoute() {
        App app = new App();
        app.addRoute("/a", new Object() {
            public void onGet(Request req, Response resp) {
            }
        });
        assertThat(new TestClient(app).simulateGet("/a/").getStatusCode()).isEqualTo(404);
    }

    static final class MapRouter implements Router {
        private final Map<String, RouteMatch> routes = new HashMap<>();

        @Override
        public void addRoute(String uriTemplate, Object resource, String suffix) {
            routes.put(uriTemplate, new RouteMatch(resource, MethodMap.bind(resource, suffix, uriTemplate, List.of()),
                    new RouteParams(), uriTemplate));
        }

        @Override
        public RouteMatch find(String path, Request req) {
            return routes.get(path);
        }
    }

    @Test
    void aCustomRouterIsUsed() {
        App app = App.builder().router(new MapRouter()).build();
        app.addRoute("/custom", new Object() {
            public void onGet(Request req, Response resp) {
                resp.setText("via " + req.getUriTemplate());
            }
        });
        TestClient client = new TestClient(app);
        assertThat(client.simulateGet("/custom").getText()).isEqualTo("via /custom");
        assertThat(client.simulateGet("/other").getStatusCode()).isEqualTo(404);
    }

    static final class UserContext extends Context {
        private static final long serialVersionUID = 1L;
        String user = "anonymous";
    }

    static final class MyRequest extends Request {
        MyRequest(falcon.gateway.Exchange exchange, RequestOptions options) {
            super(exchange, options);
        }

        String shout() {
            return getPath().toUpperCase(java.util.Locale.ROOT);
        }
    }

    @Test
    void customRequestTypesAndContextFactoriesAreUsed() {
        App app = App.builder().requestType(MyRequest::new).requestContextType(r -> new UserContext()).build();
        app.addRoute("/who", new Object() {
            public void onGet(Request req, Response resp) {
                resp.setText(((MyRequest) req).shout() + " " + ((UserContext) req.getContext()).user);
            }
        });
        assertThat(new TestClient(app).simulateGet("/who").getText()).isEqualTo("/WHO anonymous");
    }

    @Test
    void mediaTypeOptionSetsTheDefaultContentType() {
        App app = App.builder().mediaType("application/xml").build();
        app.addRoute("/x", new Object() {
            public void onGet(Request req, Response resp) {
                resp.setText("<a/>");
            }
        });
        assertThat(new TestClient(app).simulateGet("/x").getHeader("content-type")).isEqualTo("application/xml");
    }

    @Test
    void sinksGetNamedGroupsAnyMethodAndAreMaskedByRoutes() {
        App app = new App();
        app.addSink((req, resp, params) -> resp.setText("old " + req.getMethod() + " " + params.get("id")),
                "/proxy/(?<id>[0-9]+)");
        app.addSink((req, resp, params) -> resp.setText("new " + params.get("id")), "/proxy/(?<id>[0-9]+)");
        app.addRoute("/proxy/route", new Object() {
            public void onGet(Request req, Response resp) {
                resp.setText("route");
            }
        });
        TestClient client = new TestClient(app);
        assertThat(client.simulateDelete("/proxy/42").getText()).isEqualTo("new 42");
        assertThat(client.simulateGet("/proxy/route").getText()).isEqualTo("route");
        assertThat(client.simulateGet("/elsewhere").getStatusCode()).isEqualTo(404);
    }

    @Test
    void scheduledCallbacksRunAfterTheResponse() {
        StringBuilder order = new StringBuilder();
        App app = new App();
        app.addRoute("/later", new Object() {
            public void onGet(Request req, Response resp) {
                resp.scheduleSync(() -> order.append("callback"));
                order.append("responder;");
            }
        });
        new TestClient(app).simulateGet("/later");
        assertThat(order).hasToString("responder;callback");
    }
}
