package falcon.internal;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.concurrent.Flow;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A bounded pipe from one blocking producer thread to a {@link Flow.Subscriber}: {@link #put}
 * blocks while {@code capacity} items wait and the subscriber has no demand, and throws once the
 * subscriber cancelled (the client went away). Not API.
 *
 * <p>The lock guards the queue, the demand and the flags; the subscriber's methods are called
 * outside it, by one thread at a time (the {@code emitting} flag).
 *
 * @param <T> the item type
 */
public final class BlockingPipe<T> implements Flow.Publisher<T> {

    private final int capacity;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition space = lock.newCondition();
    private final ArrayDeque<T> queue = new ArrayDeque<>();
    private Flow.Subscriber<? super T> subscriber;
    private long demand;
    private boolean cancelled;
    private boolean ended;
    private Throwable failure;
    private boolean terminated;
    private boolean emitting;

    /** Creates a pipe that holds at most {@code capacity} undelivered items. */
    public BlockingPipe(int capacity) {
        this.capacity = Math.max(1, capacity);
    }

    @Override
    public void subscribe(Flow.Subscriber<? super T> s) {
        lock.lock();
        try {
            if (subscriber != null) {
                s.onSubscribe(new Publishers.NoSubscription());
                s.onError(new IllegalStateException("this stream may be subscribed once"));
                return;
            }
            subscriber = s;
        } finally {
            lock.unlock();
        }
        s.onSubscribe(new Flow.Subscription() {
            @Override
            public void request(long n) {
                if (n <= 0) {
                    // no demand (Reactive Streams 3.9 asks for an error; a negative n used to
                    // overflow below into unbounded demand)
                    return;
                }
                lock.lock();
                try {
                    demand = demand + n < 0 ? Long.MAX_VALUE : demand + n;
                } finally {
                    lock.unlock();
                }
                deliver();
            }

            @Override
            public void cancel() {
                lock.lock();
                try {
                    cancelled = true;
                    queue.clear();
                    space.signalAll();
                } finally {
                    lock.unlock();
                }
            }
        });
        deliver();
    }

    /**
     * Puts an item, waiting while the pipe is full.
     *
     * @throws IOException when the subscriber cancelled: the consumer is gone
     * @throws InterruptedException when interrupted while waiting
     */
    public void put(T item) throws IOException, InterruptedException {
        lock.lock();
        try {
            while (!cancelled && queue.size() >= capacity) {
                space.await();
            }
            if (cancelled) {
                throw new IOException("the client disconnected");
            }
            queue.add(item);
        } finally {
            lock.unlock();
        }
        deliver();
    }

    /** Returns whether the subscriber cancelled. */
    public boolean isCancelled() {
        lock.lock();
        try {
            return cancelled;
        } finally {
            lock.unlock();
        }
    }

    /** Ends the stream after the queued items; {@code failure} non-null ends it with an error. */
    public void end(Throwable failure) {
        lock.lock();
        try {
            if (ended) {
                return;
            }
            ended = true;
            this.failure = failure;
        } finally {
            lock.unlock();
        }
        deliver();
    }

    private void deliver() {
        while (true) {
            T item = null;
            boolean complete = false;
            Throwable error = null;
            Flow.Subscriber<? super T> s;
            lock.lock();
            try {
                s = subscriber;
                if (s == null || emitting || terminated || cancelled) {
                    return;
                }
                if (!queue.isEmpty() && demand > 0) {
                    item = queue.poll();
                    demand--;
                    space.signalAll();
                } else if (queue.isEmpty() && ended) {
                    terminated = true;
                    complete = failure == null;
                    error = failure;
                } else {
                    return;
                }
                emitting = true;
            } finally {
                lock.unlock();
            }
            try {
                if (item != null) {
                    s.onNext(item);
                } else if (complete) {
                    s.onComplete();
                } else {
                    s.onError(error);
                }
            } finally {
                lock.lock();
                try {
                    emitting = false;
                } finally {
                    lock.unlock();
                }
            }
        }
    }
}
