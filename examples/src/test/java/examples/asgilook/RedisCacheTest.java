package examples.asgilook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import falcon.server.Server;
import falcon.testing.Testing;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cache's start-up: the app does not start without Redis, and says why. No Redis needed. */
class RedisCacheTest {

    @TempDir
    Path storagePath;

    @Test
    void withoutRedisTheAppDoesNotStartAndSaysWhy() {
        // Lettuce, as Main uses it, towards a loopback port nothing listens on.
        Config config = Fixtures.config(storagePath, "redis://127.0.0.1:" + Testing.getUnusedPort(),
                Config.DEFAULT_REDIS_FROM_URL);

        assertThatThrownBy(() -> Server.serve(Main.createApp(config), 0))
                .isInstanceOf(IllegalStateException.class)
                .satisfies(ex -> assertThat(ex.getCause()).hasMessageStartingWith("asgilook: Redis at "
                        + config.redisHost + " does not answer (").hasMessageEndingWith(
                        "); start redis-server, or set ASGILOOK_REDIS_URL"));
    }

    @Test
    void theConfigReadsTheRedisUrlAndStoragePathFromTheEnvironment() {
        Config config = new Config(Map.of("ASGILOOK_REDIS_URL", "redis://example:6380",
                "ASGI_LOOK_STORAGE_PATH", storagePath.resolve("images").toString()));

        assertThat(config.redisHost).isEqualTo("redis://example:6380");
        assertThat(config.storagePath).isDirectory().isEqualTo(storagePath.resolve("images"));
        assertThat(config.minThumbSize).isEqualTo(64);
        assertThat(new Config(Map.of("ASGI_LOOK_STORAGE_PATH", storagePath.toString())).redisHost)
                .isEqualTo("redis://127.0.0.1:6379");
    }
}
