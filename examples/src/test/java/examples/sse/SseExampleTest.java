package examples.sse;

import static org.assertj.core.api.Assertions.assertThat;

import falcon.server.Server;
import falcon.testing.StreamedResult;
import falcon.testing.TestClient;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The manual's SSE emitter, in memory and served. */
class SseExampleTest {

    @Test
    void eventsPingsAndIdsInMemory() throws Exception {
        EventsResource events = new EventsResource(50);
        try (StreamedResult result = new TestClient(Main.createApp(events)).simulateGetStream("/events")) {
            assertThat(result.getHeader("content-type")).isEqualTo("text/event-stream");
            assertThat(result.readText()).isEqualTo(": ping\n\n"); // nothing happened yet
            events.publish("{\"temp\": 21}");
            String next = result.readText();
            while (next.equals(": ping\n\n")) {
                next = result.readText();
            }
            assertThat(next).isEqualTo("retry: 5000\ndata: {\"temp\": 21}\n\n");
            events.publish("something");
            next = result.readText();
            while (next.equals(": ping\n\n")) {
                next = result.readText();
            }
            assertThat(next).isEqualTo("id: 2\ndata: something\n\n");
            events.publish("end");
            while (result.read().length > 0) {
                // pings until the end
            }
        }
    }

    @Test
    void servedToAnHttpClient() throws Exception {
        EventsResource events = new EventsResource(10_000);
        try (Server server = Server.serve(Main.createApp(events), 0)) {
            events.publish("hello");
            events.publish("end");
            HttpResponse<InputStream> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + server.port() + "/events"))
                    .header("Last-Event-ID", "41").build(), HttpResponse.BodyHandlers.ofInputStream());
            try (BufferedReader in = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
                assertThat(in.readLine()).isEqualTo("id: 42");
                assertThat(in.readLine()).isEqualTo("data: hello");
            }
        }
    }
}
