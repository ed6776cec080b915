package falcon;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import falcon.gateway.Handler;
import falcon.testing.Result;
import falcon.testing.Simulate;
import falcon.testing.TestClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class AccessLogTest {

    final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

    public static final class Things {
        public void onGet(Request req, Response resp, String id) {
            // the App sees the request ID as a request header, sent or generated
            resp.setText("id=" + req.getHeader("X-Request-ID"));
        }
    }

    App app() {
        App app = new App();
        app.addRoute("/things/{id}", new Things());
        return app;
    }

    TestClient client(AccessLog.Format format) {
        return new TestClient(AccessLog.builder().format(format).sink(lines::add).build().wrap(app()));
    }

    String nextLine() throws InterruptedException {
        String line = lines.poll(5, TimeUnit.SECONDS);
        assertThat(line).as("a log line").isNotNull();
        return line;
    }

    @Test
    void aGeneratedRequestIdReachesTheAppTheResponseAndTheLog() throws Exception {
        Result r = client(AccessLog.Format.COMMON).simulateGet("/things/1", Simulate.with().queryString("x=1"));

        String id = r.getHeader("X-Request-ID");
        assertThat(id).matches("[0-9a-f]{32}");
        assertThat(r.getText()).isEqualTo("id=" + id);
        assertThat(nextLine()).matches("127\\.0\\.0\\.1 - - \\[\\d{2}/[A-Z][a-z]{2}/\\d{4}:\\d{2}:\\d{2}:\\d{2} \\+0000] "
                + "\"GET /things/1\\?x=1 HTTP/1\\.1\" 200 \\d+ \"" + id + "\" \\d+");
    }

    @Test
    void theAppsShutdownWritesTheLinesStillQueuedThenStopsTheWriter() throws Exception {
        List<String> written = Collections.synchronizedList(new ArrayList<>());
        Handler logged = AccessLog.builder().sink(line -> {
            try {
                Thread.sleep(50); // a slow sink: lines wait in the queue
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
            written.add(line);
        }).build().wrap(app());
        TestClient client = new TestClient(logged);
        for (int i = 0; i < 5; i++) {
            client.simulateGet("/things/" + i);
        }
        logged.shutdown(); // what the server's close does after the last request
        assertThat(written).as("every line, before shutdown returns").hasSize(5);
    }

    @Test
    void aQuoteInTheTargetIsEscapedInsideItsQuotedField() throws Exception {
        client(AccessLog.Format.COMMON).simulateGet("/things/a\"b");
        assertThat(nextLine()).contains("\"GET /things/a\\\"b HTTP/1.1\"");
    }

    @Test
    void theIdsAreNew() {
        TestClient client = client(AccessLog.Format.COMMON);
        assertThat(client.simulateGet("/things/1").getHeader("X-Request-ID"))
                .isNotEqualTo(client.simulateGet("/things/1").getHeader("X-Request-ID"));
    }

    @Test
    void anUpstreamRequestIdIsKept() throws Exception {
        Result r = client(AccessLog.Format.COMMON).simulateGet("/things/1",
                Simulate.with().header("X-Request-ID", "lb-4711"));

        assertThat(r.getHeader("X-Request-ID")).isEqualTo("lb-4711");
        assertThat(r.getText()).isEqualTo("id=lb-4711");
        assertThat(nextLine()).contains("\"lb-4711\"");
    }

    @Test
    void anUnfitRequestIdIsReplaced() {
        TestClient client = client(AccessLog.Format.COMMON);
        for (String unfit : new String[] {"two words", "quote\"d", "x".repeat(201)}) {
            Result r = client.simulateGet("/things/1", Simulate.with().header("X-Request-ID", unfit));
            assertThat(r.getHeader("X-Request-ID")).matches("[0-9a-f]{32}");
            assertThat(r.getText()).isEqualTo("id=" + r.getHeader("X-Request-ID"));
        }
        assertThat(client.simulateGet("/things/1", Simulate.with().header("X-Request-ID", "x".repeat(200)))
                .getHeader("X-Request-ID")).hasSize(200);
    }

    @Test
    void combinedHasRefererAndUserAgentEscaped() throws Exception {
        Result r = client(AccessLog.Format.COMBINED).simulateGet("/nowhere", Simulate.with()
                .header("Referer", "http://example.com/")
                .header("User-Agent", "say \"hi\""));

        assertThat(r.getStatusCode()).isEqualTo(404);
        String line = nextLine();
        assertThat(line).contains("\"GET /nowhere HTTP/1.1\" 404 ")
                .contains(" \"http://example.com/\" \"say \\\"hi\\\"\" \"" + r.getHeader("X-Request-ID") + "\" ");
    }

    @Test
    void jsonIsOneObjectALine() throws Exception {
        Result r = client(AccessLog.Format.JSON).simulatePost("/things/1", Simulate.with().header("User-Agent", "a\nb"));

        assertThat(r.getStatusCode()).isEqualTo(405);
        String line = nextLine();
        assertThat(line).doesNotContain("\n");
        @SuppressWarnings("unchecked")
        Map<String, Object> json = new ObjectMapper().readValue(line, Map.class);
        assertThat(json).containsEntry("remote", "127.0.0.1").containsEntry("method", "POST")
                .containsEntry("target", "/things/1").containsEntry("protocol", "HTTP/1.1")
                .containsEntry("status", 405).containsEntry("request_id", r.getHeader("X-Request-ID"))
                .containsEntry("user_agent", "a\nb").containsKey("duration_ms").containsKey("time")
                .containsEntry("bytes", r.getContent().length);
    }

    @Test
    void aSlowSinkNeverSlowsRequestsLinesAreDroppedInstead() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch entered = new CountDownLatch(1);
        AccessLog log = AccessLog.builder().queueCapacity(1).sink(line -> {
            entered.countDown();
            try {
                release.await();
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
            lines.add(line);
        }).build();
        TestClient client = new TestClient(log.wrap(app()));

        long start = System.nanoTime();
        assertThat(client.simulateGet("/things/0").getStatusCode()).isEqualTo(200);
        assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();
        for (int i = 1; i < 10; i++) {
            assertThat(client.simulateGet("/things/" + i).getStatusCode()).isEqualTo(200);
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        // one line is with the blocked sink, one waits in the queue: the other eight are dropped
        assertThat(log.getDropped()).isEqualTo(8);
        release.countDown();
        nextLine();
        nextLine();
        assertThat(lines.poll(200, TimeUnit.MILLISECONDS)).isNull();
    }
}
