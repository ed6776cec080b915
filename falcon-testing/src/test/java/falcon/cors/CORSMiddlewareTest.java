package falcon.cors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import falcon.App;
import falcon.CORSMiddleware;
import falcon.HTTPForbidden;
import falcon.Request;
import falcon.Response;
import falcon.testing.Result;
import falcon.testing.Simulate;
import falcon.testing.TestClient;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Falcon: tests/test_cors_middleware.py. The parameterized cases were recorded from Falcon 3.1.1
 * by {@code record-cors.py} (next to the fixture): every status, header and body must match.
 */
class CORSMiddlewareTest {

    public static class Things {
        public void onGet(Request req, Response resp) {
            resp.setMedia(Map.of("ok", true));
            if (req.getParam("own") != null) {
                resp.setHeader("Access-Control-Allow-Origin", "http://own");
            }
        }

        public void onPost(Request req, Response resp) {
            throw new HTTPForbidden();
        }

        public void onDelete(Request req, Response resp) {
            throw new IllegalStateException("boom");
        }
    }

    static App app(String config) {
        App app;
        switch (config) {
            case "enable":
                app = App.builder().corsEnable(true).build();
                break;
            case "list":
                app = App.builder().middleware(new CORSMiddleware(List.of("http://a.example", "http://b.example"),
                        List.of("X-One", "X-Two"), List.of("http://b.example"))).build();
                break;
            case "credStar":
                app = App.builder().middleware(new CORSMiddleware("*", "X-Only", "*")).build();
                break;
            case "single":
                app = App.builder().middleware(new CORSMiddleware("http://a.example", null, "http://a.example")).build();
                break;
            default:
                throw new IllegalArgumentException(config);
        }
        app.addRoute("/r", new Things());
        return app;
    }

    static Stream<Arguments> recorded() throws IOException {
        try (InputStream in = CORSMiddlewareTest.class.getResourceAsStream("/falcon/cors/cors-falcon-3.1.1.json")) {
            List<Map<String, Object>> cases = new ObjectMapper().readValue(in, new TypeReference<>() { });
            return cases.stream().map(c -> Arguments.of(c.get("config") + " " + c.get("request"), c));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recorded")
    @SuppressWarnings("unchecked")
    void answersAsFalconDoes(String label, Map<String, Object> c) {
        Simulate sim = Simulate.with();
        ((Map<String, String>) c.get("headers")).forEach(sim::header);
        ((Map<String, String>) c.get("params")).forEach(sim::param);
        Result r = new TestClient(app((String) c.get("config")))
                .simulateRequest((String) c.get("method"), (String) c.get("path"), sim);
        assertThat(r.getStatusCode()).as(label).isEqualTo(c.get("status"));
        Map<String, String> expected = new TreeMap<>((Map<String, String>) c.get("responseHeaders"));
        Map<String, String> actual = new TreeMap<>();
        r.getHeaders().forEach((k, v) -> actual.put(k.toLowerCase(Locale.ROOT), v));
        assertThat(actual).as(label).isEqualTo(expected);
        assertThat(r.getText()).as(label).isEqualTo(c.get("text"));
    }

    @Test
    void aWildcardInsideAListIsRefused() {
        assertThatThrownBy(() -> new CORSMiddleware(List.of("*"), null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The wildcard string \"*\" may only be passed to allow_origins as a string literal, "
                        + "not inside an iterable.");
        assertThatThrownBy(() -> new CORSMiddleware(null, null, List.of("*", "http://x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("allow_credentials");
    }

    @Test
    void corsEnableAndACorsMiddlewareExcludeEachOther() {
        // NOTE: Falcon 4 raises ValueError here; 3.1.1 installed both.
        assertThatThrownBy(() -> App.builder().corsEnable(true).middleware(new CORSMiddleware()).build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void privateNetworkPreflightsAreAnsweredWhenAllowed() {
        App app = App.builder().middleware(new CORSMiddleware(null, null, null, true)).build();
        app.addRoute("/r", new Things());
        Result r = new TestClient(app).simulateOptions("/r", Simulate.with().header("Origin", "http://a")
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Private-Network", "true"));
        assertThat(r.getHeader("Access-Control-Allow-Private-Network")).isEqualTo("true");
        Result plain = new TestClient(app(("enable"))).simulateOptions("/r", Simulate.with().header("Origin", "http://a")
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Private-Network", "true"));
        assertThat(plain.getHeader("Access-Control-Allow-Private-Network")).isNull();
    }

    @Test
    void aPreflightWhoseResponderSetsNoAllowIsDenied() {
        // Falcon 4: without Allow, every Access-Control header is removed.
        App app = App.builder().corsEnable(true).build();
        app.addRoute("/r", new Object() {
            public void onOptions(Request req, Response resp) {
                resp.setStatus(204);
            }
        });
        Result r = new TestClient(app).simulateOptions("/r", Simulate.with().header("Origin", "http://a")
                .header("Access-Control-Request-Method", "GET"));
        assertThat(r.getHeader("Access-Control-Allow-Origin")).isNull();
        assertThat(r.getHeader("Access-Control-Allow-Methods")).isNull();
    }

    @Test
    void sinksAndStaticRoutesGetCorsHeadersToo() {
        App app = App.builder().corsEnable(true).build();
        app.addSink((req, resp, params) -> resp.setText("sunk"), "/sink");
        Result r = new TestClient(app).simulateGet("/sink/x", Simulate.with().header("Origin", "http://a"));
        assertThat(r.getHeader("Access-Control-Allow-Origin")).isEqualTo("*");
    }
}
