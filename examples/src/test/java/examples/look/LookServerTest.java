package examples.look;

import static org.assertj.core.api.Assertions.assertThat;

import falcon.server.Server;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
}
