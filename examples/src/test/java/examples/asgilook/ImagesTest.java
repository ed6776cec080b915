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
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Falcon: {@code examples/asgilook/tests/test_images.py}, on the tutorial's fixtures ({@link
 * Fixtures}) and an in-memory Redis ({@link FakeRedis}, its fakeredis). The conductor runs the
 * cache's start-up (PING) and shutdown around each test.
 */
@FalconTest
class ImagesTest {

    @TempDir
    Path storagePath;

    final FakeRedis redis = new FakeRedis();

    @TestApp
    App app() {
        return Main.createApp(Fixtures.config(storagePath, "redis://localhost", url -> redis));
    }

    @Test
    void listImages(Conductor client) {
        Result resp1 = client.simulateGet("/images");
        assertThat(resp1.getStatusCode()).isEqualTo(200);
        assertThat(resp1.getHeader("X-ASGILook-Cache")).isEqualTo("Miss");
        assertThat(resp1.getJson()).isEqualTo(List.of());

        Result resp2 = client.simulateGet("/images");
        assertThat(resp2.getStatusCode()).isEqualTo(200);
        assertThat(resp2.getHeader("X-ASGILook-Cache")).isEqualTo("Hit");
        assertThat(resp2.getJson()).isEqualTo(resp1.getJson());
        assertThat(redis.pinged).isTrue();
    }

    @Test
    void missingInStore(Conductor client) {
        Result resp = client.simulateGet("/images/1a256a8a-2063-46ff-b53f-d04d5bcf5eee.jpeg");

        assertThat(resp.getStatusCode()).isEqualTo(404);
    }

    @Test
    void notAUuidIsNotARoute(Conductor client) {
        assertThat(client.simulateGet("/images/voltron.jpeg").getStatusCode()).isEqualTo(404);
    }

    @Test
    void postOneImage(Conductor client) {
        Result resp1 = client.simulatePost("/images", Simulate.with().body(Fixtures.pngImage()));
        String location = resp1.getHeader("Location");
        assertThat(resp1.getStatusCode()).isEqualTo(201);
        assertThat(location).isEqualTo("/images/36562622-48e5-4a61-be67-e426b11821ed.jpeg");

        Result resp2 = client.simulateGet(location);
        assertThat(resp2.getStatusCode()).isEqualTo(200);
        assertThat(resp2.getHeader("Content-Type")).isEqualTo("image/jpeg");
        assertThat(Fixtures.imageSize(resp2.getContent())).containsExactly(640, 360);
        assertThat(Fixtures.formatOf(resp2.getContent())).isEqualTo("JPEG");
    }

    @Test
    void thePostAnswersTheImagesDescription(Conductor client) {
        Result resp = client.simulatePost("/images", Simulate.with().body(Fixtures.pngImage()));

        Map<String, Object> doc = resp.getJsonMap();
        assertThat(doc.keySet()).containsExactly("id", "image", "modified", "size", "thumbnails");
        assertThat(doc).containsEntry("id", Fixtures.FIRST_UUID)
                .containsEntry("image", "/images/" + Fixtures.FIRST_UUID + ".jpeg")
                .containsEntry("size", List.of(640, 360));
        assertThat((String) doc.get("modified")).matches("[A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT");
        assertThat(resp.getHeader("Content-Type")).isEqualTo("application/json");
        assertThat(storagePath.resolve(Fixtures.FIRST_UUID)).exists();
    }

    @Test
    void postThreeImages(Conductor client) {
        byte[] pngImage = Fixtures.pngImage();
        for (int i = 0; i < 3; i++) {
            client.simulatePost("/images", Simulate.with().body(pngImage));
        }

        Result resp = client.simulateGet("/images");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items = (List<Map<String, Object>>) resp.getJson();
        assertThat(items).extracting(item -> List.of(item.get("image"), item.get("size"))).containsExactly(
                List.of("/images/36562622-48e5-4a61-be67-e426b11821ed.jpeg", List.of(640, 360)),
                List.of("/images/3bc731ac-8cd8-4f39-b6fe-1a195d3b4e74.jpeg", List.of(640, 360)),
                List.of("/images/ba1c4951-73bc-45a4-a1f6-aa2b958dafa4.jpeg", List.of(640, 360)));
    }

    @Test
    void aPostDropsTheCachedListing(Conductor client) {
        client.simulateGet("/images");
        assertThat(client.simulateGet("/images").getHeader("X-ASGILook-Cache")).isEqualTo("Hit");

        client.simulatePost("/images", Simulate.with().body(Fixtures.pngImage()));
        Result after = client.simulateGet("/images");

        assertThat(after.getHeader("X-ASGILook-Cache")).isEqualTo("Miss");
        assertThat((List<?>) after.getJson()).hasSize(1);
    }

    @Test
    void anImageIsStreamedAndNotCached(Conductor client) {
        String location = client.simulatePost("/images", Simulate.with().body(Fixtures.pngImage()))
                .getHeader("Location");

        Result first = client.simulateGet(location);
        Result second = client.simulateGet(location);

        // "individual images are streamed directly from aiofiles instances, and caching therefore
        // does not work for them": both are misses, and both carry the whole image.
        assertThat(first.getHeader("X-ASGILook-Cache")).isEqualTo("Miss");
        assertThat(second.getHeader("X-ASGILook-Cache")).isEqualTo("Miss");
        assertThat(second.getContent()).isEqualTo(first.getContent()).isNotEmpty();
    }

    @Test
    void theConductorClosesRedisAfterTheTest(Conductor client) {
        assertThat(redis.closed).isFalse();
        client.close();
        assertThat(redis.closed).isTrue();
    }
}
