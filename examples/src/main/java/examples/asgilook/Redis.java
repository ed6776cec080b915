package examples.asgilook;

import java.util.concurrent.CompletionStage;

/**
 * The asynchronous Redis commands the cache uses; {@link LettuceRedis} sends them to a server,
 * tests use an in-memory fake (the tutorial's fakeredis). Falcon: the aioredis client.
 */
public interface Redis {

    /** Checks the server answers. */
    CompletionStage<?> ping();

    /** Reads {@code key}; completes with {@code null} when it is not set. */
    CompletionStage<byte[]> get(String key);

    /** Sets {@code key} to {@code value}, expiring after {@code ttlSeconds}: {@code SET key value EX ttl}. */
    CompletionStage<?> set(String key, byte[] value, long ttlSeconds);

    /** Deletes {@code key}. */
    CompletionStage<?> delete(String key);

    /** Closes the connection. */
    CompletionStage<?> close();
}
