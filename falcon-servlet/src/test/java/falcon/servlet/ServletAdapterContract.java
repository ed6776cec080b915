package falcon.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import falcon.App;
import falcon.Middleware;
import falcon.Request;
import falcon.Response;
import falcon.SSEvent;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.SequenceInputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.CRC32;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * The same scenarios over real sockets on every container: each subclass names one
 * ({@link JettyAdapterTest}, {@link TomcatAdapterTest}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
// A separate thread, so that a test stuck in a blocking read fails instead of hanging the build.
@Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
abstract class ServletAdapterContract {

    /** Few request threads, so that a servlet holding threads while the App waits would show. */
    static final int MAX_THREADS = 8;

    static final int PARKED_REQUESTS = 12;

    /** The body limit of the {@code /limited} mount, set by its init-param. */
    static final int BODY_LIMIT = 1024;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Events events = new Events();
    private final Lifespan lifespan = new Lifespan();
    private final Upload upload = new Upload();
    private final Async async = new Async();
    private final Limited limited = new Limited();
    private Container container;
    private HttpClient client;
    private String base;

    /** Starts this subclass's container. */
    abstract Container start(List<Container.Mount> mounts, int maxThreads) throws Exception;

    /** The status this container gives {@code /things/a%2Fb} in its default configuration. */
    abstract int encodedSlashStatus();

    @BeforeAll
    void startContainer() throws Exception {
        container = start(List.of(
                new Container.Mount("", "/*", new FalconServlet(createApp())),
                new Container.Mount("/api", "/*", new FalconServlet(createMountedApp())),
                new Container.Mount("/limited", "/*", new FalconServlet(createLimitedApp()),
                        Map.of(FalconServlet.MAX_BODY_BYTES_INIT_PARAM, Integer.toString(BODY_LIMIT)))), MAX_THREADS);
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        base = "http://127.0.0.1:" + container.port();
    }

    @AfterAll
    void stopContainer() throws Exception {
        if (container != null) {
            container.close();
        }
    }

    // ---------------------------------------------------------------- the apps under test

    App createApp() {
        App app = new App();
        app.addMiddleware(lifespan);
        app.addRoute("/hello", new Object() {
            public void onGet(Request req, Response resp) {
                resp.setContentType("text/plain; charset=utf-8");
                resp.setText("Hello, servlet!");
            }

            public void onHead(Request req, Response resp) {
                onGet(req, resp);
            }
        });
        app.addRoute("/things", new Object() {
            public void onGet(Request req, Response resp) {
                resp.setMedia(Map.of("things", List.of("a", "b")));
            }

            public void onPost(Request req, Response resp) {
                resp.setStatus(201);
                resp.setMedia(Map.of("echo", req.getMedia()));
            }
        });
        app.addRoute("/things/{id}", new Object() {
            public void onGet(Request req, Response resp, String id) {
                resp.setMedia(Map.of("id", id, "path", req.getPath()));
            }
        });
        app.addRoute("/query", new Object() {
            public void onGet(Request req, Response resp) {
                resp.setMedia(Map.of("raw", req.getQueryString(), "q", req.getParam("q"), "amp", req.getParam("amp")));
            }
        });
        app.addRoute("/headers", new Object() {
            public void onGet(Request req, Response resp) {
                resp.setMedia(Map.of("tag", req.getHeader("X-Tag"),
                        "all", req.getExchange().headers().getAll("X-Tag")));
            }
        });
        app.addRoute("/upload", upload);
        app.addRoute("/download", new Object() {
            public void onGet(Request req, Response resp) {
                resp.setContentType("application/octet-stream");
                resp.setStream(new Pattern(Integer.parseInt(req.getParam("bytes"))));
            }
        });
        app.addRoute("/cookies", new Object() {
            public void onGet(Request req, Response resp) {
                resp.setCookie("a", "1");
                resp.setCookie("b", "2");
                resp.setText("cookies");
            }
        });
        app.addRoute("/async", async);
        app.addRoute("/events", events);
        app.addRoute("/peer", new Object() {
            public void onGet(Request req, Response resp) {
                resp.setMedia(Map.of("remoteAddr", req.getRemoteAddr(), "scheme", req.getScheme(),
                        "protocol", req.getProtocol(), "rootPath", req.getRootPath()));
            }
        });
        app.addRoute("/boom", new Object() {
            public void onGet(Request req, Response resp) {
                throw new IllegalStateException("a bug in a responder");
            }
        });
        app.addRoute("/scheduled", new Object() {
            public void onGet(Request req, Response resp) {
                resp.setText("scheduled");
                resp.scheduleSync(lifespan.afterSent::countDown);
            }
        });
        return app;
    }

    App createMountedApp() {
        App app = new App();
        app.addRoute("/where", new Object() {
            public void onGet(Request req, Response resp) {
                resp.setMedia(Map.of("rootPath", req.getRootPath(), "prefix", req.getPrefix(), "path", req.getPath(),
                        "relativeUri", req.getRelativeUri()));
            }
        });
        return app;
    }

    App createLimitedApp() {
        App app = new App();
        app.addRoute("/upload", limited);
        return app;
    }

    /** Counts its calls, then reads the whole body. */
    static final class Limited {
        final java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();

        public void onPost(Request req, Response resp) throws IOException {
            calls.incrementAndGet();
            try (InputStream in = req.getBoundedStream()) {
                resp.setMedia(Map.of("bytes", in.readAllBytes().length));
            }
        }
    }

    /** Counts and checksums the body as the App reads it, in chunks. */
    static final class Upload {
        final CountDownLatch firstRead = new CountDownLatch(1);

        public void onPost(Request req, Response resp) throws IOException {
            CRC32 crc = new CRC32();
            long total = 0;
            byte[] buf = new byte[8192];
            try (InputStream in = req.getBoundedStream()) {
                int n;
                while ((n = in.read(buf)) >= 0) {
                    firstRead.countDown();
                    crc.update(buf, 0, n);
                    total += n;
                }
            }
            resp.setMedia(Map.of("bytes", total, "crc", crc.getValue()));
        }
    }

    /** Answers once the test completes the pending future, from the test's thread. */
    static final class Async {
        final ConcurrentLinkedQueue<CompletableFuture<String>> pending = new ConcurrentLinkedQueue<>();

        public CompletionStage<?> onGet(Request req, Response resp) {
            CompletableFuture<String> later = new CompletableFuture<>();
            pending.add(later);
            return later.thenAccept(resp::setText);
        }
    }

    /** Sends "one", waits until the test saw it, then sends "two" and "three". */
    static final class Events {
        final CountDownLatch clientSawFirst = new CountDownLatch(1);

        public void onGet(Request req, Response resp) {
            resp.setSse(emitter -> {
                emitter.send(SSEvent.ofText("one"));
                if (!clientSawFirst.await(10, TimeUnit.SECONDS)) {
                    emitter.send(SSEvent.ofText("the first event never reached the client"));
                    return;
                }
                emitter.send(SSEvent.ofText("two"));
                emitter.send(SSEvent.ofText("three"));
            });
        }
    }

    /** Records the App's lifespan events. */
    static final class Lifespan implements Middleware {
        final AtomicBoolean started = new AtomicBoolean();
        final AtomicBoolean stopped = new AtomicBoolean();
        final CountDownLatch afterSent = new CountDownLatch(1);

        @Override
        public void processStartup() {
            started.set(true);
        }

        @Override
        public void processShutdown() {
            stopped.set(true);
        }
    }

    /** A deterministic byte pattern of a given length, produced on the fly (no array behind it). */
    static final class Pattern extends InputStream {
        private final long length;
        private long at;

        Pattern(long length) {
            this(length, 0);
        }

        /** The pattern from byte {@code start} on, {@code remaining} bytes of it. */
        Pattern(long remaining, long start) {
            this.length = start + remaining;
            this.at = start;
        }

        @Override
        public int read() {
            return at < length ? (int) (at++ * 31 % 251) : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (at >= length) {
                return -1;
            }
            int n = (int) Math.min(len, length - at);
            for (int i = 0; i < n; i++) {
                b[off + i] = (byte) (at++ * 31 % 251);
            }
            return n;
        }

        static long crc(long length) {
            CRC32 crc = new CRC32();
            byte[] buf = new byte[8192];
            try (Pattern p = new Pattern(length)) {
                int n;
                while ((n = p.read(buf, 0, buf.length)) > 0) {
                    crc.update(buf, 0, n);
                }
            }
            return crc.getValue();
        }

        @Override
        public void close() {
        }
    }

    // ---------------------------------------------------------------- helpers

    HttpResponse<String> get(String pathAndQuery) throws Exception {
        return client.send(request(pathAndQuery).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(5));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> json(HttpResponse<String> response) throws IOException {
        return JSON.readValue(response.body(), Map.class);
    }

    // ---------------------------------------------------------------- the scenarios

    @Test
    void getServesText() throws Exception {
        HttpResponse<String> r = get("/hello");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("Hello, servlet!");
        // NOTE: both containers re-render the type as "text/plain;charset=utf-8" (no space)
        assertThat(r.headers().firstValue("content-type").map(v -> v.replace(" ", "")))
                .hasValue("text/plain;charset=utf-8");
        assertThat(r.headers().firstValueAsLong("content-length")).hasValue(15);
    }

    @Test
    void getServesJson() throws Exception {
        HttpResponse<String> r = get("/things");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("content-type")).hasValue("application/json");
        assertThat(json(r)).isEqualTo(Map.of("things", List.of("a", "b")));
    }

    @Test
    void postedJsonIsEchoed() throws Exception {
        HttpResponse<String> r = send(request("/things").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"ünïcode\", \"n\": 3}")));
        assertThat(r.statusCode()).isEqualTo(201);
        assertThat(json(r)).isEqualTo(Map.of("echo", Map.of("name", "ünïcode", "n", 3)));
    }

    @Test
    void largeUploadIsStreamedToTheApp() throws Exception {
        int size = 3 << 20;
        AtomicBoolean appReadBeforeTheRestWasSent = new AtomicBoolean();
        // The client holds back the last 2 MiB until the App has read something: an adapter that
        // buffered the whole body before calling the App would never see that happen.
        InputStream held = new InputStream() {
            private InputStream rest;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (rest == null) {
                    try {
                        appReadBeforeTheRestWasSent.set(upload.firstRead.await(10, TimeUnit.SECONDS));
                    } catch (InterruptedException ex) {
                        throw new IOException(ex);
                    }
                    rest = new Pattern(size - (1 << 20), 1 << 20);
                }
                return rest.read(b, off, len);
            }
        };
        InputStream body = new SequenceInputStream(new Pattern(1 << 20), held);
        HttpResponse<String> r = send(request("/upload").header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() -> body),
                        size)));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json(r)).containsEntry("bytes", size).containsEntry("crc", Pattern.crc(size));
        assertThat(appReadBeforeTheRestWasSent).isTrue();
    }

    @Test
    void contentLengthOverTheBodyLimitIs413WithoutTheApp() throws Exception {
        int before = limited.calls.get();
        HttpResponse<String> r = send(request("/limited/upload").header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[BODY_LIMIT + 1])));
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(r.headers().firstValue("content-type")).hasValue("application/json");
        assertThat(json(r)).isEqualTo(Map.of("title", "413 Payload Too Large"));
        assertThat(limited.calls.get()).isEqualTo(before);
    }

    @Test
    void chunkedBodyOverTheBodyLimitIs413() throws Exception {
        byte[] body = new byte[4 * BODY_LIMIT];
        // ofInputStream has no length: the client sends the body chunked
        HttpResponse<String> r = send(request("/limited/upload").header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body))));
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(json(r)).isEqualTo(Map.of("title", "413 Payload Too Large"));
    }

    @Test
    void bodyWithinTheBodyLimitIsServed() throws Exception {
        byte[] body = new byte[BODY_LIMIT];
        HttpResponse<String> sized = send(request("/limited/upload").header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
        assertThat(sized.statusCode()).isEqualTo(200);
        assertThat(json(sized)).isEqualTo(Map.of("bytes", BODY_LIMIT));
        HttpResponse<String> chunked = send(request("/limited/upload").header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body))));
        assertThat(chunked.statusCode()).isEqualTo(200);
        assertThat(json(chunked)).isEqualTo(Map.of("bytes", BODY_LIMIT));
    }

    @Test
    void largeStreamedResponseArrivesIntact() throws Exception {
        int size = 5 << 20;
        HttpResponse<InputStream> r = client.send(request("/download?bytes=" + size).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("content-length")).isEmpty(); // streamed: chunked
        CRC32 crc = new CRC32();
        long total = 0;
        try (InputStream in = r.body()) {
            byte[] buf = new byte[65536];
            int n;
            while ((n = in.read(buf)) >= 0) {
                crc.update(buf, 0, n);
                total += n;
            }
        }
        assertThat(total).isEqualTo(size);
        assertThat(crc.getValue()).isEqualTo(Pattern.crc(size));
    }

    @Test
    void queryStringReachesTheAppUndecoded() throws Exception {
        HttpResponse<String> r = get("/query?q=a%20b+c%2Bd&amp=%26%3D");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json(r)).containsEntry("raw", "q=a%20b+c%2Bd&amp=%26%3D")
                .containsEntry("q", "a b c+d")
                .containsEntry("amp", "&=");
    }

    @Test
    void encodedPathCharactersAreDecodedByFalcon() throws Exception {
        HttpResponse<String> r = get("/things/caf%C3%A9%20au%20lait");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json(r)).containsEntry("id", "café au lait").containsEntry("path", "/things/café au lait");
    }

    @Test
    void encodedSlashIsTheContainersCall() throws Exception {
        HttpResponse<String> r = get("/things/a%2Fb");
        assertThat(r.statusCode()).isEqualTo(encodedSlashStatus());
    }

    @Test
    void repeatedRequestHeadersKeepEveryValueInOrder() throws Exception {
        HttpResponse<String> r = send(request("/headers").header("X-Tag", "first").header("X-Tag", "second"));
        assertThat(json(r)).containsEntry("tag", "first,second").containsEntry("all", List.of("first", "second"));
    }

    @Test
    void everySetCookieIsSent() throws Exception {
        HttpResponse<String> r = get("/cookies");
        assertThat(r.headers().allValues("set-cookie")).hasSize(2)
                .anySatisfy(c -> assertThat(c).startsWith("a=1"))
                .anySatisfy(c -> assertThat(c).startsWith("b=2"));
    }

    @Test
    void unknownPathIsFalconsJson404() throws Exception {
        HttpResponse<String> r = get("/nowhere");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.headers().firstValue("content-type")).hasValue("application/json");
        assertThat(json(r)).isEqualTo(Map.of("title", "404 Not Found"));
    }

    @Test
    void unsupportedMethodIsFalcons405WithAllow() throws Exception {
        HttpResponse<String> r = send(request("/hello").DELETE());
        assertThat(r.statusCode()).isEqualTo(405);
        assertThat(r.headers().firstValue("allow")).hasValue("GET, HEAD, OPTIONS");
        assertThat(json(r)).isEqualTo(Map.of("title", "405 Method Not Allowed"));
    }

    @Test
    void headHasTheLengthButNoBody() throws Exception {
        HttpResponse<String> r = send(request("/hello").method("HEAD", HttpRequest.BodyPublishers.noBody()));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValueAsLong("content-length")).hasValue(15);
        assertThat(r.body()).isEmpty();
    }

    @Test
    void parkedAsyncRespondersHoldNoContainerThread() throws Exception {
        List<CompletableFuture<HttpResponse<String>>> parked = new ArrayList<>();
        for (int i = 0; i < PARKED_REQUESTS; i++) {
            parked.add(client.sendAsync(request("/async").build(), HttpResponse.BodyHandlers.ofString()));
        }
        while (async.pending.size() < PARKED_REQUESTS) {
            Thread.sleep(5); // waiting for a condition: every request reached the App
        }
        // More parked requests than container threads: this one is served only if none is held.
        assertThat(get("/hello").statusCode()).isEqualTo(200);
        Thread completer = new Thread(() -> {
            int i = 0;
            for (CompletableFuture<String> f; (f = async.pending.poll()) != null; ) {
                f.complete("later " + i++);
            }
        });
        completer.start();
        for (CompletableFuture<HttpResponse<String>> f : parked) {
            HttpResponse<String> r = f.get(10, TimeUnit.SECONDS);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).startsWith("later ");
        }
    }

    @Test
    void serverSentEventsArriveOneByOne() throws Exception {
        HttpResponse<InputStream> r = client.send(request("/events").build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("content-type")).hasValue("text/event-stream");
        try (BufferedReader in = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
            // "two" is produced only after "one" got here: so each event was flushed on its own
            assertThat(in.readLine()).isEqualTo("data: one");
            assertThat(in.readLine()).isEmpty();
            events.clientSawFirst.countDown();
            assertThat(in.readLine()).isEqualTo("data: two");
            assertThat(in.readLine()).isEmpty();
            assertThat(in.readLine()).isEqualTo("data: three");
            assertThat(in.readLine()).isEmpty();
            assertThat(in.readLine()).isNull();
        }
    }

    @Test
    void webSocketHandshakeIsServedAsAPlainGet() throws Exception {
        // The JDK client refuses to send Upgrade itself: a raw socket does.
        try (Socket socket = new Socket("127.0.0.1", container.port())) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write(("GET /hello HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: Upgrade\r\n"
                    + "Upgrade: websocket\r\nSec-WebSocket-Version: 13\r\n"
                    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII));
            assertThat(in.readLine()).startsWith("HTTP/1.1 200");
            String line;
            while (!(line = in.readLine()).isEmpty()) {
                assertThat(line.toLowerCase(java.util.Locale.ROOT)).doesNotStartWith("upgrade:");
            }
            char[] body = new char[15];
            for (int at = 0, n; at < body.length; at += n) {
                n = in.read(body, at, body.length - at);
                assertThat(n).isPositive();
            }
            assertThat(new String(body)).isEqualTo("Hello, servlet!");
        }
    }

    @Test
    void contextPathIsTheRootPath() throws Exception {
        HttpResponse<String> r = get("/api/where?x=1");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json(r)).isEqualTo(Map.of("rootPath", "/api", "prefix", base + "/api", "path", "/where",
                "relativeUri", "/api/where?x=1"));
        assertThat(get("/api/hello").statusCode()).isEqualTo(404); // another App
        assertThat(get("/where").statusCode()).isEqualTo(404);
    }

    @Test
    void peerAndSchemeComeFromTheConnection() throws Exception {
        HttpResponse<String> r = get("/peer");
        assertThat(json(r)).isEqualTo(Map.of("remoteAddr", "127.0.0.1", "scheme", "http", "protocol", "HTTP/1.1",
                "rootPath", ""));
    }

    @Test
    void unhandledExceptionIsFalcons500() throws Exception {
        HttpResponse<String> r = get("/boom");
        assertThat(r.statusCode()).isEqualTo(500);
        assertThat(json(r)).isEqualTo(Map.of("title", "500 Internal Server Error"));
        assertThat(r.body()).doesNotContain("IllegalStateException");
    }

    @Test
    void scheduledCallbacksRunAfterTheResponse() throws Exception {
        assertThat(get("/scheduled").body()).isEqualTo("scheduled");
        assertThat(lifespan.afterSent.await(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void startupRanBeforeTheFirstRequest() {
        assertThat(lifespan.started).isTrue();
        assertThat(lifespan.stopped).isFalse();
    }

    @Test
    void shutdownRunsWhenTheContainerStops() throws Exception {
        Lifespan own = new Lifespan();
        App app = new App();
        app.addMiddleware(own);
        try (Container c = start(List.of(new Container.Mount("", "/*", new FalconServlet(app))), MAX_THREADS)) {
            assertThat(c.port()).isPositive();
            assertThat(own.started).isTrue();
            assertThat(own.stopped).isFalse();
        }
        assertThat(own.stopped).isTrue();
    }

    @Test
    void webXmlStyleRegistrationNamesTheAppByClass() throws Exception {
        try (Container c = start(List.of(new Container.Mount("/svc", "/falcon/*", new FalconServlet(),
                Map.of(FalconServlet.APP_INIT_PARAM, HelloAppFactory.class.getName()))), MAX_THREADS)) {
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + c.port() + "/svc/falcon/hi")).timeout(Duration.ofSeconds(10))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).isEqualTo("hi from /svc/falcon");
        }
    }

    @Test
    void withoutAsyncSupportAsyncRespondersAndSseStillWork() throws Exception {
        Async slow = new Async();
        Events stream = new Events();
        App app = new App();
        app.addRoute("/async", slow);
        app.addRoute("/events", stream);
        try (Container c = start(List.of(new Container.Mount("", "/*", new FalconServlet(app), Map.of(), false)),
                MAX_THREADS)) {
            String at = "http://127.0.0.1:" + c.port();
            CompletableFuture<HttpResponse<String>> parked = client.sendAsync(HttpRequest.newBuilder(
                    URI.create(at + "/async")).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            CompletableFuture<String> later;
            while ((later = slow.pending.poll()) == null) {
                Thread.sleep(5); // waiting for the request to reach the App
            }
            CompletableFuture<String> answer = later;
            new Thread(() -> answer.complete("held a thread")).start();
            assertThat(parked.get(5, TimeUnit.SECONDS).body()).isEqualTo("held a thread");

            HttpResponse<InputStream> r = client.send(HttpRequest.newBuilder(URI.create(at + "/events"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofInputStream());
            try (BufferedReader in = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
                assertThat(in.readLine()).isEqualTo("data: one");
                assertThat(in.readLine()).isEmpty();
                stream.clientSawFirst.countDown();
                assertThat(in.readLine()).isEqualTo("data: two");
                assertThat(in.readLine()).isEmpty();
                assertThat(in.readLine()).isEqualTo("data: three");
                assertThat(in.readLine()).isEmpty();
                assertThat(in.readLine()).isNull();
            }
        }
    }

    /** What a web.xml names: a public class with a no-argument constructor supplying the App. */
    public static final class HelloAppFactory implements java.util.function.Supplier<App> {
        @Override
        public App get() {
            App app = new App();
            app.addRoute("/hi", new Object() {
                public void onGet(Request req, Response resp) {
                    resp.setText("hi from " + req.getRootPath());
                }
            });
            return app;
        }
    }
}
