package falcon.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import falcon.App;
import falcon.Request;
import falcon.Response;
import falcon.gateway.Handler;
import falcon.gateway.Reply;
import falcon.gateway.ReplyBody;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Falcon: tests/test_testing.py, tests/test_simulate.py (the parts the in-memory client covers). */
class TestClientTest {

    /** Answers with what it saw of the request. */
    public static class Mirror {
        public void onGet(Request req, Response resp) {
            Map<String, Object> seen = new LinkedHashMap<>();
            seen.put("method", req.getMethod());
            seen.put("path", req.getPath());
            seen.put("qs", req.getQueryString());
            seen.put("params", req.getParams());
            seen.put("host", req.getHost());
            seen.put("uri", req.getUri());
            seen.put("remote", req.getRemoteAddr());
            seen.put("cookies", req.getCookies());
            seen.put("x", req.getHeader("X-Thing"));
            seen.put("ua", req.getUserAgent());
            seen.put("scheme", req.getScheme());
            seen.put("protocol", req.getProtocol());
            resp.setMedia(seen);
        }

        public void onPost(Request req, Response resp) {
            resp.setMedia(Map.of("type", String.valueOf(req.getContentType()), "body", req.getMedia()));
        }

        public void onPut(Request req, Response resp) {
            resp.setCookie("session", "abc", null, 60, "example.com", "/", true, true, "Lax");
            resp.appendHeader("X-List", "a");
            resp.appendHeader("X-List", "b");
            resp.setText("ok");
        }

        public void onDelete(Request req, Response resp) {
            resp.setData(new byte[] {1, 2, 3});
        }
    }

    private final TestClient client = client();

    private static TestClient client() {
        App app = new App();
        app.addRoute("/m", new Mirror());
        app.addRoute("/m/{rest:path}", new Object() {
            public void onGet(Request req, Response resp, String rest) {
                resp.setMedia(Map.of("path", req.getPath(), "rest", rest));
            }
        });
        return new TestClient(app);
    }

    @Test
    void pathMayCarryTheQueryString() {
        Map<String, Object> seen = client.simulateGet("/m?a=1&b=x%20y&a=2").getJsonMap();
        assertThat(seen).containsEntry("qs", "a=1&b=x%20y&a=2")
                .containsEntry("params", Map.of("a", List.of("1", "2"), "b", "x y"));
    }

    @Test
    void paramsAreEncodedIntoTheQueryString() {
        Map<String, Object> seen = client.simulateGet("/m",
                Simulate.with().param("q", "a b&c").param("n", List.of(1, 2)).param("t", true)).getJsonMap();
        assertThat(seen).containsEntry("qs", "q=a+b%26c&n=1&n=2&t=true");
    }

    @Test
    void paramsCsvJoinsListValues() {
        Map<String, Object> seen = client.simulateGet("/m",
                Simulate.with().param("n", List.of("x", "y")).paramsCsv(true)).getJsonMap();
        assertThat(seen).containsEntry("qs", "n=x,y");
    }

    @Test
    void queryStringIsSentAsIs() {
        assertThat(client.simulateGet("/m", Simulate.with().queryString("x=%41")).getJsonMap())
                .containsEntry("params", Map.of("x", "A"));
    }

    @Test
    void aQueryStringInBothPlacesIsAMistake() {
        assertThatThrownBy(() -> client.simulateGet("/m?a=1", Simulate.with().param("b", 2)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void pathMustStartWithASlash() {
        assertThatThrownBy(() -> client.simulateGet("m")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void hostRemoteAddressHeadersAndCookiesAreSent() {
        Map<String, Object> seen = client.simulateGet("/m", Simulate.with().host("api.example.org")
                .remoteAddr("10.1.2.3").header("X-Thing", "7").cookie("a", "1").cookie("b", "2")).getJsonMap();
        assertThat(seen).containsEntry("host", "api.example.org")
                .containsEntry("uri", "http://api.example.org/m")
                .containsEntry("remote", "10.1.2.3")
                .containsEntry("x", "7")
                .containsEntry("cookies", Map.of("a", "1", "b", "2"));
    }

    @Test
    void defaultsAreFalconsTestDefaults() {
        Map<String, Object> seen = client.simulateGet("/m").getJsonMap();
        assertThat(seen).containsEntry("host", "falconframework.org").containsEntry("remote", "127.0.0.1")
                .containsEntry("uri", "http://falconframework.org/m");
    }

    @Test
    void httpsSchemeAndPortShowInTheUri() {
        Map<String, Object> seen = client.simulateGet("/m", Simulate.with().scheme("https").port(8443)).getJsonMap();
        assertThat(seen).containsEntry("uri", "https://falconframework.org:8443/m");
    }

    @Test
    void protocolIsTheSchemeAsInFalcon() {
        Map<String, Object> seen = client.simulateGet("/m", Simulate.with().protocol("https")).getJsonMap();
        assertThat(seen).containsEntry("scheme", "https").containsEntry("protocol", "HTTP/1.1")
                .containsEntry("uri", "https://falconframework.org/m");
        assertThat((String) seen.get("uri")).startsWith("https://");
    }

    @Test
    void httpVersionSetsTheRequestLineProtocol() {
        assertThat(client.simulateGet("/m").getJsonMap()).containsEntry("protocol", "HTTP/1.1")
                .containsEntry("scheme", "http");
        Map<String, Object> seen = client.simulateGet("/m", Simulate.with().httpVersion("1.0")).getJsonMap();
        assertThat(seen).containsEntry("protocol", "HTTP/1.0").containsEntry("scheme", "http");
        assertThat(client.simulateGet("/m", Simulate.with().httpVersion("2")).getJsonMap())
                .containsEntry("protocol", "HTTP/2");
        assertThat(client.simulateGet("/m", Simulate.with().httpVersion("2.0").protocol("https")).getJsonMap())
                .containsEntry("protocol", "HTTP/2").containsEntry("scheme", "https");
        assertThat(client.simulateGet("/m", Simulate.with().httpVersion("1")).getJsonMap())
                .containsEntry("protocol", "HTTP/1.0");
    }

    @Test
    void anUnknownHttpVersionIsRejectedAsInFalcon() {
        assertThatThrownBy(() -> Simulate.with().httpVersion("HTTP/1.1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("http_version");
        assertThatThrownBy(() -> Simulate.with().httpVersion("3"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPlainHandlerCanBeTested() {
        Handler handler = exchange -> exchange.respond(new Reply(200, "OK",
                List.of("Content-Type", "text/plain"),
                new ReplyBody.Bytes((exchange.scheme() + " " + exchange.protocol()).getBytes(StandardCharsets.UTF_8)),
                null));
        TestClient plain = new TestClient(handler);
        Result result = plain.simulateGet("/anything", Simulate.with().protocol("https").httpVersion("1.0"));
        assertThat(result.getStatusCode()).isEqualTo(200);
        assertThat(result.getText()).isEqualTo("https HTTP/1.0");

        class Fixed implements Handler {
            @Override
            public void handle(falcon.gateway.Exchange exchange) {
                exchange.respond(new Reply(204, "No Content", List.of(), null, null));
            }
        }
        assertThat(new TestClient(new Fixed()).simulateGet("/").getStatusCode()).isEqualTo(204);
    }

    @Test
    void percentEscapesInThePathAreDecoded() {
        assertThat(client.simulateGet("/m/a%20b/c+d").getJsonMap()).containsEntry("path", "/m/a b/c+d")
                .containsEntry("rest", "a b/c+d");
    }

    @Test
    void jsonSetsBodyAndContentType() {
        Result result = client.simulatePost("/m", Simulate.with().json(Map.of("k", List.of(1, "two"))));
        assertThat(result.getJsonMap()).isEqualTo(Map.of("type", "application/json",
                "body", Map.of("k", List.of(1, "two"))));
    }

    @Test
    void resultExposesStatusHeadersCookiesAndBody() {
        Result result = client.simulatePut("/m");
        assertThat(result.getStatus()).isEqualTo("200 OK");
        assertThat(result.getStatusCode()).isEqualTo(200);
        assertThat(result.getHeaders()).containsEntry("X-LIST", "a, b");
        Cookie cookie = result.getCookies().get("session");
        assertThat(cookie.getValue()).isEqualTo("abc");
        assertThat(cookie.getDomain()).isEqualTo("example.com");
        assertThat(cookie.getPath()).isEqualTo("/");
        assertThat(cookie.getMaxAge()).isEqualTo(60);
        assertThat(cookie.isSecure()).isTrue();
        assertThat(cookie.isHttpOnly()).isTrue();
        assertThat(cookie.getSameSite()).isEqualTo("Lax");
        assertThat(result.getHeader("set-cookie"))
                .isEqualTo("session=abc; Domain=example.com; HttpOnly; Max-Age=60; Path=/; SameSite=Lax; Secure");
    }

    @Test
    void contentIsTheRawBytesAndJsonIsNullWhenEmpty() {
        assertThat(client.simulateDelete("/m").getContent()).containsExactly(1, 2, 3);
        assertThat(client.simulateHead("/m").getJson()).isNull();
    }

    @Test
    void shortAliasesMatchTheLongNames() {
        assertThat(client.get("/m").getStatusCode()).isEqualTo(200);
        assertThat(client.post("/m", Simulate.with().json(1)).getStatusCode()).isEqualTo(200);
        assertThat(client.delete("/m", null).getStatusCode()).isEqualTo(200);
        assertThat(client.patch("/m", null).getStatusCode()).isEqualTo(405);
    }

    @Test
    void defaultHeadersGoWithEveryRequest() {
        App app = new App();
        app.addRoute("/m", new Mirror());
        TestClient withDefaults = new TestClient(app, Map.of("X-Thing", "default"));
        assertThat(withDefaults.simulateGet("/m").getJsonMap()).containsEntry("x", "default");
    }

    @Test
    void createReqBuildsARequestForUnitTests() {
        Request req = Testing.createReq("POST", "/a/b?x=1", Simulate.with().header("X-Y", "z"));
        assertThat(req.getMethod()).isEqualTo("POST");
        assertThat(req.getPath()).isEqualTo("/a/b");
        assertThat(req.getParam("x")).isEqualTo("1");
        assertThat(req.getHeader("x-y")).isEqualTo("z");
        Response resp = Testing.createResp();
        assertThat(resp.getStatus()).isEqualTo("200 OK");
    }

    @Test
    void msgpackWithoutAMessagePackHandlerSaysWhatToAdd() {
        App app = new App();
        app.addRoute("/m", new Object() {
            public void onPost(Request req, Response resp) {
            }
        });
        assertThatThrownBy(() -> new TestClient(app).simulatePost("/m", Simulate.with().msgpack(Map.of("a", 1))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("falcon-msgpack");
    }
}
