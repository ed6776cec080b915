package falcon;

import static org.assertj.core.api.Assertions.assertThat;

import falcon.testing.Result;
import falcon.testing.TestClient;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class HealthResourceTest {

    final App app = new App();
    final HealthResource health = new HealthResource(app);
    final TestClient client;

    HealthResourceTest() {
        app.addRoute("/health/live", health);
        app.addRoute("/health/ready", health, "ready");
        client = new TestClient(app);
    }

    @Test
    void livenessAndReadinessAre200ByDefault() {
        Result live = client.simulateGet("/health/live");
        assertThat(live.getStatusCode()).isEqualTo(200);
        assertThat(live.getJsonMap()).containsEntry("status", "ok");
        assertThat(live.getHeader("Cache-Control")).isEqualTo("no-store");
        Result ready = client.simulateGet("/health/ready");
        assertThat(ready.getStatusCode()).isEqualTo(200);
        assertThat(ready.getJsonMap()).containsEntry("status", "ready");
        assertThat(client.simulateHead("/health/ready").getStatusCode()).isEqualTo(200);
        assertThat(health.isReady()).isTrue();
    }

    @Test
    void drainingTurnsReadinessTo503AndLeavesLivenessAlone() {
        assertThat(app.isDraining()).isFalse();
        app.draining();

        assertThat(app.isDraining()).isTrue();
        Result ready = client.simulateGet("/health/ready");
        assertThat(ready.getStatusCode()).isEqualTo(503);
        assertThat(ready.getJsonMap()).containsEntry("status", "draining");
        assertThat(client.simulateHead("/health/ready").getStatusCode()).isEqualTo(503);
        assertThat(client.simulateGet("/health/live").getStatusCode()).isEqualTo(200);
        assertThat(health.isReady()).isFalse();
    }

    @Test
    void anAppStartedAgainAfterDrainingIsReadyAgain() {
        app.draining();
        app.shutdown();
        app.startup(); // served again, e.g. by a new server in the same process
        assertThat(app.isDraining()).isFalse();
        assertThat(client.simulateGet("/health/ready").getStatusCode()).isEqualTo(200);
    }

    @Test
    void notReadyAndFailingChecksAre503() {
        health.setReady(false);
        assertThat(client.simulateGet("/health/ready").getJsonMap()).containsEntry("status", "unavailable");
        health.setReady(true);

        AtomicBoolean db = new AtomicBoolean(true);
        health.addReadinessCheck(db::get);
        assertThat(client.simulateGet("/health/ready").getStatusCode()).isEqualTo(200);
        db.set(false);
        assertThat(client.simulateGet("/health/ready").getStatusCode()).isEqualTo(503);
        db.set(true);
        health.addReadinessCheck(() -> {
            throw new IllegalStateException("down");
        });
        assertThat(client.simulateGet("/health/ready").getStatusCode()).isEqualTo(503);
    }

    @Test
    void aWrappingHandlerPassesDrainingOn() {
        AccessLog log = AccessLog.builder().sink(line -> { }).build();
        log.wrap(app).draining();
        assertThat(app.isDraining()).isTrue();
    }
}
