package falcon.server.internal;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Bounds the time from the first byte of a request to the end of its headers (slowloris).
 *
 * <p>Sits before the HTTP decoder and sees raw bytes. The {@link Http1Handler} says when a head
 * was decoded ({@link #headReceived()}) and when the next one is awaited ({@link
 * #awaitNextHead()}); the clock starts with the first bytes read after that. Event loop only.
 *
 * <p>PERF: the timer is not cancelled per request. It fires at most once per timeout period and
 * re-arms itself only while a head is still being awaited, so a busy keep-alive connection
 * schedules one task per period instead of one per request.
 */
final class HeaderReadTimeout extends ChannelInboundHandlerAdapter {

    private final long timeoutNanos;
    private final Http1Handler connection;
    private ChannelHandlerContext ctx;
    private boolean awaiting = true;
    private boolean started;
    // the bare-CR scan of the current head (see bareCr)
    private boolean firstHead = true;
    private boolean wholeHead;
    private boolean scanning;
    private boolean pendingCr;
    private boolean atLineStart;
    private boolean emptyLine;
    private long startNanos;
    private ScheduledFuture<?> timer;

    HeaderReadTimeout(long timeoutNanos, Http1Handler connection) {
        this.timeoutNanos = timeoutNanos;
        this.connection = connection;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (awaiting && !started) {
            started = true;
            startNanos = System.nanoTime();
            scanning = true;
            pendingCr = false;
            atLineStart = true;
            wholeHead = firstHead;
            firstHead = false;
            if (timer == null) {
                timer = ctx.executor().schedule(this::expire, timeoutNanos, TimeUnit.NANOSECONDS);
            }
        }
        if (scanning && msg instanceof ByteBuf && bareCr((ByteBuf) msg)) {
            ReferenceCountUtil.release(msg);
            scanning = false;
            connection.bareCarriageReturn();
            return;
        }
        ctx.fireChannelRead(msg);
    }

    /**
     * Whether the head being received has a CR that is not followed by LF. The decoder splits
     * lines at LF only, so a client ending its lines with a bare CR would otherwise wait,
     * unanswered, for the header timeout (RFC 9112 section 2.2: such a message is invalid).
     *
     * <p>The first head of a connection starts with its first read, so its lines are followed to
     * the blank line that ends it. A later head may have begun in the previous read, behind
     * another request's body, so a scan that starts there cannot tell a line's end from the
     * head's: it looks only up to the first LF, and the decoder's strict line parsing refuses a
     * bare CR in the lines after. Either way the scan never reaches a body.
     */
    private boolean bareCr(ByteBuf buf) {
        int i = buf.readerIndex();
        int end = buf.writerIndex();
        if (pendingCr) {
            if (i == end) {
                return false;
            }
            if (buf.getByte(i) != '\n') {
                return true;
            }
            pendingCr = false;
            i++;
            if (endOfLine()) {
                return false;
            }
        }
        while (i < end) {
            int lf = buf.indexOf(i, end, (byte) '\n');
            int cr = buf.indexOf(i, lf < 0 ? end : lf, (byte) '\r');
            if (cr >= 0 && cr + 1 == end) {
                pendingCr = true; // its LF, if any, comes with the next read
                emptyLine = atLineStart && cr == i;
                return false;
            }
            if (cr >= 0 && cr + 1 != lf) {
                return true;
            }
            if (lf < 0) {
                atLineStart = false;
                return false;
            }
            emptyLine = atLineStart && lf == i + 1 && cr == i;
            i = lf + 1;
            if (endOfLine()) {
                return false;
            }
        }
        return false;
    }

    /** After a line's LF: stops at the first line of a later head, or at the empty line. */
    private boolean endOfLine() {
        if (!wholeHead || emptyLine) {
            scanning = false;
            return true;
        }
        atLineStart = true;
        return false;
    }

    /** A request head was decoded: stop the clock. */
    void headReceived() {
        awaiting = false;
        started = false;
        scanning = false;
    }

    /** The previous request's body is complete: the next bytes start a new head. */
    void awaitNextHead() {
        awaiting = true;
    }

    private void expire() {
        timer = null;
        if (!awaiting || !started || !ctx.channel().isActive()) {
            return;
        }
        long left = startNanos + timeoutNanos - System.nanoTime();
        if (left > 0) {
            timer = ctx.executor().schedule(this::expire, left, TimeUnit.NANOSECONDS);
        } else {
            connection.headerReadTimedOut();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        cancel();
        ctx.fireChannelInactive();
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        cancel(); // a WebSocket or h2c took the connection over: no head is awaited any more
    }

    private void cancel() {
        awaiting = false;
        ScheduledFuture<?> t = timer;
        if (t != null) {
            timer = null;
            t.cancel(false);
        }
    }
}
