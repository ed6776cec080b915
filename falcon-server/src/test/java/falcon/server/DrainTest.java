package falcon.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import falcon.App;
import falcon.HealthResource;
import falcon.Request;
import falcon.Response;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** After close() (what SIGTERM runs), readiness turns 503 while the server still serves, for the drain delay. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
@ExtendWith(NoLeaks.class)
class DrainTest {

    final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public static final class Hello {
        public void onGet(Request req, Response resp) {
            resp.setText("hello");
        }
    }

    int status(int port, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    @Test
    void readinessIs503DuringTheDrainDelayWhileRequestsAreStillServed() throws Exception {
        App app = new App();
        app.addRoute("/hello", new Hello());
        app.addRoute("/ready", new HealthResource(app), "ready");
        Server server = Server.builder(app).host("127.0.0.1").port(0).shutdownHook(false)
                .drainDelay(Duration.ofMillis(1500)).build().start();
        int port = server.port();
        assertThat(status(port, "/ready")).isEqualTo(200);

        long start = System.nanoTime();
        CompletableFuture<Void> closed = CompletableFuture.runAsync(server::close);
        int ready = 200;
        for (int i = 0; i < 100 && ready == 200; i++) {
            ready = status(port, "/ready");
            Thread.sleep(10);
        }
        assertThat(ready).isEqualTo(503);
        assertThat(app.isDraining()).isTrue();
        // still accepting new connections, still answering the App's routes
        HttpClient fresh = HttpClient.newHttpClient();
        assertThat(fresh.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/hello")).build(),
                HttpResponse.BodyHandlers.ofString()).body()).isEqualTo("hello");

        closed.get(20, TimeUnit.SECONDS);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(1500));
        assertThatThrownBy(() -> HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/hello")).build(),
                HttpResponse.BodyHandlers.ofString())).isInstanceOf(IOException.class);
    }

    @Test
    void withoutADrainDelayTheAppIsStillToldBeforeItStops() throws Exception {
        App app = new App();
        Server server = Server.builder(app).host("127.0.0.1").port(0).shutdownHook(false).build().start();
        assertThat(app.isDraining()).isFalse();
        server.close();
        assertThat(app.isDraining()).isTrue();
    }
}
