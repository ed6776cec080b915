package examples.asgilook;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/** An in-memory {@link Redis}, for unit tests. Falcon: the tutorial's fakeredis. */
final class FakeRedis implements Redis {

    final Map<String, byte[]> data = new ConcurrentHashMap<>();
    final Map<String, Long> ttls = new ConcurrentHashMap<>();
    volatile boolean pinged;
    volatile boolean closed;

    @Override
    public CompletionStage<?> ping() {
        pinged = true;
        return CompletableFuture.completedFuture("PONG");
    }

    @Override
    public CompletionStage<byte[]> get(String key) {
        return CompletableFuture.completedFuture(data.get(key));
    }

    @Override
    public CompletionStage<?> set(String key, byte[] value, long ttlSeconds) {
        data.put(key, value);
        ttls.put(key, ttlSeconds);
        return CompletableFuture.completedFuture("OK");
    }

    @Override
    public CompletionStage<?> delete(String key) {
        ttls.remove(key);
        return CompletableFuture.completedFuture(data.remove(key) != null ? 1L : 0L);
    }

    @Override
    public CompletionStage<?> close() {
        closed = true;
        return CompletableFuture.completedFuture(null);
    }
}
