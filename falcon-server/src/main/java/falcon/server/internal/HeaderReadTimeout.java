package falcon.server.internal;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
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
            if (timer == null) {
                timer = ctx.executor().schedule(this::expire, timeoutNanos, TimeUnit.NANOSECONDS);
            }
        }
        ctx.fireChannelRead(msg);
    }

    /** A request head was decoded: stop the clock. */
    void headReceived() {
        awaiting = false;
        started = false;
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
