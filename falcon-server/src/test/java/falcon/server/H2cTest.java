package falcon.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import falcon.Request;
import falcon.WebSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Cleartext HTTP/2 (h2c): by {@code Upgrade: h2c} and by prior knowledge when on; refused when off. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
@org.junit.jupiter.api.extension.ExtendWith(NoLeaks.class)
class H2cTest {

    private static final Map<ExecutionMode, Server> H2C = new EnumMap<>(ExecutionMode.class);
    private static Server plain;

    @BeforeAll
    static void start() {
        for (ExecutionMode mode : ExecutionMode.values()) {
            TestApp testApp = new TestApp();
            testApp.app.addRoute("/ws", new Object() {
                public void onWebsocket(Request req, WebSocket ws) {
                    ws.accept();
                    ws.sendText("echo: " + ws.receiveText() + " over " + req.getProtocol());
                }
            });
            H2C.put(mode, Server.builder(testApp.app).host("127.0.0.1").port(0).executionMode(mode).h2c(true).build()
                    .start());
        }
        plain = Server.builder(new TestApp().app).host("127.0.0.1").port(0).build().start();
    }

    @AfterAll
    static void stop() {
        H2C.values().forEach(Server::close);
        plain.close();
    }

    private static URI uri(Server s, String path) {
        return URI.create("http://127.0.0.1:" + s.port() + path);
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void httpClientUpgradesToH2c(ExecutionMode mode) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
        HttpResponse<String> first = client.send(HttpRequest.newBuilder(uri(H2C.get(mode), "/info")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(first.version()).isEqualTo(HttpClient.Version.HTTP_2); // the upgrade request, answered on stream 1
        assertThat(first.body()).contains("\"scheme\": \"http\"", "\"protocol\": \"HTTP/2.0\"");
        HttpResponse<String> next = client.send(HttpRequest.newBuilder(uri(H2C.get(mode), "/echo"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("[1]")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(next.version()).isEqualTo(HttpClient.Version.HTTP_2);
        assertThat(next.body()).isEqualTo("[1]");
    }

    @Test
    void aFirstRequestWithABodyIsServedOverHttp11() throws Exception {
        // an upgrade would buffer the whole body first, so the server declines it (RFC 7540 3.2)
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(uri(H2C.get(ExecutionMode.WORKER), "/echo"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"a\":1}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("{\"a\": 1}");
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void priorKnowledgeIsServed(ExecutionMode mode) throws Exception {
        try (RawHttp2 h2 = RawHttp2.cleartext(H2C.get(mode).port())) {
            h2.headers(1, true, ":method", "GET", ":scheme", "http", ":path", "/hello", ":authority", "127.0.0.1");
            RawHttp2.Frame data = h2.readUntil(RawHttp2.DATA, 1);
            assertThat(new String(data.payload(), StandardCharsets.UTF_8)).isEqualTo("Hello, world!");
        }
    }

    @Test
    void curlWithPriorKnowledgeIsServed() throws Exception {
        assumeTrue(CurlSupport.http2(), "curl with HTTP2 is not installed");
        Server s = H2C.get(ExecutionMode.WORKER);
        assertThat(CurlSupport.run("--http2-prior-knowledge", "-w", "\n%{http_version}", uri(s, "/hello").toString()))
                .isEqualTo("Hello, world!\n2");
        assertThat(CurlSupport.run("--http2", "-w", "\n%{http_version}", uri(s, "/hello").toString()))
                .isEqualTo("Hello, world!\n2"); // curl's own Upgrade: h2c
    }

    @Test
    void http11IsServedAsBefore() throws Exception {
        try (RawHttp http = new RawHttp(H2C.get(ExecutionMode.WORKER).port())) {
            http.send("GET /hello HTTP/1.1\r\nHost: a\r\n\r\nGET /info HTTP/1.1\r\nHost: a\r\n\r\n");
            assertThat(http.read().text()).isEqualTo("Hello, world!");
            assertThat(http.read().text()).contains("\"protocol\": \"HTTP/1.1\"");
            http.send("GET /hello HTTP/1.1\r\nHost: a\r\nConnection: Upgrade, HTTP2-Settings\r\nUpgrade: h2c\r\n"
                    + "HTTP2-Settings: AAMAAABkAAQAoAAAAAIAAAAA\r\n\r\n");
            RawHttp.Response late = http.read(); // h2c is for the first request only
            assertThat(late.status()).isEqualTo(200);
            assertThat(late.text()).isEqualTo("Hello, world!");
        }
    }

    @Test
    void aWebSocketStillUpgrades() throws Exception {
        CompletableFuture<String> reply = new CompletableFuture<>();
        java.net.http.WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:" + H2C.get(ExecutionMode.WORKER).port() + "/ws"),
                        new java.net.http.WebSocket.Listener() {
                            @Override
                            public CompletionStage<?> onText(java.net.http.WebSocket w, CharSequence data,
                                    boolean last) {
                                reply.complete(data.toString());
                                return null;
                            }
                        })
                .get(10, TimeUnit.SECONDS);
        ws.sendText("hi", true);
        assertThat(reply.get(10, TimeUnit.SECONDS)).isEqualTo("echo: hi over HTTP/1.1");
        ws.abort();
    }

    @Test
    void anIdleH2cConnectionIsClosedWithGoaway() throws Exception {
        try (Server s = Server.builder(new TestApp().app).host("127.0.0.1").port(0).h2c(true)
                .idleTimeout(Duration.ofMillis(300)).build().start(); RawHttp2 h2 = RawHttp2.cleartext(s.port())) {
            assertThat(h2.readUntilClosed()).contains(RawHttp2.GOAWAY);
        }
    }

    @Test
    void withH2cOffThePriorKnowledgePrefaceIsA505AndClosed() throws Exception {
        try (RawHttp http = new RawHttp(plain.port())) {
            http.send(RawHttp2.PREFACE).send(RawHttp2.EMPTY_SETTINGS);
            RawHttp.Response r = http.read();
            assertThat(r.status()).isEqualTo(505);
            assertThat(r.text()).contains("\"title\": \"505 HTTP Version Not Supported\"");
            assertThat(http.closedByServer()).isTrue();
        }
    }

    @Test
    void withH2cOffAnUpgradeIsIgnored() throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(uri(plain, "/hello")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
        assertThat(r.body()).isEqualTo("Hello, world!");
        assertThat(plain.toString()).contains("http/1.1").doesNotContain("h2c");
    }
}
