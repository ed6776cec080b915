package examples.asgilook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The app's settings, passed to the resources and the cache so that tests can change any of them.
 * Falcon: the tutorial's {@code Config} (fields are public, as its attributes are).
 */
public class Config {

    /** Where images go unless {@code ASGI_LOOK_STORAGE_PATH} says otherwise. */
    public static final String DEFAULT_CONFIG_PATH = "/tmp/asgilook";
    /** The smallest thumbnail side, in pixels. */
    public static final int DEFAULT_MIN_THUMB_SIZE = 64;
    /** The Redis server unless {@code ASGILOOK_REDIS_URL} says otherwise. */
    public static final String DEFAULT_REDIS_HOST = "redis://127.0.0.1:6379";
    /** The Redis client factory: Lettuce. Falcon: {@code aioredis.from_url}. */
    public static final Function<String, Redis> DEFAULT_REDIS_FROM_URL = LettuceRedis::fromUrl;
    /** Random UUIDs. Falcon: {@code uuid.uuid4}. */
    public static final Supplier<UUID> DEFAULT_UUID_GENERATOR = UUID::randomUUID;

    /** The directory images are stored in; created if missing. */
    public Path storagePath;
    /** Makes the Redis client from {@link #redisHost}. */
    public Function<String, Redis> redisFromUrl;
    /** The smallest thumbnail side, in pixels. */
    public int minThumbSize;
    /** The Redis server's URL. */
    public String redisHost;
    /** Makes the ID of each new image. */
    public Supplier<UUID> uuidGenerator;

    /** Reads the environment and creates the storage directory. */
    public Config() {
        this(System.getenv());
    }

    /** Reads {@code env} instead of the environment (tests) and creates the storage directory. */
    public Config(Map<String, String> env) {
        storagePath = Path.of(env.getOrDefault("ASGI_LOOK_STORAGE_PATH", DEFAULT_CONFIG_PATH));
        try {
            Files.createDirectories(storagePath);
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot create the storage directory " + storagePath, ex);
        }

        redisFromUrl = DEFAULT_REDIS_FROM_URL;
        minThumbSize = DEFAULT_MIN_THUMB_SIZE;
        redisHost = env.getOrDefault("ASGILOOK_REDIS_URL", DEFAULT_REDIS_HOST);
        uuidGenerator = DEFAULT_UUID_GENERATOR;
    }
}
