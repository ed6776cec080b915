package examples.asgilook;

import static org.assertj.core.api.Assertions.assertThat;

import falcon.App;
import falcon.testing.Conductor;
import falcon.testing.Result;
import falcon.testing.Simulate;
import falcon.testing.junit.FalconTest;
import falcon.testing.junit.TestApp;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Falcon: {@code examples/asgilook/tests/test_thumbnails.py}, on an in-memory Redis. */
@FalconTest
class ThumbnailsTest {

    @TempDir
    Path storagePath;

    final FakeRedis redis = new FakeRedis();

    @TestApp
    App app() {
        return Main.createApp(Fixtures.config(storagePath, "redis://localhost", url -> redis));
    }

    @Test
    void missingInStore(Conductor client) {
        Result resp = client.simulateGet("/thumbnails/1a256a8a-2063-46ff-b53f-d04d5bcf5eee/80x80.jpeg");

        assertThat(resp.getStatusCode()).isEqualTo(404);
    }

    @Test
    void thumbnails(Conductor client) {
        Result resp1 = client.simulatePost("/images", Simulate.with().body(Fixtures.pngImage()));
        assertThat(resp1.getStatusCode()).isEqualTo(201);

        @SuppressWarnings("unchecked")
        List<String> thumbnails = (List<String>) resp1.getJsonMap().get("thumbnails");
        assertThat(thumbnails).containsExactlyInAnyOrder(
                "/thumbnails/36562622-48e5-4a61-be67-e426b11821ed/320x180.jpeg",
                "/thumbnails/36562622-48e5-4a61-be67-e426b11821ed/160x90.jpeg");

        for (String uri : thumbnails) {
            Result resp = client.simulateGet(uri);
            assertThat(resp.getHeader("Content-Type")).isEqualTo("image/jpeg");
            assertThat(resp.getHeader("X-ASGILook-Cache")).isEqualTo("Miss");
            assertThat(Fixtures.imageSize(resp.getContent())).isIn(List.of(320, 180), List.of(160, 90));
            assertThat(Fixtures.formatOf(resp.getContent())).isEqualTo("JPEG");
        }
    }

    @Test
    void missingSize(Conductor client) {
        client.simulatePost("/images", Simulate.with().body(Fixtures.pngImage()));

        Result resp = client.simulateGet("/thumbnails/36562622-48e5-4a61-be67-e426b11821ed/480x270.jpeg");

        assertThat(resp.getStatusCode()).isEqualTo(404);
    }

    @Test
    void thumbnailCaching(Conductor client) {
        client.simulatePost("/images", Simulate.with().body(Fixtures.pngImage()));

        byte[] first = null;
        for (int retry = 0; retry < 4; retry++) {
            Result resp = client.simulateGet("/thumbnails/36562622-48e5-4a61-be67-e426b11821ed/160x90.jpeg");
            assertThat(resp.getStatusCode()).isEqualTo(200);
            assertThat(resp.getHeader("X-ASGILook-Cache")).isEqualTo(retry == 0 ? "Miss" : "Hit");
            assertThat(resp.getHeader("Content-Type")).isEqualTo("image/jpeg");
            if (first == null) {
                first = resp.getContent();
            }
            assertThat(resp.getContent()).isEqualTo(first);
        }
        // cache.py's key and TTL: f'{PREFIX}/{req.path}', ex=3600
        assertThat(redis.ttls).containsEntry(
                "asgilook://thumbnails/36562622-48e5-4a61-be67-e426b11821ed/160x90.jpeg", 3600L);
    }

    @Test
    void sizeIsNotAnIntIsNotARoute(Conductor client) {
        assertThat(client.simulateGet("/thumbnails/36562622-48e5-4a61-be67-e426b11821ed/ax90.jpeg").getStatusCode())
                .isEqualTo(404);
    }
}
