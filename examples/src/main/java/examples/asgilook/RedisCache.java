package examples.asgilook;

import com.fasterxml.jackson.databind.ObjectMapper;
import falcon.Middleware;
import falcon.Request;
import falcon.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.msgpack.jackson.dataformat.MessagePackFactory;

/**
 * Caches successful responses in Redis for an hour, by path; a POST, PUT or DELETE of a path drops
 * its entry. Every cacheable request gets {@code X-ASGILook-Cache: Hit} or {@code Miss}.
 * Falcon: {@code RedisCache} of {@code cache.py}.
 */
public class RedisCache implements Middleware {

    /** The keys' prefix. */
    public static final String PREFIX = "asgilook:";
    /** The methods that drop a path's entry instead of reading it. */
    public static final Set<String> INVALIDATE_ON = Set.of("DELETE", "POST", "PUT");
    /** The header that says whether the response came from the cache. */
    public static final String CACHE_HEADER = "X-ASGILook-Cache";
    /** How long an entry lives, in seconds. */
    public static final long TTL = 3600;
    /** How long start-up waits for Redis to answer PING. */
    static final long STARTUP_TIMEOUT_SECONDS = 10;

    // msgpack.packb([content_type, data]), as the tutorial.
    private static final ObjectMapper MSGPACK = new ObjectMapper(new MessagePackFactory());

    private final Config config;
    private final Redis redis;

    /** Creates the cache with a client from {@code config.redisFromUrl(config.redisHost)}. */
    public RedisCache(Config config) {
        this.config = config;
        this.redis = config.redisFromUrl.apply(config.redisHost);
    }

    private static byte[] serializeResponse(Response resp, byte[] data) {
        try {
            return MSGPACK.writeValueAsBytes(Arrays.asList(resp.getContentType(), data));
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static void deserializeResponse(Response resp, byte[] data) {
        List<?> cached;
        try {
            cached = MSGPACK.readValue(data, List.class);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        resp.setContentType((String) cached.get(0));
        resp.setData((byte[]) cached.get(1));
        resp.setComplete(true);
        resp.getContext().put("cached", true);
    }

    /**
     * Pings Redis: the app does not start without it.
     *
     * @throws IllegalStateException naming the Redis URL when Redis does not answer
     */
    @Override
    public void processStartup() throws InterruptedException {
        try {
            redis.ping().toCompletableFuture().get(STARTUP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException ex) {
            Throwable cause = ex instanceof ExecutionException ? ex.getCause() : ex;
            throw new IllegalStateException("asgilook: Redis at " + config.redisHost + " does not answer ("
                    + cause + "); start redis-server, or set ASGILOOK_REDIS_URL", cause);
        }
    }

    @Override
    public void processShutdown() throws Exception {
        redis.close().toCompletableFuture().get(STARTUP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    @Override
    public CompletionStage<?> processRequestAsync(Request req, Response resp) {
        resp.getContext().put("cached", false);

        if (INVALIDATE_ON.contains(req.getMethod())) {
            return null;
        }

        String key = PREFIX + "/" + req.getPath();
        return redis.get(key).thenAccept(data -> {
            if (data != null) {
                deserializeResponse(resp, data);
                resp.setHeader(CACHE_HEADER, "Hit");
            } else {
                resp.setHeader(CACHE_HEADER, "Miss");
            }
        });
    }

    @Override
    public CompletionStage<?> processResponseAsync(Request req, Response resp, Object resource, boolean reqSucceeded) {
        if (!reqSucceeded) {
            return null;
        }

        String key = PREFIX + "/" + req.getPath();

        if (INVALIDATE_ON.contains(req.getMethod())) {
            return redis.delete(key);
        } else if (!Boolean.TRUE.equals(resp.getContext().get("cached"))) {
            byte[] body = resp.renderBody();
            if (body == null) {
                // NOTE: the tutorial caches a streamed image as [content_type, None], and its next
                // GET answers an empty body ("caching does not work for them"); not caching is
                // what it means.
                return CompletableFuture.completedFuture(null);
            }
            return redis.set(key, serializeResponse(resp, body), TTL);
        }
        return null;
    }
}
