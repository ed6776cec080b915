package falcon;

import static org.assertj.core.api.Assertions.assertThat;

import falcon.testing.Result;
import falcon.testing.Simulate;
import falcon.testing.TestClient;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Falcon: tests/test_default_router.py, test_http_method_routing.py; expected values checked
 * against Falcon 3.1.1's TestClient.
 */
class DefaultRespondersTest {

    public static class ThingResource {
        public void onGet(Request req, Response resp, int id) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("id", id);
            doc.put("x", List.of(1, 2));
            doc.put("u", "\u00e9");
            resp.setMedia(doc);
        }

        public void onPost(Request req, Response resp, int id) {
            resp.setStatus(Status.HTTP_204);
            resp.setText("x");
        }
    }

    private final TestClient client = client();

    private static TestClient client() {
        App app = new App();
        app.addRoute("/r/{id:int}", new ThingResource());
        return new TestClient(app);
    }

    @Test
    void mediaIsSerializedAsFalconDoesWithLengthAndDefaultType() {
        Result result = client.simulateGet("/r/5");
        assertThat(result.getStatus()).isEqualTo("200 OK");
        assertThat(result.getText()).isEqualTo("{\"id\": 5, \"x\": [1, 2], \"u\": \"\u00e9\"}");
        assertThat(result.getHeaderLines()).containsExactly("content-type", "application/json",
                "content-length", "33");
    }

    @Test
    void headWithoutResponderIs405WithLengthButNoBody() {
        Result result = client.simulateHead("/r/5");
        assertThat(result.getStatusCode()).isEqualTo(405);
        assertThat(result.getHeader("Allow")).isEqualTo("GET, POST, OPTIONS");
        assertThat(result.getHeader("content-length")).isEqualTo("35");
        assertThat(result.getContent()).isEmpty();
    }

    @Test
    void status204DropsBodyLengthAndContentType() {
        Result result = client.simulatePost("/r/5");
        assertThat(result.getStatus()).isEqualTo("204 No Content");
        assertThat(result.getHeaderLines()).isEmpty();
        assertThat(result.getContent()).isEmpty();
    }

    @Test
    void defaultOptionsListsTheResponderMethodsWithoutOptions() {
        Result result = client.simulateOptions("/r/5");
        assertThat(result.getStatusCode()).isEqualTo(200);
        assertThat(result.getHeaderLines()).containsExactly("allow", "GET, POST", "content-length", "0",
                "content-type", "application/json");
    }

    @Test
    void knownMethodWithoutResponderIs405WithAllow() {
        Result result = client.simulateDelete("/r/5");
        assertThat(result.getStatus()).isEqualTo("405 Method Not Allowed");
        assertThat(result.getHeaderLines()).containsExactly("allow", "GET, POST, OPTIONS", "content-type",
                "application/json", "vary", "Accept", "content-length", "35");
        assertThat(result.getText()).isEqualTo("{\"title\": \"405 Method Not Allowed\"}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"PROPFIND", "MKCOL", "VERSION-CONTROL", "CONNECT", "TRACE"})
    void webDavAndOtherKnownMethodsAre405(String method) {
        assertThat(client.simulateRequest(method, "/r/5").getStatusCode()).isEqualTo(405);
    }

    @ParameterizedTest
    @ValueSource(strings = {"FOO", "get"})
    void unknownMethodIs400InvalidHttpMethod(String method) {
        Result result = client.simulateRequest(method, "/r/5");
        assertThat(result.getStatus()).isEqualTo("400 Bad Request");
        assertThat(result.getText()).isEqualTo("{\"title\": \"Bad request\", \"description\": \"Invalid HTTP method\"}");
    }

    @Test
    void noRouteIs404WithFalconsBody() {
        Result result = client.simulateGet("/nope");
        assertThat(result.getStatus()).isEqualTo("404 Not Found");
        assertThat(result.getHeaderLines()).containsExactly("content-type", "application/json", "vary", "Accept",
                "content-length", "26");
        assertThat(result.getText()).isEqualTo("{\"title\": \"404 Not Found\"}");
    }

    @Test
    void converterMismatchIs404() {
        assertThat(client.simulateGet("/r/abc").getStatusCode()).isEqualTo(404);
        assertThat(client.simulateGet("/r/4.2").getStatusCode()).isEqualTo(404);
    }

    @Test
    void signedIntegersMatchTheIntConverter() {
        assertThat(client.simulateGet("/r/-7").getJsonMap()).containsEntry("id", -7);
    }

    @Test
    void requestBodyIsNotReadUnlessTheResponderAsks() {
        Result result = client.simulatePost("/r/5", Simulate.with().body("{bad").contentType("application/json"));
        assertThat(result.getStatusCode()).isEqualTo(204);
    }

    @Test
    void websocketAsAnHttpMethodIsA400BeforeRoutingAsInFalcon() {
        // Falcon 3.1.1's App.__call__: `if req.method in self._META_METHODS: raise HTTPBadRequest()`
        Result onRoute = client.simulateRequest("WEBSOCKET", "/r/1", Simulate.with());
        assertThat(onRoute.getStatus()).isEqualTo("400 Bad Request");
        assertThat(onRoute.getText()).isEqualTo("{\"title\": \"400 Bad Request\"}");
        Result noRoute = client.simulateRequest("WEBSOCKET", "/nowhere", Simulate.with());
        assertThat(noRoute.getText()).isEqualTo("{\"title\": \"400 Bad Request\"}");
    }

    @Test
    void websocketAsAnHttpMethodReachesTheErrorHandlersButNoRequestMiddleware() {
        // Falcon 3.1.1 (create_environ, as its TestClient lints WEBSOCKET away): b"handled", [response False]
        App app = new App();
        List<String> seen = new java.util.ArrayList<>();
        app.addMiddleware(new Middleware() {
            @Override
            public void processRequest(Request req, Response resp) {
                seen.add("request");
            }

            @Override
            public void processResponse(Request req, Response resp, Object resource, boolean reqSucceeded) {
                seen.add("response " + reqSucceeded);
            }
        });
        app.addRoute("/r/{id:int}", new ThingResource());
        app.addErrorHandler(HTTPBadRequest.class, (req, resp, ex, params) -> resp.setText("handled"));
        Result r = new TestClient(app).simulateRequest("WEBSOCKET", "/r/1", Simulate.with());
        assertThat(r.getText()).isEqualTo("handled");
        assertThat(seen).containsExactly("response false");
    }

    @Test
    void mediaTypesAreMatchedWhateverTheirCase() {
        // RFC 9110 section 8.3.1: type and subtype are case-insensitive (Falcon 3.1.1 compares them
        // case-sensitively: docs/differences.md).
        App app = new App();
        app.addRoute("/m", new Object() {
            public void onPost(Request req, Response resp) {
                resp.setMedia(req.getMedia());
            }

            public void onGet(Request req, Response resp) {
                resp.setText(req.clientAccepts("text/plain") + " " + req.clientPrefers(List.of("text/plain")));
            }
        });
        TestClient c = new TestClient(app);
        assertThat(c.simulatePost("/m", Simulate.with().body("[1]").contentType("Application/JSON")).getText())
                .isEqualTo("[1]");
        assertThat(c.simulateGet("/m", Simulate.with().header("Accept", "TEXT/PLAIN")).getText())
                .isEqualTo("true text/plain");
    }

    @Test
    void a205KeepsItsBodyInTheAppAsInFalcon() {
        // The embedded server drops it on the wire (RFC 9110 section 15.3.6; docs/differences.md).
        App app = new App();
        app.addRoute("/reset", new Object() {
            public void onPut(Request req, Response resp) {
                resp.setStatus(Status.HTTP_205);
                resp.setText("reset");
            }
        });
        Result r = new TestClient(app).simulatePut("/reset");
        assertThat(r.getStatusCode()).isEqualTo(205);
        assertThat(r.getText()).isEqualTo("reset");
    }
}
