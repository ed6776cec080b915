package examples.asgilook;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * {@link Redis} on Lettuce, whose commands return {@code CompletionStage}s and never block a
 * thread. The connection is made on first use (the cache's {@code processStartup} ping), as
 * {@code aioredis.from_url} connects lazily.
 */
public final class LettuceRedis implements Redis {

    private static final RedisCodec<String, byte[]> CODEC = RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);

    private final RedisClient client;
    private final RedisURI uri;
    private CompletableFuture<StatefulRedisConnection<String, byte[]>> connection;

    private LettuceRedis(String url) {
        this.uri = RedisURI.create(url);
        this.client = RedisClient.create();
    }

    /** Creates a client for the server at {@code url}, e.g. {@code redis://127.0.0.1:6379}. */
    public static Redis fromUrl(String url) {
        return new LettuceRedis(url);
    }

    private synchronized CompletableFuture<RedisAsyncCommands<String, byte[]>> commands() {
        if (connection == null) {
            connection = client.connectAsync(CODEC, uri).toCompletableFuture();
        }
        return connection.thenApply(StatefulRedisConnection::async);
    }

    @Override
    public CompletionStage<?> ping() {
        return commands().thenCompose(RedisAsyncCommands::ping);
    }

    @Override
    public CompletionStage<byte[]> get(String key) {
        return commands().thenCompose(c -> c.get(key));
    }

    @Override
    public CompletionStage<?> set(String key, byte[] value, long ttlSeconds) {
        return commands().thenCompose(c -> c.set(key, value, SetArgs.Builder.ex(ttlSeconds)));
    }

    @Override
    public CompletionStage<?> delete(String key) {
        return commands().thenCompose(c -> c.del(key));
    }

    @Override
    public synchronized CompletionStage<?> close() {
        CompletableFuture<?> closed = connection == null ? CompletableFuture.completedFuture(null)
                : connection.handle((c, failure) -> c).thenCompose(c -> c == null
                        ? CompletableFuture.completedFuture(null) : c.closeAsync());
        return closed.thenCompose(ignored -> client.shutdownAsync());
    }
}
