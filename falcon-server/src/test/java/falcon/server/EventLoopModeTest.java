package falcon.server;

import static org.assertj.core.api.Assertions.assertThat;

import falcon.App;
import falcon.Request;
import falcon.Response;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** ExecutionMode.EVENT_LOOP: complete requests run on the event loop; the rest still work. */
@ExtendWith(NoLeaks.class)
@Timeout(30)
class EventLoopModeTest {

    private static Server server;
    private static final java.util.concurrent.atomic.AtomicInteger BIG_SERVED =
            new java.util.concurrent.atomic.AtomicInteger();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        App app = new App();
        app.addRoute("/thread", new Object() {
            public void onGet(Request req, Response resp) {
                resp.setText(Thread.currentThread().getName());
            }

            public void onPost(Request req, Response resp) {
                resp.setMedia(Map.of("got", req.getMedia(), "thread", Thread.currentThread().getName()));
            }
        });
        app.addRoute("/stream", new Object() {
            public void onGet(Request req, Response resp) {
                byte[] big = new byte[3 * 1024 * 1024];
                java.util.Arrays.fill(big, (byte) 'x');
                resp.setStream(new ByteArrayInputStream(big));
            }
        });
        app.addRoute("/async", new Object() {
            public CompletionStage<Void> onGet(Request req, Response resp) {
                return CompletableFuture.runAsync(() -> resp.setText("later"));
            }
        });
        app.addRoute("/big", new Object() {
            public void onGet(Request req, Response resp) {
                BIG_SERVED.incrementAndGet();
                resp.setData(new byte[1024 * 1024]);
            }
        });
        server = Server.builder(app).host("127.0.0.1").port(0).executionMode(ExecutionMode.EVENT_LOOP).build()
                .start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    private static String get(String path) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    @Test
    void aCompleteRequestRunsOnTheEventLoop() throws Exception {
        assertThat(server.options().executionMode()).isEqualTo(ExecutionMode.EVENT_LOOP);
        // The server names its event-loop threads falcon-io-*; workers are named otherwise.
        assertThat(get("/thread")).startsWith("falcon-io-");
    }

    @Test
    void aBodyThatCameWithTheHeadIsReadOnTheLoop() throws Exception {
        HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(uri("/thread"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"a\": 1}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("\"got\": {\"a\": 1}");
    }

    @Test
    void aStreamedResponseIsWrittenFromAWorker() throws Exception {
        HttpResponse<byte[]> r = CLIENT.send(HttpRequest.newBuilder(uri("/stream")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.body()).hasSize(3 * 1024 * 1024);
        assertThat(new String(r.body(), 0, 3, StandardCharsets.US_ASCII)).isEqualTo("xxx");
    }

    @Test
    void aPendingCompletionStageStillAnswers() throws Exception {
        assertThat(get("/async")).isEqualTo("later");
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrder() throws Exception {
        try (RawHttp http = new RawHttp(server.port())) {
            http.send("GET /async HTTP/1.1\r\nHost: x\r\n\r\nGET /thread HTTP/1.1\r\nHost: x\r\n\r\n"
                    + "GET /nope HTTP/1.1\r\nHost: x\r\n\r\n");
            assertThat(http.read().text()).isEqualTo("later");
            assertThat(http.read().status()).isEqualTo(200);
            assertThat(http.read().status()).isEqualTo(404);
        }
    }

    @Test
    void pipelinedRequestsWaitWhileTheClientDoesNotReadTheAnswers() throws Exception {
        int requests = 64; // answered inline on the loop, 64 MiB if nothing held them back
        int before = BIG_SERVED.get();
        try (RawHttp http = new RawHttp(server.port())) {
            http.send("GET /big HTTP/1.1\r\nHost: x\r\n\r\n".repeat(requests));
            // Served inline on the event loop: it must stop reading requests while the answers wait.
            long served = Progress.settle(() -> BIG_SERVED.get() - before, requests / 2, () -> true);
            assertThat(served).isLessThan(requests / 2);
            for (int i = 0; i < requests; i++) {
                RawHttp.Response r = http.read();
                assertThat(r.status()).isEqualTo(200);
                assertThat(r.body()).hasSize(1024 * 1024);
            }
            assertThat(BIG_SERVED.get() - before).isEqualTo(requests);
        }
    }
}
