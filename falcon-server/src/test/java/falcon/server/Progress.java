package falcon.server;

import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * Decides back-pressure tests by what the server does, not by how long a test sleeps.
 *
 * <p>A server that holds a producer back makes a counter of the producer's progress stop below a
 * bound; one that buffers without bound drives the counter past the bound however slow the
 * machine is. {@link #settle} therefore returns as soon as the counter passes the bound (no
 * back-pressure, decided at once) or once the producer is seen blocked with the counter
 * unchanged. The deadline is only a safety net for a test that would otherwise hang.
 */
final class Progress {

    /** How long a test may wait for the server before it fails: a safety net, not the decision. */
    static final long DEADLINE_MILLIS = 20_000;

    /** Poll interval; short, since the decision is by state. */
    private static final long POLL_MILLIS = 20;

    /** Polls in a row that must see the counter unchanged while the producer is blocked. */
    private static final int STILL_POLLS = 25;

    private Progress() {
    }

    /**
     * Waits until {@code counter} exceeds {@code bound}, or until {@code blocked} holds with the
     * counter unchanged over several polls in a row; returns the counter then.
     *
     * @param counter the producer's progress (answers served, events or bytes produced)
     * @param bound the value a server with back-pressure never reaches
     * @param blocked whether the producer is observed waiting for the server; {@code () -> true}
     *     when only the counter can be observed
     * @return the counter's value when decided (or at the deadline)
     */
    static long settle(LongSupplier counter, long bound, BooleanSupplier blocked) throws InterruptedException {
        long deadline = System.nanoTime() + DEADLINE_MILLIS * 1_000_000;
        long last = counter.getAsLong();
        int still = 0;
        while (System.nanoTime() < deadline) {
            long now = counter.getAsLong();
            if (now > bound) {
                return now;
            }
            if (now == last && blocked.getAsBoolean()) {
                if (++still >= STILL_POLLS) {
                    return now;
                }
            } else {
                still = 0;
                last = now;
            }
            Thread.sleep(POLL_MILLIS);
        }
        return counter.getAsLong();
    }

    /**
     * Whether {@code thread} is parked or blocked, as a producer held back by the server is.
     *
     * @param thread the producer's thread, or {@code null} before it started
     * @return whether the thread waits
     */
    static boolean waiting(Thread thread) {
        if (thread == null) {
            return false;
        }
        Thread.State state = thread.getState();
        return state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING
                || state == Thread.State.BLOCKED;
    }
}
