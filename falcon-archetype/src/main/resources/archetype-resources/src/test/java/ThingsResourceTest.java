package ${package};

import static org.assertj.core.api.Assertions.assertThat;

import falcon.testing.Result;
import falcon.testing.TestClient;
import org.junit.jupiter.api.Test;

class ThingsResourceTest {

    final TestClient client = new TestClient(Main.createApp());

    @Test
    void aThingIsAnsweredAsJson() {
        Result result = client.simulateGet("/things/42");

        assertThat(result.getStatusCode()).isEqualTo(200);
        assertThat(result.getJsonMap()).containsEntry("id", 42).containsEntry("name", "thing 42");
    }

    @Test
    void aThingThatDoesNotExistIsA404() {
        assertThat(client.simulateGet("/things/1001").getStatusCode()).isEqualTo(404);
    }

    @Test
    void aFieldThatIsNotANumberDoesNotMatchTheRoute() {
        assertThat(client.simulateGet("/things/forty-two").getStatusCode()).isEqualTo(404);
    }
}
