package examples.things;

import static org.assertj.core.api.Assertions.assertThat;

import falcon.server.Server;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The quickstart over a real socket: what {@code curl localhost:8000/things} sees. */
class ThingsServerTest {

    @Test
    void theEmbeddedServerAnswersGetThings() throws Exception {
        try (Server server = Server.serve(Main.createApp(), 0)) {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/things")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain; charset=utf-8");
            assertThat(response.body()).isEqualTo("\nTwo things awe me most, the starry sky above me and the moral"
                    + " law within me.\n\n    ~ Immanuel Kant\n\n");
        }
    }
}
