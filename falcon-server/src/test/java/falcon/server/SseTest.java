package falcon.server;

import static org.assertj.core.api.Assertions.assertThat;

import falcon.App;
import falcon.Request;
import falcon.Response;
import falcon.SSEvent;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** SSE, async bodies and after-response callbacks over a real socket (falcon-testing's SseTest, served). */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
@org.junit.jupiter.api.extension.ExtendWith(NoLeaks.class)
class SseTest {

    private static Server server;
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    static final CountDownLatch PRODUCER_STOPPED = new CountDownLatch(1);
    static final AtomicInteger PRODUCED = new AtomicInteger();
    /** The /forever producer's thread, and whether it is inside {@code emitter.send}. */
    static final java.util.concurrent.atomic.AtomicReference<Thread> PRODUCER =
            new java.util.concurrent.atomic.AtomicReference<>();
    static final java.util.concurrent.atomic.AtomicBoolean IN_SEND = new java.util.concurrent.atomic.AtomicBoolean();
    static final CountDownLatch SCHEDULED = new CountDownLatch(1);
    static final String PADDING = "x".repeat(16 * 1024);

    @BeforeAll
    static void start() {
        App app = new App();
        app.addRoute("/events", new Object() {
            public void onGet(Request req, Response resp) {
                String last = req.getLastEventId();
                int from = last == null ? 0 : Integer.parseInt(last) + 1;
                resp.setSse(emitter -> {
                    for (int i = from; i < from + 3; i++) {
                        emitter.send(SSEvent.ofText("tick " + i).setEventId(Integer.toString(i)));
                    }
                });
            }
        });
        app.addRoute("/forever", new Object() {
            public void onGet(Request req, Response resp) {
                resp.setSse(emitter -> {
                    PRODUCER.set(Thread.currentThread());
                    try {
                        while (true) {
                            SSEvent event = SSEvent.ofJson(java.util.Map.of("n", PRODUCED.incrementAndGet()))
                                    .setComment(PADDING);
                            IN_SEND.set(true);
                            emitter.send(event);
                            IN_SEND.set(false);
                        }
                    } catch (java.io.IOException gone) {
                        PRODUCER_STOPPED.countDown();
                    }
                });
            }
        });
        app.addRoute("/async", new Object() {
            public CompletionStage<Void> onGet(Request req, Response resp) {
                return CompletableFuture.supplyAsync(() -> "later",
                        CompletableFuture.delayedExecutor(20, TimeUnit.MILLISECONDS)).thenAccept(text -> {
                            resp.setText(text);
                            resp.schedule(() -> CompletableFuture.runAsync(SCHEDULED::countDown));
                        });
            }
        });
        app.addRoute("/chunks", new Object() {
            public void onGet(Request req, Response resp) {
                // SubmissionPublisher drops what is submitted before a subscriber arrives, so the
                // producer starts only once the server has subscribed.
                java.util.concurrent.Flow.Publisher<ByteBuffer> lines = subscriber -> {
                    java.util.concurrent.SubmissionPublisher<ByteBuffer> pub =
                            new java.util.concurrent.SubmissionPublisher<>();
                    pub.subscribe(subscriber);
                    new Thread(() -> {
                        for (int i = 0; i < 100; i++) {
                            pub.submit(ByteBuffer.wrap(("line " + i + "\n").getBytes(StandardCharsets.UTF_8)));
                        }
                        pub.close();
                    }).start();
                };
                resp.setStreamPublisher(lines);
                resp.setContentType("text/plain");
            }
        });
        server = Server.serve(app, 0);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    @Test
    void eventsStreamAsTextEventStream() throws Exception {
        HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(uri("/events")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.headers().firstValue("content-type")).hasValue("text/event-stream");
        assertThat(r.headers().firstValue("content-length")).isEmpty();
        assertThat(r.body()).isEqualTo("id: 0\ndata: tick 0\n\nid: 1\ndata: tick 1\n\nid: 2\ndata: tick 2\n\n");
    }

    @Test
    void theLastEventIdResumes() throws Exception {
        HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(uri("/events"))
                .header("Last-Event-ID", "9").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.body()).startsWith("id: 10\ndata: tick 10\n\n");
    }

    @Test
    void aSlowClientHoldsTheProducerBackAndItsDisconnectStopsIt() throws Exception {
        HttpResponse<InputStream> r = CLIENT.send(HttpRequest.newBuilder(uri("/forever")).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        BufferedReader lines = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8));
        assertThat(lines.readLine()).isEqualTo(": " + PADDING);
        // The client reads nothing more: once the socket buffers are full, the producer must
        // block in send() instead of the server buffering without bound.
        long bound = 64L * 1024 * 1024 / PADDING.length();
        long produced = Progress.settle(PRODUCED::get, bound,
                () -> IN_SEND.get() && Progress.waiting(PRODUCER.get()));
        assertThat(produced).as("events in flight (16 KiB each)").isLessThanOrEqualTo(bound);
        assertThat(IN_SEND.get() && Progress.waiting(PRODUCER.get())).as("the producer waits in send()").isTrue();
        r.body().close();
        assertThat(PRODUCER_STOPPED.await(20, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void anAsyncResponderAndScheduledCallbacks() throws Exception {
        HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(uri("/async")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.body()).isEqualTo("later");
        assertThat(SCHEDULED.await(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aPublisherBodyIsChunked() throws Exception {
        HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(uri("/chunks")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.body()).startsWith("line 0\nline 1\n").endsWith("line 99\n");
        assertThat(r.headers().firstValue("transfer-encoding")).hasValue("chunked");
        // the connection is reusable after a publisher body
        assertThat(CLIENT.send(HttpRequest.newBuilder(uri("/events")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
    }
}
