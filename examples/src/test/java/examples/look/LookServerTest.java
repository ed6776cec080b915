package examples.look;

import static org.assertj.core.api.Assertions.assertThat;

import falcon.media.msgpack.MessagePackHandler;
import falcon.server.Server;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Falcon: the tutorial's {@code tests/test_integration.py}, with the start and clean-up it says
 * "can (and really should) be automated": the app runs on the embedded server on a free port,
 * storing under a temporary directory (the tutorial's {@code LOOK_STORAGE_PATH=/tmp}).
 */
class LookServerTest {

    @TempDir
    Path fileSavePrefix;

    @Test
    void postedImageGetsSaved() throws Exception {
        String locationPrefix = "/images/";
        byte[] fakeImageBytes = "fake-image-bytes".getBytes(StandardCharsets.US_ASCII);

        try (Server server = Server.serve(Main.createApp(new ImageStore(fileSavePrefix)), 0)) {
            String base = "http://127.0.0.1:" + server.port();
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/images"))
                            .header("content-type", "image/png")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(fakeImageBytes)).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(201);
            String location = response.headers().firstValue("location").orElseThrow();
            assertThat(location).startsWith(locationPrefix);
            String imageName = location.replace(locationPrefix, "");

            Path filePath = fileSavePrefix.resolve(imageName);
            assertThat(Files.readAllBytes(filePath)).isEqualTo(fakeImageBytes);

            // ... and "Serving Images": the Location gives the image back.
            HttpResponse<byte[]> image = http.send(HttpRequest.newBuilder(URI.create(base + location)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(image.statusCode()).isEqualTo(200);
            assertThat(image.headers().firstValue("content-type")).hasValue("image/png");
            assertThat(image.body()).isEqualTo(fakeImageBytes);
        }
    }

    /** The other requests of the tutorial, as {@code http} sends them to the running app. */
    @Test
    void theTutorialsOtherRequests() throws Exception {
        try (Server server = Server.serve(Main.createApp(new ImageStore(fileSavePrefix)), 0)) {
            String base = "http://127.0.0.1:" + server.port();
            HttpClient http = HttpClient.newHttpClient();

            // $ curl -v localhost:8000
            HttpResponse<String> root = http.send(HttpRequest.newBuilder(URI.create(base + "/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(root.statusCode()).isEqualTo(404);

            // $ http localhost:8000/images
            HttpResponse<byte[]> list = http.send(HttpRequest.newBuilder(URI.create(base + "/images")).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(list.statusCode()).isEqualTo(200);
            assertThat(list.headers().firstValue("content-type")).hasValue("application/msgpack");
            assertThat(new MessagePackHandler().deserialize(
                    new ByteArrayInputStream(list.body()), "application/msgpack", -1))
                    .isEqualTo(Map.of("images", List.of(
                            Map.of("href", "/images/1eaf6ef1-7f2d-4ecc-a8d5-6e8adba7cc0e.png"))));

            // $ http PUT localhost:8000/images
            HttpResponse<String> put = http.send(HttpRequest.newBuilder(URI.create(base + "/images"))
                    .PUT(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(put.statusCode()).isEqualTo(405);
            assertThat(put.headers().firstValue("allow")).hasValue("GET, POST, OPTIONS");

            // $ http POST localhost:8000/images Content-Type:image/jpx
            HttpResponse<String> jpx = http.send(HttpRequest.newBuilder(URI.create(base + "/images"))
                    .header("Content-Type", "image/jpx").POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(jpx.statusCode()).isEqualTo(400);
            assertThat(jpx.body()).isEqualTo("{\"title\": \"Bad request\", "
                    + "\"description\": \"Image type not allowed. Must be PNG, JPEG, or GIF\"}");

            // $ http localhost:8000/images/voltron.png
            HttpResponse<String> voltron = http.send(HttpRequest.newBuilder(URI.create(base + "/images/voltron.png"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(voltron.statusCode()).isEqualTo(404);
            assertThat(voltron.body()).isEqualTo("{\"title\": \"404 Not Found\"}");
        }
    }
}
