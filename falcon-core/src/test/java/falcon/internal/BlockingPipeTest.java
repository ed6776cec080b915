package falcon.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import falcon.internal.PublishersTest.Recorder;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/**
 * The pipe from a blocking producer (a responder writing a stream) to the adapter.
 *
 * <p>NOTE: the mutant that keeps the queue on cancel survives as equivalent: a cancelled pipe
 * delivers nothing and refuses puts, so the dropped items only free memory sooner. Two copies of
 * the unlock after a delivery never run: javac's copies of that finally block for an exception
 * from {@code emitting = false}, which cannot throw.
 */
class BlockingPipeTest {

    private static final long WAIT_MS = 200;

    /** Puts {@code item} on another thread; the future completes when put returns. */
    private static CompletableFuture<Void> putLater(BlockingPipe<String> pipe, String item) {
        return CompletableFuture.runAsync(() -> {
            try {
                pipe.put(item);
            } catch (IOException | InterruptedException ex) {
                throw new RuntimeException(ex);
            }
        });
    }

    private static void assertStillWaiting(CompletableFuture<?> f) {
        assertThatThrownBy(() -> f.get(WAIT_MS, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
    }

    @Test
    void itemsWaitForDemandAndArriveInOrder() throws Exception {
        BlockingPipe<String> pipe = new BlockingPipe<>(4);
        pipe.put("a");
        pipe.put("b");
        Recorder<String> r = new Recorder<>();
        pipe.subscribe(r);
        assertThat(r.items).isEmpty();
        r.subscription.request(1);
        assertThat(r.items).containsExactly("a");
        pipe.put("c");
        assertThat(r.items).containsExactly("a");
        r.subscription.request(5);
        assertThat(r.items).containsExactly("a", "b", "c");
        pipe.put("d");
        assertThat(r.items).containsExactly("a", "b", "c", "d");
        pipe.end(null);
        assertThat(r.completions).isEqualTo(1);
        assertThat(r.error).isNull();
        assertThat(pipe.isCancelled()).isFalse();
    }

    @Test
    void theEndComesAfterTheQueuedItems() throws Exception {
        BlockingPipe<String> pipe = new BlockingPipe<>(4);
        Recorder<String> r = new Recorder<>();
        pipe.subscribe(r);
        pipe.put("a");
        pipe.put("b");
        pipe.end(null);
        assertThat(r.completions).isZero();
        r.subscription.request(1);
        assertThat(r.completions).isZero();
        r.subscription.request(1);
        assertThat(r.items).containsExactly("a", "b");
        assertThat(r.completions).isEqualTo(1);
    }

    @Test
    void aFailureEndsTheStreamWithItsErrorOnce() {
        BlockingPipe<String> pipe = new BlockingPipe<>(1);
        IOException failure = new IOException("broken");
        pipe.end(failure);
        pipe.end(null);
        Recorder<String> r = new Recorder<>();
        pipe.subscribe(r);
        assertThat(r.error).isSameAs(failure);
        assertThat(r.completions).isZero();
        r.subscription.request(1);
        pipe.end(new IOException("again"));
        assertThat(r.error).isSameAs(failure);
    }

    @Test
    void theEndIsDeliveredOnce() {
        BlockingPipe<String> pipe = new BlockingPipe<>(1);
        Recorder<String> r = new Recorder<>();
        pipe.subscribe(r);
        pipe.end(null);
        r.subscription.request(1);
        pipe.end(null);
        assertThat(r.completions).isEqualTo(1);
    }

    @Test
    void putWaitsWhileThePipeIsFull() throws Exception {
        BlockingPipe<String> pipe = new BlockingPipe<>(2);
        pipe.put("a");
        pipe.put("b");
        CompletableFuture<Void> third = putLater(pipe, "c");
        assertStillWaiting(third);
        Recorder<String> r = new Recorder<>();
        pipe.subscribe(r);
        assertStillWaiting(third);
        r.subscription.request(1);
        third.get(5, TimeUnit.SECONDS);
        assertThat(r.items).containsExactly("a");
        r.subscription.request(2);
        assertThat(r.items).containsExactly("a", "b", "c");
    }

    @Test
    void aCapacityBelowOneHoldsOneItem() throws Exception {
        BlockingPipe<String> pipe = new BlockingPipe<>(0);
        pipe.put("a");
        CompletableFuture<Void> second = putLater(pipe, "b");
        assertStillWaiting(second);
        Recorder<String> r = new Recorder<>();
        pipe.subscribe(r);
        r.subscription.request(1);
        second.get(5, TimeUnit.SECONDS);
        r.subscription.request(1);
        assertThat(r.items).containsExactly("a", "b");
    }

    @Test
    void cancelWakesAWaitingProducerWithAnIOException() throws Exception {
        BlockingPipe<String> pipe = new BlockingPipe<>(1);
        Recorder<String> r = new Recorder<>();
        pipe.subscribe(r);
        pipe.put("a");
        CompletableFuture<Void> second = putLater(pipe, "b");
        assertStillWaiting(second);
        r.subscription.cancel();
        assertThatThrownBy(() -> second.get(5, TimeUnit.SECONDS)).cause().cause()
                .isInstanceOf(IOException.class).hasMessage("the client disconnected");
        assertThat(pipe.isCancelled()).isTrue();
        assertThatThrownBy(() -> pipe.put("c")).isInstanceOf(IOException.class);
        r.subscription.request(5);
        pipe.end(null);
        assertThat(r.items).as("the queue was dropped").isEmpty();
        assertThat(r.completions).isZero();
    }

    @Test
    void aSecondSubscriberIsRefused() {
        BlockingPipe<String> pipe = new BlockingPipe<>(1);
        Recorder<String> first = new Recorder<>();
        Recorder<String> second = new Recorder<>();
        pipe.subscribe(first);
        pipe.subscribe(second);
        assertThat(second.subscription).isNotNull();
        assertThat(second.error).isInstanceOf(IllegalStateException.class).hasMessage("this stream may be subscribed once");
        assertThat(first.error).isNull();
        pipe.end(null);
        assertThat(first.completions).isEqualTo(1);
        assertThat(second.completions).isZero();
    }

    @Test
    void demandAddsUpWithoutOverflowing() throws Exception {
        BlockingPipe<String> pipe = new BlockingPipe<>(8);
        Recorder<String> r = new Recorder<>();
        pipe.subscribe(r);
        r.subscription.request(Long.MAX_VALUE);
        r.subscription.request(Long.MAX_VALUE);
        for (int i = 0; i < 5; i++) {
            pipe.put("i" + i);
        }
        assertThat(r.items).hasSize(5);
    }

    @Test
    void aRequestOfNothingGrantsNoDemand() throws Exception {
        BlockingPipe<String> pipe = new BlockingPipe<>(4);
        Recorder<String> r = new Recorder<>();
        pipe.subscribe(r);
        pipe.put("a");
        r.subscription.request(0);
        assertThat(r.items).isEmpty();
        r.subscription.request(1);
        assertThat(r.items).containsExactly("a");
    }

    @Test
    void aNegativeRequestGrantsNoDemand() throws Exception {
        BlockingPipe<String> pipe = new BlockingPipe<>(4);
        Recorder<String> r = new Recorder<>();
        pipe.subscribe(r);
        pipe.put("a");
        r.subscription.request(-1);
        assertThat(r.items).isEmpty();
        r.subscription.request(1);
        assertThat(r.items).containsExactly("a");
    }

    @Test
    void everyCallLeavesThePipeFreeForTheOtherThread() throws Exception {
        BlockingPipe<String> pipe = new BlockingPipe<>(4);
        Recorder<String> r = new Recorder<>();
        pipe.subscribe(r);
        r.subscription.request(1);
        pipe.put("a");
        assertThat(pipe.isCancelled()).isFalse();
        pipe.end(null);
        // a producer on another thread still gets the lock: each call above released it
        putLater(pipe, "b").get(5, TimeUnit.SECONDS);
        assertThat(CompletableFuture.supplyAsync(pipe::isCancelled).get(5, TimeUnit.SECONDS)).isFalse();
        assertThat(r.items).containsExactly("a");
    }

    @Test
    void requestsFromInsideOnNextDoNotReenter() throws Exception {
        BlockingPipe<String> pipe = new BlockingPipe<>(8);
        List<String> events = new ArrayList<>();
        Recorder<String> r = new Recorder<>() {
            @Override
            public void onNext(String item) {
                events.add("start " + item);
                subscription.request(1);
                events.add("end " + item);
            }
        };
        pipe.put("a");
        pipe.put("b");
        pipe.subscribe(r);
        r.subscription.request(1);
        assertThat(events).containsExactly("start a", "end a", "start b", "end b");
    }

    @Test
    void aSubscriberThatThrowsDoesNotBlockThePipe() throws Exception {
        BlockingPipe<String> pipe = new BlockingPipe<>(8);
        List<String> got = new ArrayList<>();
        Recorder<String> r = new Recorder<>() {
            @Override
            public void onNext(String item) {
                got.add(item);
                if (item.equals("a")) {
                    throw new IllegalStateException("once");
                }
            }
        };
        pipe.subscribe(r);
        r.subscription.request(5);
        assertThatThrownBy(() -> pipe.put("a")).isInstanceOf(IllegalStateException.class);
        // from another thread: the failed delivery released the lock
        putLater(pipe, "b").get(5, TimeUnit.SECONDS);
        assertThat(got).containsExactly("a", "b");
    }
}
