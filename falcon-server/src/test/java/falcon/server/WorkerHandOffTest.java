package falcon.server;

import static org.assertj.core.api.Assertions.assertThat;

import falcon.App;
import falcon.Request;
import falcon.Response;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * WORKER mode hands the requests of one event-loop turn to the workers as one batch, and their
 * responses back together (the server's internal {@code WorkerHandOff}). Batching must not tie
 * the requests of a turn to each other: a responder that blocks holds back no other response.
 *
 * <p>The requests are HTTP/2 streams sent in one write, so that the server reads them in one
 * turn of its one event loop, whatever the machine's speed.
 */
@Timeout(30)
class WorkerHandOffTest {

    private static final int FAST_STREAMS = 20;

    private final CountDownLatch blockerEntered = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private Server server;

    @BeforeEach
    void start() {
        App app = new App();
        app.addRoute("/block", new Object() {
            public void onGet(Request req, Response resp) throws InterruptedException {
                blockerEntered.countDown();
                assertThat(release.await(25, TimeUnit.SECONDS)).isTrue();
                resp.setText("late");
            }
        });
        app.addRoute("/fast/{n}", new Object() {
            public void onGet(Request req, Response resp, String n) {
                resp.setText("fast " + n);
            }
        });
        server = Server.builder(app).host("127.0.0.1").port(0).ioThreads(1).h2c(true)
                .executionMode(ExecutionMode.WORKER).build().start();
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.close();
    }

    @Test
    void aBlockedResponderHoldsBackNoResponseOfItsBatch() throws Exception {
        try (RawHttp2 h2 = RawHttp2.cleartext(server.port())) {
            h2.cork();
            h2.headers(1, true, ":method", "GET", ":scheme", "http", ":authority", "x", ":path", "/block");
            for (int i = 1; i <= FAST_STREAMS; i++) {
                h2.headers(1 + 2 * i, true, ":method", "GET", ":scheme", "http", ":authority", "x",
                        ":path", "/fast/" + i);
            }
            h2.uncork();

            Map<Integer, String> bodies = readBodies(h2, FAST_STREAMS);
            assertThat(blockerEntered.getCount()).as("the blocking responder ran").isZero();
            assertThat(bodies).doesNotContainKey(1).hasSize(FAST_STREAMS);
            for (int i = 1; i <= FAST_STREAMS; i++) {
                assertThat(bodies).containsEntry(1 + 2 * i, "fast " + i);
            }

            // written after its batch handed the others over: it goes to the loop on its own
            release.countDown();
            assertThat(readBodies(h2, 1)).containsExactly(Map.entry(1, "late"));
        }
    }

    /** Reads frames until {@code streams} streams have ended; returns each one's body. */
    private static Map<Integer, String> readBodies(RawHttp2 h2, int streams) throws Exception {
        Map<Integer, StringBuilder> bodies = new HashMap<>();
        Map<Integer, String> ended = new HashMap<>();
        while (ended.size() < streams) {
            RawHttp2.Frame f = h2.read();
            assertThat(f).as("the server closed the connection").isNotNull();
            if (f.stream() == 0) {
                continue; // SETTINGS, its ACK, window updates
            }
            assertThat(f.type()).as("frame type on stream " + f.stream()).isIn(RawHttp2.HEADERS, RawHttp2.DATA);
            StringBuilder body = bodies.computeIfAbsent(f.stream(), s -> new StringBuilder());
            if (f.type() == RawHttp2.DATA) {
                body.append(new String(f.payload(), StandardCharsets.UTF_8));
            }
            if ((f.flags() & 0x1) != 0) {
                ended.put(f.stream(), body.toString());
            }
        }
        return ended;
    }
}
