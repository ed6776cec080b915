package falcon.server;

import static org.assertj.core.api.Assertions.assertThat;

import falcon.Request;
import falcon.Response;
import falcon.SSEvent;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** HTTP/2 over TLS (ALPN {@code h2}) as the JDK's HttpClient sees it, in both execution modes. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
@org.junit.jupiter.api.extension.ExtendWith(NoLeaks.class)
class Http2Test {

    static final long MAX_BODY_BYTES = 4 * 1024 * 1024;
    private static final Map<ExecutionMode, Server> SERVERS = new EnumMap<>(ExecutionMode.class);
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2)
            .sslContext(TestTls.clientContext()).build();
    static volatile CountDownLatch together = new CountDownLatch(0);

    @TempDir
    static Path files;

    @BeforeAll
    static void start() throws Exception {
        Files.writeString(files.resolve("page.html"), "<p>static</p>".repeat(10_000));
        for (ExecutionMode mode : ExecutionMode.values()) {
            TestApp testApp = new TestApp();
            testApp.app.addRoute("/headers", new Object() {
                public void onGet(Request req, Response resp) {
                    resp.setMedia(new ArrayList<>(req.getHeaders().keySet()));
                }
            });
            testApp.app.addRoute("/events", new Object() {
                public void onGet(Request req, Response resp) {
                    resp.setSse(emitter -> {
                        for (int i = 0; i < 3; i++) {
                            emitter.send(SSEvent.ofText("tick " + i).setEventId(Integer.toString(i)));
                        }
                    });
                }
            });
            testApp.app.addRoute("/together", new Object() {
                public void onGet(Request req, Response resp) throws InterruptedException {
                    CountDownLatch latch = together;
                    latch.countDown();
                    resp.setText(Boolean.toString(latch.await(10, TimeUnit.SECONDS)));
                }
            });
            testApp.app.addStaticRoute("/static", files);
            SERVERS.put(mode, Server.builder(testApp.app).host("127.0.0.1").port(0).executionMode(mode)
                    .maxBodyBytes(MAX_BODY_BYTES).tls(TestTls.CERT, TestTls.KEY).build().start());
        }
    }

    @AfterAll
    static void stop() {
        SERVERS.values().forEach(Server::close);
    }

    private static URI uri(ExecutionMode mode, String path) {
        return URI.create("https://127.0.0.1:" + SERVERS.get(mode).port() + path);
    }

    private static HttpResponse<String> get(ExecutionMode mode, String path) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(uri(mode, path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void getIsAnsweredOverHttp2AsOverHttp11(ExecutionMode mode) throws Exception {
        HttpResponse<String> r = get(mode, "/hello");
        assertThat(r.version()).isEqualTo(HttpClient.Version.HTTP_2);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("Hello, world!");
        assertThat(r.headers().firstValue("content-type")).hasValue("text/plain");
        assertThat(r.headers().firstValue("content-length")).hasValue("13");
        assertThat(r.headers().firstValue("date")).isPresent();
        assertThat(r.headers().firstValue("connection")).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void theRequestSaysHttpsAndHttp2(ExecutionMode mode) throws Exception {
        HttpResponse<String> r = get(mode, "/info?a=1");
        assertThat(r.body()).contains("\"scheme\": \"https\"", "\"protocol\": \"HTTP/2.0\"", "\"method\": \"GET\"",
                "\"path\": \"/info\"", "\"query\": \"a=1\"", "\"host\": \"127.0.0.1\"",
                "\"port\": " + SERVERS.get(mode).port(), "\"remoteAddr\": \"127.0.0.1\"");
    }

    @Test
    void theAppSeesNoHeadersOfNettysConversion() throws Exception {
        HttpResponse<String> r = get(ExecutionMode.WORKER, "/headers");
        assertThat(r.body()).contains("\"HOST\"").doesNotContain("X-HTTP2", "TRANSFER-ENCODING");
        HttpResponse<String> post = CLIENT.send(HttpRequest.newBuilder(uri(ExecutionMode.WORKER, "/headers"))
                .method("GET", HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(new byte[3])))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(post.body()).doesNotContain("X-HTTP2", "TRANSFER-ENCODING");
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void postedJsonIsEchoed(ExecutionMode mode) throws Exception {
        HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(uri(mode, "/echo"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"falcon\",\"n\":[1,2]}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.version()).isEqualTo(HttpClient.Version.HTTP_2);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("{\"name\": \"falcon\", \"n\": [1, 2]}");
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void unknownPathIsA404WithFalconsBody(ExecutionMode mode) throws Exception {
        HttpResponse<String> r = get(mode, "/missing");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.headers().firstValue("content-type")).hasValue("application/json");
        assertThat(r.body()).contains("\"title\": \"404 Not Found\"");
    }

    /**
     * A server whose body limit fits in HTTP/2's initial flow-control window: JDK 17's HttpClient
     * reads a response only after sending the whole body, so a larger body would wait forever for
     * window the server never gives (see {@link #anEarlyResponseStopsTheUploadWithoutError}).
     */
    private static Server smallBodyServer(ExecutionMode mode) {
        return Server.builder(new TestApp().app).host("127.0.0.1").port(0).executionMode(mode)
                .maxBodyBytes(16 * 1024).tls(TestTls.CERT, TestTls.KEY).build().start();
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void aBodyOverTheLimitIsA413WithFalconsBody(ExecutionMode mode) throws Exception {
        try (Server server = smallBodyServer(mode)) {
            URI count = URI.create("https://127.0.0.1:" + server.port() + "/count");
            HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(count)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[32 * 1024])).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.version()).isEqualTo(HttpClient.Version.HTTP_2);
            assertThat(r.statusCode()).isEqualTo(413);
            assertThat(r.body()).contains("\"title\": \"413 Payload Too Large\"");
            HttpResponse<String> next = CLIENT.send(HttpRequest.newBuilder(count)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[10])).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(next.body()).contains("\"count\": 10"); // the connection lives on
        }
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void aBodyOfUnknownLengthOverTheLimitIsA413WithFalconsBody(ExecutionMode mode) throws Exception {
        try (Server server = smallBodyServer(mode)) {
            byte[] body = new byte[32 * 1024];
            HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(
                    URI.create("https://127.0.0.1:" + server.port() + "/count"))
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(413);
            assertThat(r.body()).contains("\"title\": \"413 Payload Too Large\"");
        }
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void aGetWhoseStreamIsStillOpenIsNotResetAfterItsResponse(ExecutionMode mode) throws Exception {
        // It announced no body: a reset would save nothing, and the client's later frames would
        // land on a closed stream, where their errors go unreported (h2spec 6.9.1/3).
        try (Server server = smallBodyServer(mode); RawHttp2 h2 = RawHttp2.tls(server.port())) {
            h2.headers(1, false, ":method", "GET", ":scheme", "https", ":path", "/hello", ":authority", "127.0.0.1");
            RawHttp2.Frame data = h2.readUntil(RawHttp2.DATA, 1);
            assertThat(new String(data.payload(), StandardCharsets.UTF_8)).isEqualTo("Hello, world!");
            assertThat(data.flags() & 0x1).as("END_STREAM").isEqualTo(1);
            h2.windowUpdate(1, Integer.MAX_VALUE).windowUpdate(1, Integer.MAX_VALUE);
            RawHttp2.Frame reset = h2.readUntil(RawHttp2.RST_STREAM, 1);
            assertThat(reset.payload()).as("FLOW_CONTROL_ERROR, the client's own error").containsExactly(0, 0, 0, 3);
        }
    }

    @Test
    void anEarlyResponseStopsTheUploadWithoutError() throws Exception {
        try (Server server = smallBodyServer(ExecutionMode.WORKER); RawHttp2 h2 = RawHttp2.tls(server.port())) {
            h2.headers(1, false, ":method", "POST", ":scheme", "https", ":path", "/count",
                    ":authority", "127.0.0.1", "content-length", "100000000");
            RawHttp2.Frame data = h2.readUntil(RawHttp2.DATA, 1);
            assertThat(new String(data.payload(), StandardCharsets.UTF_8)).contains("413 Payload Too Large");
            assertThat(data.flags() & 0x1).as("END_STREAM").isEqualTo(1);
            RawHttp2.Frame reset = h2.readUntil(RawHttp2.RST_STREAM, 1);
            assertThat(reset.payload()).as("RFC 9113 8.1: NO_ERROR").containsExactly(0, 0, 0, 0);
            h2.headers(3, true, ":method", "GET", ":scheme", "https", ":path", "/hello", ":authority", "127.0.0.1");
            assertThat(new String(h2.readUntil(RawHttp2.DATA, 3).payload(), StandardCharsets.UTF_8))
                    .isEqualTo("Hello, world!");
        }
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void aLargeUploadIsStreamedToTheApp(ExecutionMode mode) throws Exception {
        byte[] body = new byte[2 * 1024 * 1024]; // many times the initial flow-control window
        Arrays.fill(body, (byte) 1);
        HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(uri(mode, "/count"))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.body()).contains("\"count\": " + body.length, "\"sum\": " + body.length);
    }

    @Test
    void tooManyHeadersIsA431WithFalconsBody() throws Exception {
        HttpRequest.Builder req = HttpRequest.newBuilder(uri(ExecutionMode.WORKER, "/hello"));
        for (int i = 0; i < ServerOptions.DEFAULT_MAX_HEADER_COUNT + 1; i++) {
            req.header("x-h" + i, "v");
        }
        HttpResponse<String> r = CLIENT.send(req.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(431);
        assertThat(r.body()).contains("\"title\": \"431 Request Header Fields Too Large\"");
    }

    @Test
    void headersOverMaxHeaderBytesAreA431WithFalconsBody() throws Exception {
        HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(uri(ExecutionMode.WORKER, "/hello"))
                .header("x-big", "b".repeat(ServerOptions.DEFAULT_MAX_HEADER_BYTES)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(431);
        assertThat(r.body()).contains("\"title\": \"431 Request Header Fields Too Large\"");
    }

    @Test
    void aPathOverMaxInitialLineBytesIsA414WithFalconsBody() throws Exception {
        HttpResponse<String> r = get(ExecutionMode.WORKER,
                "/" + "p".repeat(ServerOptions.DEFAULT_MAX_INITIAL_LINE_BYTES));
        assertThat(r.statusCode()).isEqualTo(414);
        assertThat(r.body()).contains("\"title\": \"414 URI Too Long\"");
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void fiftyConcurrentStreamsAreAllAnswered(ExecutionMode mode) {
        List<CompletableFuture<HttpResponse<String>>> all = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String path = i % 2 == 0 ? "/hello" : "/info?i=" + i;
            all.add(CLIENT.sendAsync(HttpRequest.newBuilder(uri(mode, path)).build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        for (int i = 0; i < all.size(); i++) {
            HttpResponse<String> r = all.get(i).join();
            assertThat(r.version()).isEqualTo(HttpClient.Version.HTTP_2);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).contains(i % 2 == 0 ? "Hello" : "\"query\": \"i=" + i + "\"");
        }
    }

    @Test
    void streamsOfOneConnectionRunAtTheSameTime() {
        // each request waits for all the others: they can only finish if served side by side
        int n = 10; // within the smallest worker pool (16 threads on JDK 17)
        together = new CountDownLatch(n);
        List<CompletableFuture<HttpResponse<String>>> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            all.add(CLIENT.sendAsync(HttpRequest.newBuilder(uri(ExecutionMode.WORKER, "/together")).build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        for (CompletableFuture<HttpResponse<String>> f : all) {
            assertThat(f.join().body()).isEqualTo("true");
        }
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void aStreamedResponseArrivesIntact(ExecutionMode mode) throws Exception {
        HttpResponse<InputStream> r = CLIENT.send(HttpRequest.newBuilder(uri(mode, "/stream")).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(r.version()).isEqualTo(HttpClient.Version.HTTP_2);
        assertThat(TestApp.readStream(r.body())).isEqualTo(TestApp.STREAM_BYTES);
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void serverSentEventsArriveOverHttp2(ExecutionMode mode) throws Exception {
        HttpResponse<String> r = get(mode, "/events");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("content-type")).hasValue("text/event-stream");
        assertThat(r.body()).contains("data: tick 0", "id: 2", "data: tick 2");
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void aStaticFileIsSentInChunksOverTls(ExecutionMode mode) throws Exception {
        HttpResponse<String> h2 = get(mode, "/static/page.html");
        assertThat(h2.statusCode()).isEqualTo(200);
        assertThat(h2.body()).isEqualTo(Files.readString(files.resolve("page.html")));
        HttpClient http11 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .sslContext(TestTls.clientContext()).build();
        HttpResponse<String> h1 = http11.send(HttpRequest.newBuilder(uri(mode, "/static/page.html")).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(h1.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
        assertThat(h1.body()).isEqualTo(h2.body());
    }

    @Test
    void headIsAnsweredWithoutABody() throws Exception {
        HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(uri(ExecutionMode.WORKER, "/hello"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEmpty();
    }

    /**
     * Graceful shutdown over HTTP/2: GOAWAY at once, the open stream still answered, then the end.
     * A raw client, because JDK 17's HttpClient fails every open stream when GOAWAY arrives.
     */
    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void closeLetsAnInFlightStreamFinish(ExecutionMode mode) throws Exception {
        CompletableFuture<String> answer = new CompletableFuture<>();
        CountDownLatch started = new CountDownLatch(1);
        falcon.App app = new falcon.App();
        app.addRoute("/later", new Object() {
            // asynchronous, so that it may park in EVENT_LOOP mode too
            public java.util.concurrent.CompletionStage<Void> onGet(Request req, Response resp) {
                started.countDown();
                return answer.thenAccept(resp::setText);
            }
        });
        Server server = Server.builder(app).host("127.0.0.1").port(0).executionMode(mode)
                .shutdownGrace(Duration.ofSeconds(20)).tls(TestTls.CERT, TestTls.KEY).build().start();
        try (RawHttp2 h2 = RawHttp2.tls(server.port())) {
            h2.headers(1, true, ":method", "GET", ":scheme", "https", ":path", "/later", ":authority", "127.0.0.1");
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

            CompletableFuture<Void> closing = CompletableFuture.runAsync(server::close);
            assertThat(h2.readUntil(RawHttp2.GOAWAY, 0)).isNotNull();
            assertThat(closing).isNotDone();

            answer.complete("finally");
            RawHttp2.Frame data = h2.readUntil(RawHttp2.DATA, 1);
            assertThat(new String(data.payload(), StandardCharsets.UTF_8)).isEqualTo("finally");
            assertThat(h2.readUntilClosed()).doesNotContain(RawHttp2.RST_STREAM);
            closing.get(20, TimeUnit.SECONDS);
            assertThat(server.isRunning()).isFalse();
        } finally {
            server.close();
        }
    }

    @Test
    void closeSendsGoawayAndEndsTheConnection() throws Exception {
        Server server = Server.builder(new TestApp().app).host("127.0.0.1").port(0).tls(TestTls.CERT, TestTls.KEY)
                .build().start();
        try (RawHttp2 h2 = RawHttp2.tls(server.port())) {
            assertThat(h2.read().type()).isEqualTo(RawHttp2.SETTINGS); // the server's preface
            CompletableFuture<Void> closing = CompletableFuture.runAsync(server::close);
            assertThat(h2.readUntilClosed()).contains(RawHttp2.GOAWAY);
            closing.get(20, TimeUnit.SECONDS);
        } finally {
            server.close();
        }
    }

    @Test
    void anIdleConnectionIsClosedWithGoaway() throws Exception {
        Server server = Server.builder(new TestApp().app).host("127.0.0.1").port(0).tls(TestTls.CERT, TestTls.KEY)
                .idleTimeout(Duration.ofMillis(300)).build().start();
        try (RawHttp2 h2 = RawHttp2.tls(server.port())) {
            assertThat(h2.readUntilClosed()).contains(RawHttp2.GOAWAY);
        } finally {
            server.close();
        }
    }
}
