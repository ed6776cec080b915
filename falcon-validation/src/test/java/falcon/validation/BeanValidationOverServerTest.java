package falcon.validation;

import static org.assertj.core.api.Assertions.assertThat;

import falcon.App;
import falcon.Request;
import falcon.Response;
import falcon.server.Server;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Bean Validation over the embedded server. */
class BeanValidationOverServerTest {

    record Line(@NotBlank String sku, @Positive int quantity) {
    }

    @Test
    void anInvalidBodyIsA400ListingTheFields() throws Exception {
        App app = new App();
        BeanValidation.install(app);
        app.addRoute("/lines", new Object() {
            public void onPost(Request req, Response resp) {
                resp.setMedia(req.getMedia(Line.class));
            }
        });
        try (Server server = Server.builder(app).host("127.0.0.1").port(0).build().start()) {
            HttpClient client = HttpClient.newHttpClient();
            URI uri = URI.create("http://127.0.0.1:" + server.port() + "/lines");
            HttpResponse<String> bad = client.send(HttpRequest.newBuilder(uri)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"sku\": \"\", \"quantity\": 3}"))
                    .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
            assertThat(bad.statusCode()).isEqualTo(400);
            assertThat(bad.body()).isEqualTo("{\"title\": \"Request data failed validation\", \"description\":"
                    + " \"sku: must not be blank\", \"errors\": [{\"field\": \"sku\", \"message\": \"must not be blank\"}]}");
            HttpResponse<String> good = client.send(HttpRequest.newBuilder(uri)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"sku\": \"a\", \"quantity\": 3}"))
                    .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
            assertThat(good.body()).isEqualTo("{\"sku\": \"a\", \"quantity\": 3}");
        }
    }
}
