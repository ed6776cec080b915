package falcon.server.internal;

import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A request body still arriving: the event loop offers chunks, the worker reads them.
 *
 * <p>The queue is bounded by back-pressure: once it holds more than {@link #HIGH_WATER_CHUNKS}
 * chunks the connection stops reading from the socket ({@link ExchangeHandler#updateAutoRead()}),
 * and the reader asks it to resume when the queue has drained to {@link #LOW_WATER_CHUNKS}.
 * Chunks are copied out of Netty's buffers on the event loop, so nothing here holds a {@code
 * ByteBuf} and nothing can leak.
 *
 * <p>The lock guards every field below; the event loop never waits on it for long (it only adds
 * to the queue). A {@link ReentrantLock} rather than {@code synchronized}, so that a virtual
 * thread waiting for a chunk does not pin its carrier (JDK 21 to 23).
 */
final class StreamingBody extends InputStream {

    /** Above this many queued chunks the connection stops reading. */
    static final int HIGH_WATER_CHUNKS = 8;

    /** At this many queued chunks a paused connection resumes reading. */
    static final int LOW_WATER_CHUNKS = 2;

    private final ExchangeHandler connection;
    private final NettyExchange exchange;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final ArrayDeque<byte[]> chunks = new ArrayDeque<>();
    private byte[] current;
    private int pos;
    private boolean ended;
    private boolean closed;
    private boolean paused;
    private boolean continueAsked;
    private RuntimeException failure;

    StreamingBody(ExchangeHandler connection, NettyExchange exchange) {
        this.connection = connection;
        this.exchange = exchange;
    }

    // ---------------------------------------------------------------- event loop side

    /** Adds a chunk; returns whether the connection should stop reading for now. */
    boolean offer(byte[] chunk) {
        lock.lock();
        try {
            if (closed || failure != null) {
                return false;
            }
            chunks.add(chunk);
            changed.signal();
            if (chunks.size() > HIGH_WATER_CHUNKS) {
                paused = true;
            }
            return paused;
        } finally {
            lock.unlock();
        }
    }

    /** Returns whether reading is paused for this body. */
    boolean paused() {
        lock.lock();
        try {
            return paused;
        } finally {
            lock.unlock();
        }
    }

    /** Marks the end of the body. */
    void end() {
        lock.lock();
        try {
            ended = true;
            paused = false;
            changed.signal();
        } finally {
            lock.unlock();
        }
    }

    /** Makes every later read throw {@code failure}; queued chunks are dropped. */
    void fail(RuntimeException failure) {
        lock.lock();
        try {
            if (this.failure == null && !ended) {
                this.failure = failure;
            }
            chunks.clear();
            current = null;
            paused = false;
            changed.signal();
        } finally {
            lock.unlock();
        }
    }

    // ---------------------------------------------------------------- worker side

    @Override
    public int read() throws InterruptedIOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws InterruptedIOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (len == 0) {
            return 0;
        }
        boolean resume = false;
        boolean askContinue = false;
        lock.lock();
        try {
            while (true) {
                if (failure != null) {
                    throw failure;
                }
                if (closed) {
                    return -1;
                }
                byte[] c = current;
                if (c != null) {
                    int n = Math.min(len, c.length - pos);
                    System.arraycopy(c, pos, b, off, n);
                    pos += n;
                    if (pos == c.length) {
                        current = null;
                    }
                    return n;
                }
                c = chunks.poll();
                if (c != null) {
                    current = c;
                    pos = 0;
                    if (paused && chunks.size() <= LOW_WATER_CHUNKS) {
                        paused = false;
                        resume = true;
                    }
                    continue;
                }
                if (ended) {
                    return -1;
                }
                if (!continueAsked) {
                    // RFC 9110 10.1.1: send 100 Continue only now that the body is wanted.
                    continueAsked = true;
                    askContinue = true;
                    break;
                }
                changed.await();
            }
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the request body");
        } finally {
            lock.unlock();
            if (resume) {
                connection.resumeReading();
            }
        }
        if (askContinue) {
            connection.sendContinue(exchange);
        }
        return read(b, off, len);
    }

    @Override
    public int available() {
        lock.lock();
        try {
            return current == null ? 0 : current.length - pos;
        } finally {
            lock.unlock();
        }
    }

    /** Stops reading: later reads return -1; the connection discards the rest of the body. */
    @Override
    public void close() {
        boolean resume;
        lock.lock();
        try {
            closed = true;
            chunks.clear();
            current = null;
            resume = paused;
            paused = false;
        } finally {
            lock.unlock();
        }
        if (resume) {
            connection.resumeReading();
        }
    }
}
