package falcon.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.concurrent.SubmissionPublisher;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The publishers a body is streamed through: what a subscriber receives, and when.
 *
 * <p>NOTE: three mutants of StreamSubscription survive: the overflow check {@code a + b < 0} as
 * {@code <= 0} and {@code !done} negated before the drain after the read loop are equivalent (a
 * request is positive, so the sum is never 0; drain() checks {@code done} again), and that drain
 * itself runs only when a request comes in just as the loop ends, a race no test can schedule.
 */
class PublishersTest {

    /** Runs tasks when asked, so a test sees each step of a subscription. */
    static final class ManualExecutor implements Executor {
        final List<Runnable> tasks = new ArrayList<>();

        @Override
        public void execute(Runnable task) {
            tasks.add(task);
        }

        void runAll() {
            while (!tasks.isEmpty()) {
                tasks.remove(0).run();
            }
        }
    }

    /** Records what it receives; requests nothing by itself. */
    static class Recorder<T> implements Flow.Subscriber<T> {
        Flow.Subscription subscription;
        final List<T> items = new ArrayList<>();
        Throwable error;
        int completions;

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
        }

        @Override
        public void onNext(T item) {
            items.add(item);
        }

        @Override
        public void onError(Throwable ex) {
            error = ex;
        }

        @Override
        public void onComplete() {
            completions++;
        }
    }

    /** A stream that counts its closes and hands out at most {@code step} bytes a read. */
    static final class Source extends ByteArrayInputStream {
        int closes;
        final int step;

        Source(byte[] data, int step) {
            super(data);
            this.step = step;
        }

        @Override
        public synchronized int read(byte[] b, int off, int len) {
            return super.read(b, off, Math.min(len, step));
        }

        @Override
        public void close() {
            closes++;
        }
    }

    private static String text(List<ByteBuffer> chunks) {
        StringBuilder sb = new StringBuilder();
        for (ByteBuffer b : chunks) {
            sb.append(StandardCharsets.UTF_8.decode(b.duplicate()));
        }
        return sb.toString();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aStreamIsPublishedOneChunkPerRequestAndClosedAtItsEnd() {
        ManualExecutor executor = new ManualExecutor();
        Source in = new Source(bytes("abcdef"), 2);
        Recorder<ByteBuffer> r = new Recorder<>();
        Publishers.ofInputStream(in, executor).subscribe(r);
        assertThat(executor.tasks).isEmpty();

        r.subscription.request(1);
        assertThat(executor.tasks).hasSize(1);
        executor.tasks.remove(0).run();
        assertThat(text(r.items)).isEqualTo("ab");
        assertThat(executor.tasks).as("no demand left: no more reads").isEmpty();

        r.subscription.request(2);
        executor.runAll();
        assertThat(text(r.items)).isEqualTo("abcdef");
        assertThat(r.completions).isZero();
        assertThat(in.closes).isZero();

        r.subscription.request(1);
        executor.runAll();
        assertThat(r.completions).isEqualTo(1);
        assertThat(r.error).isNull();
        assertThat(in.closes).isEqualTo(1);
        r.subscription.request(1);
        r.subscription.cancel();
        assertThat(executor.tasks).isEmpty();
        assertThat(in.closes).as("closed once").isEqualTo(1);
    }

    @Test
    void aChunkIsAtMostChunkBytes() {
        byte[] data = new byte[Publishers.CHUNK_BYTES + 10];
        Recorder<ByteBuffer> r = new Recorder<>();
        Publishers.ofInputStream(new ByteArrayInputStream(data), Runnable::run).subscribe(r);
        r.subscription.request(Long.MAX_VALUE);
        assertThat(r.items).extracting(ByteBuffer::remaining).containsExactly(Publishers.CHUNK_BYTES, 10);
        assertThat(r.completions).isEqualTo(1);
        assertThat(Publishers.CHUNK_BYTES).isEqualTo(16 * 1024);
    }

    @Test
    void demandAddsUpWithoutOverflowing() {
        ManualExecutor executor = new ManualExecutor();
        Recorder<ByteBuffer> r = new Recorder<>();
        Publishers.ofInputStream(new Source(bytes("abcdefgh"), 1), executor).subscribe(r);
        r.subscription.request(Long.MAX_VALUE);
        r.subscription.request(Long.MAX_VALUE);
        assertThat(executor.tasks).as("one read loop at a time").hasSize(1);
        executor.runAll();
        assertThat(text(r.items)).isEqualTo("abcdefgh");
        assertThat(r.completions).isEqualTo(1);
        assertThat(r.error).isNull();
    }

    @Test
    void requestsMadeWhileReadingContinueTheReads() {
        ManualExecutor executor = new ManualExecutor();
        Recorder<ByteBuffer> r = new Recorder<>() {
            @Override
            public void onNext(ByteBuffer item) {
                super.onNext(item);
                subscription.request(1);
            }
        };
        Publishers.ofInputStream(new Source(bytes("abc"), 1), executor).subscribe(r);
        r.subscription.request(1);
        executor.runAll();
        assertThat(text(r.items)).isEqualTo("abc");
        assertThat(r.completions).isEqualTo(1);
    }

    @Test
    void aNonPositiveRequestFailsTheStreamAndClosesIt() {
        for (long n : new long[] {0, -1}) {
            Source in = new Source(bytes("abc"), 10);
            ManualExecutor executor = new ManualExecutor();
            Recorder<ByteBuffer> r = new Recorder<>();
            Publishers.ofInputStream(in, executor).subscribe(r);
            r.subscription.request(n);
            assertThat(r.error).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3.9");
            assertThat(in.closes).isEqualTo(1);
            r.subscription.request(1);
            executor.runAll();
            assertThat(r.items).as("nothing read after the failure").isEmpty();
        }
    }

    @Test
    void cancelClosesTheStreamAndStopsReading() {
        ManualExecutor executor = new ManualExecutor();
        Source in = new Source(bytes("abc"), 1);
        Recorder<ByteBuffer> r = new Recorder<>();
        Publishers.ofInputStream(in, executor).subscribe(r);
        r.subscription.request(5);
        r.subscription.cancel();
        executor.runAll();
        assertThat(r.items).isEmpty();
        assertThat(r.completions).isZero();
        assertThat(in.closes).isEqualTo(1);
    }

    @Test
    void aFailingReadFailsTheStreamAndClosesIt() {
        AtomicInteger closes = new AtomicInteger();
        InputStream in = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("disk gone");
            }

            @Override
            public void close() {
                closes.incrementAndGet();
            }
        };
        Recorder<ByteBuffer> r = new Recorder<>();
        Publishers.ofInputStream(in, Runnable::run).subscribe(r);
        r.subscription.request(1);
        assertThat(r.error).isInstanceOf(IOException.class).hasMessage("disk gone");
        assertThat(closes).hasValue(1);
        assertThat(r.completions).isZero();
    }

    @Test
    void readsOfNoBytesPublishNothing() {
        int[] calls = {0};
        InputStream in = new InputStream() {
            @Override
            public int read() {
                return -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                calls[0]++;
                if (calls[0] == 1) {
                    return 0;
                }
                if (calls[0] == 2) {
                    b[off] = 'x';
                    return 1;
                }
                return -1;
            }
        };
        Recorder<ByteBuffer> r = new Recorder<>();
        Publishers.ofInputStream(in, Runnable::run).subscribe(r);
        r.subscription.request(1);
        assertThat(text(r.items)).isEqualTo("x");
        assertThat(r.completions).isZero();
        r.subscription.request(1);
        assertThat(r.completions).isEqualTo(1);
    }

    @Test
    void aStreamMayBeSubscribedOnce() {
        Flow.Publisher<ByteBuffer> publisher = Publishers.ofInputStream(new ByteArrayInputStream(bytes("a")), Runnable::run);
        Recorder<ByteBuffer> first = new Recorder<>();
        Recorder<ByteBuffer> second = new Recorder<>();
        publisher.subscribe(first);
        publisher.subscribe(second);
        assertThat(first.error).isNull();
        assertThat(second.subscription).isNotNull();
        assertThat(second.error).isInstanceOf(IllegalStateException.class).hasMessage("the body may be read only once");
        second.subscription.request(1);
        second.subscription.cancel();
        first.subscription.request(1);
        assertThat(text(first.items)).isEqualTo("a");
    }

    @Test
    void mapMapsEachItem() {
        ManualExecutor unused = new ManualExecutor();
        Flow.Publisher<ByteBuffer> source = Publishers.ofInputStream(new Source(bytes("abc"), 1), Runnable::run);
        Recorder<String> r = new Recorder<>();
        Publishers.map(source, b -> StandardCharsets.UTF_8.decode(b).toString().toUpperCase()).subscribe(r);
        r.subscription.request(10);
        assertThat(r.items).containsExactly("A", "B", "C");
        assertThat(r.completions).isEqualTo(1);
        assertThat(unused.tasks).isEmpty();
    }

    @Test
    void aFailingMapCancelsTheSourceAndFailsOnce() {
        Source in = new Source(bytes("abc"), 1);
        Recorder<String> r = new Recorder<>();
        RuntimeException boom = new IllegalStateException("boom");
        Publishers.<ByteBuffer, String>map(Publishers.ofInputStream(in, Runnable::run), b -> {
            throw boom;
        }).subscribe(r);
        r.subscription.request(10);
        assertThat(r.error).isSameAs(boom);
        assertThat(r.items).isEmpty();
        assertThat(r.completions).isZero();
        assertThat(in.closes).as("the source was cancelled").isEqualTo(1);
        assertThat(in.available()).as("and not read further").isEqualTo(2);
    }

    @Test
    void afterAFailedMapNothingMoreIsPassedOn() {
        // A source that ignores cancel, as a publisher may for a while (rule 3.12)
        Flow.Publisher<Integer> source = s -> {
            s.onSubscribe(new Publishers.NoSubscription());
            s.onNext(1);
            s.onNext(2);
            s.onError(new IOException("late"));
            s.onComplete();
        };
        Recorder<Integer> r = new Recorder<>();
        IllegalArgumentException bad = new IllegalArgumentException("one");
        Publishers.map(source, (Integer i) -> {
            if (i == 1) {
                throw bad;
            }
            return i * 10;
        }).subscribe(r);
        assertThat(r.items).isEmpty();
        assertThat(r.error).isSameAs(bad);
        assertThat(r.completions).isZero();
    }

    @Test
    void mapPassesOnTheFirstEndOnly() {
        Flow.Publisher<Integer> errorThenComplete = s -> {
            s.onSubscribe(new Publishers.NoSubscription());
            s.onNext(1);
            s.onError(new IOException("first"));
            s.onComplete();
            s.onError(new IOException("second"));
        };
        Recorder<Integer> r = new Recorder<>();
        Publishers.map(errorThenComplete, (Integer i) -> i + 1).subscribe(r);
        assertThat(r.items).containsExactly(2);
        assertThat(r.error).hasMessage("first");
        assertThat(r.completions).isZero();

        Flow.Publisher<Integer> completeThenError = s -> {
            s.onSubscribe(new Publishers.NoSubscription());
            s.onComplete();
            s.onComplete();
            s.onError(new IOException("late"));
        };
        Recorder<Integer> r2 = new Recorder<>();
        Publishers.map(completeThenError, (Integer i) -> i).subscribe(r2);
        assertThat(r2.completions).isEqualTo(1);
        assertThat(r2.error).isNull();
    }

    @Test
    void onSubscribeRunsFirstAtEachSubscription() {
        List<String> events = new ArrayList<>();
        Flow.Publisher<Integer> source = s -> {
            events.add("subscribed");
            s.onSubscribe(new Publishers.NoSubscription());
            s.onComplete();
        };
        Flow.Publisher<Integer> p = Publishers.onSubscribe(source, () -> events.add("first"));
        assertThat(events).isEmpty();
        Recorder<Integer> r = new Recorder<>();
        p.subscribe(r);
        assertThat(events).containsExactly("first", "subscribed");
        assertThat(r.completions).isEqualTo(1);
    }

    @Test
    void readAllJoinsTheChunks() throws Exception {
        CompletableFuture<byte[]> all = Publishers.readAll(
                Publishers.ofInputStream(new Source(bytes("hello world"), 3), Runnable::run), -1);
        assertThat(new String(all.get(5, TimeUnit.SECONDS), StandardCharsets.UTF_8)).isEqualTo("hello world");
    }

    @Test
    void readAllAcceptsExactlyTheLimit() throws Exception {
        CompletableFuture<byte[]> all = Publishers.readAll(
                Publishers.ofInputStream(new Source(bytes("hello"), 2), Runnable::run), 5);
        assertThat(all.get(5, TimeUnit.SECONDS)).hasSize(5);
        CompletableFuture<byte[]> empty = Publishers.readAll(
                Publishers.ofInputStream(new Source(new byte[0], 2), Runnable::run), 0);
        assertThat(empty.get(5, TimeUnit.SECONDS)).isEmpty();
    }

    @Test
    void readAllFailsPastTheLimitAndCancels() {
        Source in = new Source(bytes("hello world!!"), 2);
        CompletableFuture<byte[]> all = Publishers.readAll(Publishers.ofInputStream(in, Runnable::run), 5);
        assertThatThrownBy(all::get).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(IOException.class).hasMessage("the body is larger than 5 bytes");
        assertThat(in.closes).as("cancelled").isEqualTo(1);
        assertThat(in.available()).as("the rest is not read").isEqualTo(7);
    }

    @Test
    void readAllWithALimitOfZeroTakesNoByte() {
        CompletableFuture<byte[]> all = Publishers.readAll(
                Publishers.ofInputStream(new Source(bytes("a"), 2), Runnable::run), 0);
        assertThatThrownBy(all::get).cause().hasMessage("the body is larger than 0 bytes");
    }

    @Test
    void readAllIgnoresChunksAfterItFailed() throws Exception {
        Flow.Publisher<ByteBuffer> source = s -> {
            s.onSubscribe(new Publishers.NoSubscription());
            s.onNext(ByteBuffer.wrap(bytes("toolong")));
            s.onNext(ByteBuffer.wrap(bytes("x")));
            s.onComplete();
        };
        CompletableFuture<byte[]> all = Publishers.readAll(source, 3);
        assertThatThrownBy(all::get).cause().hasMessage("the body is larger than 3 bytes");
    }

    @Test
    void readAllPassesOnTheSourcesError() {
        SubmissionPublisher<ByteBuffer> source = new SubmissionPublisher<>(Runnable::run, 4);
        CompletableFuture<byte[]> all = Publishers.readAll(source, -1);
        source.submit(ByteBuffer.wrap(bytes("a")));
        source.closeExceptionally(new IOException("reset"));
        assertThatThrownBy(all::get).cause().isInstanceOf(IOException.class).hasMessage("reset");
    }

    @Test
    void theBlockingExecutorIsTheSharedWorkers() {
        assertThat(Publishers.blockingExecutor()).isSameAs(Workers.shared()).isNotNull();
    }
}
