package examples.asgilook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import falcon.server.Server;
import io.lettuce.core.RedisClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tutorial's requests against the app on the embedded server, with the cache on a real
 * {@code redis-server} (started here on a free loopback port, through Lettuce): what {@code http
 * POST localhost:8000/images @test.png} and the other commands of the tutorial see.
 */
class AsgilookRedisTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static RedisServer redis;

    @TempDir
    Path storagePath;

    private Server server;
    private String base;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startRedis() throws Exception {
        if (RedisServer.isInstalled()) {
            redis = RedisServer.start();
        } else {
            System.err.println("AsgilookRedisTest skipped: " + RedisServer.MISSING);
        }
    }

    @AfterAll
    static void stopRedis() {
        if (redis != null) {
            redis.close();
        }
    }

    @BeforeEach
    void serve() {
        // Skipped one by one, so that each test's report carries the reason.
        Assumptions.assumeTrue(redis != null, RedisServer.MISSING);
        // A fresh database per test: Redis keeps entries across apps, as it would across restarts.
        Config config = Fixtures.config(storagePath, redis.url(), Config.DEFAULT_REDIS_FROM_URL);
        server = Server.serve(Main.createApp(config), 0);
        base = "http://127.0.0.1:" + server.port();
        flushAll(config);
    }

    private static void flushAll(Config config) {
        RedisClient client = RedisClient.create(config.redisHost);
        try (var connection = client.connect()) {
            connection.sync().flushall();
        } finally {
            client.shutdown();
        }
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private HttpResponse<byte[]> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpResponse<byte[]> post(String path, byte[] body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static Object json(HttpResponse<byte[]> response) throws Exception {
        return JSON.readValue(response.body(), Object.class);
    }

    @Test
    void theRootIsNotFound() throws Exception {
        // $ http http://127.0.0.1:8000
        HttpResponse<byte[]> response = get("/");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
    }

    @Test
    void postAnImageThenGetItAndTheList() throws Exception {
        // $ http POST localhost:8000/images @/home/user/Pictures/test.png
        HttpResponse<byte[]> posted = post("/images", Fixtures.pngImage());

        assertThat(posted.statusCode()).isEqualTo(201);
        assertThat(posted.headers().firstValue("location")).hasValue("/images/" + Fixtures.FIRST_UUID + ".jpeg");
        assertThat(posted.headers().firstValue("content-type")).hasValue("application/json");
        @SuppressWarnings("unchecked")
        Map<String, Object> doc = (Map<String, Object>) json(posted);
        assertThat(doc).containsEntry("id", Fixtures.FIRST_UUID)
                .containsEntry("image", "/images/" + Fixtures.FIRST_UUID + ".jpeg")
                .containsEntry("size", List.of(640, 360))
                .containsEntry("thumbnails", List.of(
                        "/thumbnails/" + Fixtures.FIRST_UUID + "/320x180.jpeg",
                        "/thumbnails/" + Fixtures.FIRST_UUID + "/160x90.jpeg"));

        // $ http localhost:8000/images/<id>.jpeg: chunked, as uvicorn sends the aiofiles stream
        HttpResponse<byte[]> image = get("/images/" + Fixtures.FIRST_UUID + ".jpeg");
        assertThat(image.statusCode()).isEqualTo(200);
        assertThat(image.headers().firstValue("content-type")).hasValue("image/jpeg");
        assertThat(image.headers().firstValue("transfer-encoding")).hasValue("chunked");
        assertThat(Fixtures.formatOf(image.body())).isEqualTo("JPEG");
        assertThat(Fixtures.imageSize(image.body())).containsExactly(640, 360);

        // $ http localhost:8000/images
        HttpResponse<byte[]> list = get("/images");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(json(list)).isEqualTo(List.of(doc));
    }

    @Test
    void theSecondRequestForAThumbnailIsACacheHit() throws Exception {
        post("/images", Fixtures.pngImage());
        String thumbnail = "/thumbnails/" + Fixtures.FIRST_UUID + "/160x90.jpeg";

        // $ http localhost:8000/thumbnails/<id>/160x90.jpeg, twice
        HttpResponse<byte[]> first = get(thumbnail);
        HttpResponse<byte[]> second = get(thumbnail);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("x-asgilook-cache")).hasValue("Miss");
        assertThat(first.headers().firstValue("content-type")).hasValue("image/jpeg");
        assertThat(Fixtures.imageSize(first.body())).containsExactly(160, 90);
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(second.headers().firstValue("x-asgilook-cache")).hasValue("Hit");
        assertThat(second.headers().firstValue("content-type")).hasValue("image/jpeg");
        assertThat(second.headers().firstValue("content-length")).hasValue(Integer.toString(first.body().length));
        assertThat(second.body()).isEqualTo(first.body());
    }

    @Test
    void theEntryIsInRedisUnderTheTutorialsKeyWithItsTtl() throws Exception {
        post("/images", Fixtures.pngImage());
        String thumbnail = "/thumbnails/" + Fixtures.FIRST_UUID + "/320x180.jpeg";
        get(thumbnail);

        RedisClient client = RedisClient.create(redis.url());
        try (var connection = client.connect()) {
            String key = "asgilook:/" + thumbnail;
            assertThat(connection.sync().exists(key)).isEqualTo(1L);
            assertThat(connection.sync().ttl(key)).isBetween(3500L, 3600L);
        } finally {
            client.shutdown();
        }
    }

    @Test
    void aPostDropsTheCachedListing() throws Exception {
        assertThat(get("/images").headers().firstValue("x-asgilook-cache")).hasValue("Miss");
        assertThat(get("/images").headers().firstValue("x-asgilook-cache")).hasValue("Hit");

        post("/images", Fixtures.pngImage());
        HttpResponse<byte[]> list = get("/images");

        assertThat(list.headers().firstValue("x-asgilook-cache")).hasValue("Miss");
        assertThat((List<?>) json(list)).hasSize(1);
    }

    @Test
    void unknownImagesAndSizesAreNotFound() throws Exception {
        post("/images", Fixtures.pngImage());

        assertThat(get("/images/1a256a8a-2063-46ff-b53f-d04d5bcf5eee.jpeg").statusCode()).isEqualTo(404);
        assertThat(get("/thumbnails/1a256a8a-2063-46ff-b53f-d04d5bcf5eee/80x80.jpeg").statusCode()).isEqualTo(404);
        assertThat(get("/thumbnails/" + Fixtures.FIRST_UUID + "/480x270.jpeg").statusCode()).isEqualTo(404);
    }
}
