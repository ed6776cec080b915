package falcon.server.internal;

import io.netty.channel.EventLoop;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Hands the requests that one turn of an event loop has read to the workers in one go, and their
 * whole responses back to the loop in one go. One per event loop; the loop's.
 *
 * <p>Why: when the loop and the workers' threads share few cores (one, in a container limited to
 * one CPU and in the benchmark kit), every hand-off that finds the other side asleep costs a
 * futex or eventfd wake-up and a context switch. One of each per request made the default WORKER
 * mode cost 1.2–1.4 times the CPU of EVENT_LOOP mode. Here a turn of N requests costs one
 * hand-off each way:
 *
 * <ol>
 *   <li>{@link #dispatch} collects the turn's exchanges; a task queued on the loop (it runs after
 *       the turn's reads, and queuing from the loop wakes nothing) hands them over as one
 *       {@link Batch}.
 *   <li>On a worker the batch starts each exchange's own worker (from a worker thread, a virtual
 *       thread's start wakes no one), then a last task that <em>closes</em> it. The scheduler runs
 *       virtual threads in submission order, so that task runs once every exchange of the batch
 *       has run to its end or to its first wait.
 *   <li>A whole response written before the close waits in the batch; the close hands all of them
 *       to the loop in one task. A response written after the close (its responder blocked, or
 *       another carrier thread ran it) goes to the loop at once, as without batching.
 * </ol>
 *
 * A turn of one request is handed over as before, without a batch: batching it would only add
 * the two tasks.
 */
final class WorkerHandOff {

    private final EventLoop loop;
    private final Executor workers;
    private final Runnable handOver = this::handOver;

    // the loop's
    private List<NettyExchange> turn = new ArrayList<>();
    private boolean handOverQueued;

    WorkerHandOff(EventLoop loop, Executor workers) {
        this.loop = loop;
        this.workers = workers;
    }

    /** On the loop: {@code ex} is ready for the App; it is handed over after this turn's reads. */
    void dispatch(NettyExchange ex) {
        turn.add(ex);
        if (!handOverQueued) {
            handOverQueued = true;
            loop.execute(handOver);
        }
    }

    private void handOver() {
        handOverQueued = false;
        List<NettyExchange> exchanges = turn;
        if (exchanges.size() == 1) {
            NettyExchange ex = exchanges.get(0);
            exchanges.clear();
            start(ex);
            return;
        }
        turn = new ArrayList<>();
        Batch batch = new Batch(exchanges);
        try {
            workers.execute(batch);
        } catch (RejectedExecutionException shuttingDown) {
            for (NettyExchange ex : exchanges) {
                ex.connection().dispatchRefused(ex);
            }
        }
    }

    /** On the loop: starts the worker of one exchange. */
    private void start(NettyExchange ex) {
        try {
            workers.execute(ex);
        } catch (RejectedExecutionException shuttingDown) {
            ex.connection().dispatchRefused(ex);
        }
    }

    /** The exchanges of one turn, and the whole responses they write before the batch closes. */
    final class Batch implements Runnable {
        private final List<NettyExchange> exchanges;
        private final ConcurrentLinkedQueue<ResponseWriter.FullWrite> writes = new ConcurrentLinkedQueue<>();
        private final Runnable drain = this::drain;
        private volatile boolean closed;

        Batch(List<NettyExchange> exchanges) {
            this.exchanges = exchanges;
        }

        /** On a worker: starts the exchanges, then the task that closes the batch after them. */
        @Override
        public void run() {
            for (int i = 0, n = exchanges.size(); i < n; i++) {
                NettyExchange ex = exchanges.get(i);
                ex.joinBatch(this);
                try {
                    workers.execute(ex);
                } catch (RejectedExecutionException shuttingDown) {
                    ex.joinBatch(null);
                    refuse(ex);
                }
            }
            // Each exchange keeps its batch until it answers; the batch keeps none of them, so a
            // responder that waits long (SSE, long polling) holds no other exchange in memory.
            exchanges.clear();
            try {
                workers.execute(this::close);
            } catch (RejectedExecutionException shuttingDown) {
                close();
            }
        }

        private void refuse(NettyExchange ex) {
            try {
                loop.execute(() -> ex.connection().dispatchRefused(ex));
            } catch (RejectedExecutionException loopGone) {
                // the server is down; the channel is closed with it
            }
        }

        /**
         * From a worker: writes a whole response now or when the batch closes.
         *
         * @throws RejectedExecutionException when the loop is gone; the caller abandons the write
         */
        void write(ResponseWriter.FullWrite write) {
            if (closed) {
                loop.execute(write);
                return;
            }
            writes.add(write);
            // The close may have looked at the queue before the add: then it is ours to hand over.
            // Both may do it; the second drain finds nothing.
            if (closed) {
                handOverWrites();
            }
        }

        private void close() {
            closed = true;
            if (!writes.isEmpty()) {
                handOverWrites();
            }
        }

        private void handOverWrites() {
            try {
                loop.execute(drain);
            } catch (RejectedExecutionException loopGone) {
                ResponseWriter.FullWrite w;
                while ((w = writes.poll()) != null) {
                    w.abandon();
                }
            }
        }

        private void drain() {
            ResponseWriter.FullWrite w;
            while ((w = writes.poll()) != null) {
                w.run();
            }
        }
    }
}
