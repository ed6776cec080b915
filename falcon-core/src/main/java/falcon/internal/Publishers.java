package falcon.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/** Small {@link Flow.Publisher} helpers shared by the App and the adapters. Not API. */
public final class Publishers {

    /** Bytes read from a blocking stream per published chunk. */
    public static final int CHUNK_BYTES = 16 * 1024;

    private Publishers() {
    }

    /** Returns the shared executor for blocking work when an adapter gives none ({@link Workers#shared()}). */
    public static Executor blockingExecutor() {
        return Workers.shared();
    }

    /**
     * Publishes a blocking stream in chunks, each read on {@code executor} when requested. The
     * stream is closed at its end, on error and on cancel.
     */
    public static Flow.Publisher<ByteBuffer> ofInputStream(InputStream in, Executor executor) {
        AtomicBoolean subscribed = new AtomicBoolean();
        return subscriber -> {
            if (!subscribed.compareAndSet(false, true)) {
                subscriber.onSubscribe(new NoSubscription());
                subscriber.onError(new IllegalStateException("the body may be read only once"));
                return;
            }
            new StreamSubscription(in, executor, subscriber).start();
        };
    }

    /** Maps each item of {@code source}; an exception of {@code map} fails the stream. */
    public static <T, R> Flow.Publisher<R> map(Flow.Publisher<? extends T> source, Function<? super T, ? extends R> map) {
        return subscriber -> source.subscribe(new Flow.Subscriber<T>() {
            private Flow.Subscription subscription;
            private boolean done;

            @Override
            public void onSubscribe(Flow.Subscription s) {
                subscription = s;
                subscriber.onSubscribe(s);
            }

            @Override
            public void onNext(T item) {
                if (done) {
                    return;
                }
                R mapped;
                try {
                    mapped = map.apply(item);
                } catch (RuntimeException ex) {
                    done = true;
                    subscription.cancel();
                    subscriber.onError(ex);
                    return;
                }
                subscriber.onNext(mapped);
            }

            @Override
            public void onError(Throwable ex) {
                if (!done) {
                    done = true;
                    subscriber.onError(ex);
                }
            }

            @Override
            public void onComplete() {
                if (!done) {
                    done = true;
                    subscriber.onComplete();
                }
            }
        });
    }

    /** Runs {@code first} when the publisher is subscribed, before anything is published. */
    public static <T> Flow.Publisher<T> onSubscribe(Flow.Publisher<T> source, Runnable first) {
        return subscriber -> {
            first.run();
            source.subscribe(subscriber);
        };
    }

    /**
     * Reads every chunk of {@code source} into one array, failing when more than {@code maxBytes}
     * arrive (a negative limit means none).
     */
    public static CompletableFuture<byte[]> readAll(Flow.Publisher<ByteBuffer> source, long maxBytes) {
        CompletableFuture<byte[]> result = new CompletableFuture<>();
        source.subscribe(new Flow.Subscriber<ByteBuffer>() {
            private final ByteArrayOutputStream out = new ByteArrayOutputStream();
            private Flow.Subscription subscription;

            @Override
            public void onSubscribe(Flow.Subscription s) {
                subscription = s;
                s.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(ByteBuffer item) {
                if (result.isDone()) {
                    return;
                }
                byte[] bytes = new byte[item.remaining()];
                item.get(bytes);
                out.write(bytes, 0, bytes.length);
                if (maxBytes >= 0 && out.size() > maxBytes) {
                    subscription.cancel();
                    result.completeExceptionally(new IOException("the body is larger than " + maxBytes + " bytes"));
                }
            }

            @Override
            public void onError(Throwable ex) {
                result.completeExceptionally(ex);
            }

            @Override
            public void onComplete() {
                result.complete(out.toByteArray());
            }
        });
        return result;
    }

    /** A subscription that does nothing: for subscribers refused at once. */
    static final class NoSubscription implements Flow.Subscription {
        @Override
        public void request(long n) {
        }

        @Override
        public void cancel() {
        }
    }

    /** Reads a stream one chunk per request, on an executor; at most one read at a time. */
    private static final class StreamSubscription implements Flow.Subscription {
        private final InputStream in;
        private final Executor executor;
        private final Flow.Subscriber<? super ByteBuffer> subscriber;
        private final AtomicLong demand = new AtomicLong();
        private final AtomicBoolean reading = new AtomicBoolean();
        private volatile boolean done;

        StreamSubscription(InputStream in, Executor executor, Flow.Subscriber<? super ByteBuffer> subscriber) {
            this.in = in;
            this.executor = executor;
            this.subscriber = subscriber;
        }

        void start() {
            subscriber.onSubscribe(this);
        }

        @Override
        public void request(long n) {
            if (n <= 0) {
                cancel();
                subscriber.onError(new IllegalArgumentException("request(" + n + ") violates rule 3.9"));
                return;
            }
            demand.getAndAccumulate(n, (a, b) -> a + b < 0 ? Long.MAX_VALUE : a + b);
            drain();
        }

        private void drain() {
            if (!done && reading.compareAndSet(false, true)) {
                executor.execute(this::readLoop);
            }
        }

        private void readLoop() {
            try {
                while (!done && demand.get() > 0) {
                    byte[] buf = new byte[CHUNK_BYTES];
                    int n = in.read(buf);
                    if (n < 0) {
                        finish();
                        subscriber.onComplete();
                        return;
                    }
                    if (n > 0) {
                        demand.decrementAndGet();
                        subscriber.onNext(ByteBuffer.wrap(buf, 0, n));
                    }
                }
            } catch (IOException | RuntimeException ex) {
                finish();
                subscriber.onError(ex);
                return;
            } finally {
                reading.set(false);
            }
            if (!done && demand.get() > 0) {
                drain();
            }
        }

        private void finish() {
            done = true;
            try {
                in.close();
            } catch (IOException ex) {
                // nothing more to read anyway
            }
        }

        @Override
        public void cancel() {
            if (!done) {
                finish();
            }
        }
    }
}
