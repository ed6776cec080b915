package falcon.adapters;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import falcon.App;
import falcon.Request;
import falcon.Response;
import falcon.SSEvent;
import falcon.servlet.FalconServlet;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * What only a servlet deployment has, over real sockets on every container (each subclass names
 * one: {@link JettyAdapterTest}, {@link TomcatAdapterTest}): the context path as the App's root
 * path, the body-limit init-param, web.xml-style registration by class name, and a servlet
 * registered without async support.
 *
 * <p>The behaviour every adapter shares (bodies, headers, errors, streaming, SSE, async
 * responders, lifespan...) is covered once for all of them, this one included, in the
 * adapter-tests module.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
// A separate thread, so that a test stuck in a blocking read fails instead of hanging the build.
@Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
abstract class ServletAdapterContract {

    /** Few request threads, as a small deployment would have. */
    static final int MAX_THREADS = 8;

    /** The body limit of the {@code /limited} mount, set by its init-param. */
    static final int BODY_LIMIT = 1024;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Limited limited = new Limited();
    private Container container;
    private HttpClient client;
    private String base;

    /** Starts this subclass's container. */
    abstract Container start(List<Container.Mount> mounts, int maxThreads) throws Exception;

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

    /** The App at the root context, beside the one mounted at {@code /api}. */
    App createApp() {
        App app = new App();
        app.addRoute("/hello", new Object() {
            public void onGet(Request req, Response resp) {
                resp.setText("Hello, servlet!");
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
    void contextPathIsTheRootPath() throws Exception {
        HttpResponse<String> r = get("/api/where?x=1");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json(r)).isEqualTo(Map.of("rootPath", "/api", "prefix", base + "/api", "path", "/where",
                "relativeUri", "/api/where?x=1"));
        assertThat(get("/hello").statusCode()).isEqualTo(200);
        assertThat(get("/api/hello").statusCode()).isEqualTo(404); // another App
        assertThat(get("/where").statusCode()).isEqualTo(404);
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
