package examples.ops;

import static org.assertj.core.api.Assertions.assertThat;

import falcon.App;
import falcon.testing.TestClient;
import org.junit.jupiter.api.Test;

class OpsExampleTest {

    @Test
    void thingsAndTheHealthRoutes() {
        App app = Main.createApp();
        TestClient client = new TestClient(app);

        assertThat(client.simulateGet("/things").getText()).contains("Immanuel Kant");
        assertThat(client.simulateGet("/health/live").getStatusCode()).isEqualTo(200);
        assertThat(client.simulateGet("/health/ready").getStatusCode()).isEqualTo(200);

        app.draining(); // what the server does on SIGTERM
        assertThat(client.simulateGet("/health/ready").getStatusCode()).isEqualTo(503);
        assertThat(client.simulateGet("/health/live").getStatusCode()).isEqualTo(200);
        assertThat(client.simulateGet("/things").getStatusCode()).isEqualTo(200);
    }
}
