package examples.things;

import static org.assertj.core.api.Assertions.assertThat;

import falcon.testing.Result;
import falcon.testing.TestClient;
import org.junit.jupiter.api.Test;

/** Falcon: the quickstart's {@code curl localhost:8000/things}, answered in memory. */
class ThingsTest {

    private final TestClient client = new TestClient(Main.createApp());

    @Test
    void getThingsAnswersWithKantAsPlainText() {
        Result result = client.simulateGet("/things");

        assertThat(result.getStatus()).isEqualTo("200 OK");
        assertThat(result.getHeader("Content-Type")).isEqualTo("text/plain; charset=utf-8");
        assertThat(result.getText()).isEqualTo("\nTwo things awe me most, the starry sky above me and the moral"
                + " law within me.\n\n    ~ Immanuel Kant\n\n");
        assertThat(result.getHeader("Content-Length")).isEqualTo(Integer.toString(result.getContent().length));
    }

    @Test
    void otherMethodsAreNotAllowed() {
        Result result = client.simulatePost("/things");

        assertThat(result.getStatusCode()).isEqualTo(405);
        assertThat(result.getHeader("Allow")).contains("GET");
    }

    @Test
    void otherPathsAreNotFound() {
        assertThat(client.simulateGet("/thing").getStatusCode()).isEqualTo(404);
    }
}
