package falcon.server.internal;

import falcon.HTTPBadRequest;
import falcon.HTTPError;
import falcon.HTTPVersionNotSupported;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;

/**
 * One HTTP/1.1 connection: serves its requests one at a time in request order, pipelined ones
 * included, and keeps the connection open or closes it after each response.
 *
 * <p>The request path itself is {@link ExchangeHandler}'s; this class adds what belongs to an
 * HTTP/1.1 connection: pipelining, the header read timeout, the {@code connection} header, and
 * graceful shutdown.
 *
 * <p>Pipelining: a request that arrives while an earlier one is still being answered waits, with
 * what follows it, in {@link #backlog}, and the connection stops reading until the backlog is
 * drained. Responses are therefore written in request order by construction. The backlog is
 * bounded by what one socket read can decode. Every field is the event loop's.
 */
final class Http1Handler extends ExchangeHandler {

    private final HeaderReadTimeout headerTimeout;
    /** Decoded messages of later requests, retained until their turn. */
    private ArrayDeque<Object> backlog;
    /**
     * Written responses wait in the outbound buffer past its high-water mark: the next pipelined
     * request waits until the channel is writable again, so a client that pipelines requests
     * without reading the answers cannot make us buffer them all.
     */
    private boolean drainPending;
    /** The server is closing: no more reading; what was read is still answered. */
    private boolean shuttingDown;
    /** The server is closing and this connection was idle: read on for a moment (see {@link #shutdown()}). */
    private boolean lingering;

    /**
     * How long an idle keep-alive connection is still read once the server starts closing: a
     * request its client sent just before it could know is answered (with {@code connection:
     * close}) instead of meeting a closed connection with no answer.
     */
    private static final long SHUTDOWN_LINGER_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

    Http1Handler(NettyServer server) {
        // a FileRegion goes to the socket as is, so not through TLS
        super(server, !server.options().tls());
        this.headerTimeout = new HeaderReadTimeout(options.headerReadTimeout().toNanos(), this);
    }

    HeaderReadTimeout headerTimeout() {
        return headerTimeout;
    }

    @Override
    String protocol(HttpRequest req) {
        return req.protocolVersion().text();
    }

    // ---------------------------------------------------------------- reading

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpRequest) {
            headerTimeout.headReceived();
        }
        if (msg instanceof LastHttpContent) {
            headerTimeout.awaitNextHead();
        }
        if (inputDead || (closeAfterResponse && msg instanceof HttpRequest)) {
            inputDead = true;
            ReferenceCountUtil.release(msg);
            return;
        }
        if (pipelined() || drainPending || (current != null && current.requestEnded())) {
            if (backlog == null) {
                backlog = new ArrayDeque<>();
            }
            backlog.add(msg); // its turn comes when the current response is written
            updateAutoRead();
            return;
        }
        try {
            handle(msg);
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    @Override
    boolean admit(HttpRequest req) {
        // NOTE: stricter than gunicorn, which serves HTTP/9.9 and "http/1.1" as HTTP/1.1 and
        // requests without Host (docs/differences.md): RFC 9112 sections 2.3 and 3.2.
        String problem = RequestChecks.version(req);
        if (problem == RequestChecks.VERSION_NOT_SUPPORTED) {
            // also the HTTP/2 preface "PRI * HTTP/2.0" when h2c is off: binary frames follow
            reject(new HTTPVersionNotSupported(), req);
            return false;
        }
        if (problem == null) {
            problem = RequestChecks.host(req);
        }
        if (problem != null) {
            reject(new HTTPBadRequest(null, problem), req);
            return false;
        }
        return true;
    }

    @Override
    boolean readingHeld() {
        // NOTE: a closing server still reads the body of a request it is answering
        return inputDead || drainPending || pipelined()
                || (shuttingDown && (current == null ? !lingering : current.requestEnded()));
    }

    @Override
    boolean lastBeforeClose() {
        return !hasQueuedRequest();
    }

    /** Whether a later request is already decoded and waits in the backlog. */
    private boolean hasQueuedRequest() {
        if (backlog != null) {
            for (Object msg : backlog) {
                if (msg instanceof HttpRequest) {
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    boolean pipelined() {
        return backlog != null && !backlog.isEmpty();
    }

    /** From the header timer's scan, on the loop: a line of the head ends with a bare CR. */
    void bareCarriageReturn() {
        refuseNextHead(new HTTPBadRequest(null, "A line of the request ends with a bare CR (RFC 9112 section 2.2)."));
    }

    void headerReadTimedOut() {
        refuseNextHead(new HTTPError(408));
    }

    /**
     * Refuses the head being received: answered at once when no request is being served; else
     * the current response comes first and ends the connection, and the bad request after it is
     * not served.
     */
    private void refuseNextHead(HTTPError error) {
        if (current != null) {
            closeAfterResponse = true;
            inputDead = true;
            releaseBacklog();
            updateAutoRead(); // stop reading: trickled bytes must not keep the connection "active"
            return;
        }
        if (!discarding) {
            reject(error, null);
        } else {
            ctx.close();
        }
    }

    // ---------------------------------------------------------------- after a response

    @Override
    boolean finishHeaders(NettyExchange ex, HttpHeaders headers, boolean appClose) {
        boolean close = mustClose(ex, appClose);
        if (close) {
            headers.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        } else if (ex.http10()) {
            headers.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
        }
        return close;
    }

    @Override
    boolean endsAfter(NettyExchange ex, boolean close) {
        return close;
    }

    @Override
    void closeWhenWritten(ChannelFuture written) {
        written.addListener(ChannelFutureListener.CLOSE);
    }

    @Override
    void serveNext() {
        if (!channel.isWritable()) {
            drainPending = true; // channelWritabilityChanged drains
            updateAutoRead();
            return;
        }
        drainBacklog();
        if (shuttingDown && current == null && !hasQueuedRequest() && !lingering && channel.isActive()) {
            linger(); // the answer went out keep-alive, its head written before the close began
            return;
        }
        updateAutoRead();
        if (inputShutdown) {
            closeWhenAnswered();
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof ChannelInputShutdownEvent) {
            inputShutdown = true;
            NettyExchange ex = current;
            if (ex != null && !ex.requestEnded()) {
                // the body was cut short: no more of it will come, and nothing after it
                closeAfterResponse = true;
                if (ex.dispatched()) {
                    ex.connectionClosed(); // the App's next read fails; it answers, then we close
                } else {
                    current = null;
                    reject(new HTTPBadRequest(null, "The request ended before its body."), ex.request());
                    return;
                }
            }
            closeWhenAnswered();
            return;
        }
        super.userEventTriggered(ctx, evt);
    }

    /** Closes a half-closed connection once every request it sent is answered and written. */
    private void closeWhenAnswered() {
        if (current == null && !pipelined()) {
            inputDead = true;
            channel.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (drainPending && channel.isWritable()) {
            drainPending = false;
            drainBacklog();
            updateAutoRead();
            if (inputShutdown) {
                closeWhenAnswered();
            }
        }
        super.channelWritabilityChanged(ctx);
    }

    private void drainBacklog() {
        ArrayDeque<Object> queue = backlog;
        if (queue == null) {
            return;
        }
        Object msg;
        while ((msg = queue.poll()) != null) {
            try {
                handle(msg);
            } finally {
                ReferenceCountUtil.release(msg);
            }
            if (inputDead || drainPending || (current != null && current.requestEnded())) {
                break; // the next request is dispatched (or rejected); the rest waits its turn
            }
        }
        if (inputDead) {
            releaseBacklog();
        } else if (current != null && !current.dispatched()) {
            startStreaming(current);
        }
    }

    @Override
    void releaseBacklog() {
        ArrayDeque<Object> queue = backlog;
        if (queue != null) {
            Object msg;
            while ((msg = queue.poll()) != null) {
                ReferenceCountUtil.release(msg);
            }
        }
    }

    // ---------------------------------------------------------------- lifecycle

    /**
     * On the loop: graceful shutdown. Nothing more is read; the requests already read (the current
     * one and any pipelined ones in the backlog) are answered, the last with {@code connection:
     * close}. An idle connection is read for {@link #SHUTDOWN_LINGER_NANOS} more (at most the
     * shutdown grace), so that a request already on its way is answered, the last one; then it
     * is closed. HTTP/1.1 leaves one race open whatever a server does: a request sent just as
     * the connection closes, which a client may retry (RFC 9112 9.3.1).
     */
    void shutdown() {
        shuttingDown = true;
        boolean queued = hasQueuedRequest();
        if (!queued) {
            closeAfterResponse = true; // the current response, if any, is the last
        }
        if (current == null && !queued) {
            linger();
        } else {
            updateAutoRead();
        }
    }

    /**
     * The server closing, this connection is idle and its last answer did not say {@code
     * connection: close} (it was sent before the close began): read on for a moment, then close.
     */
    private void linger() {
        long linger = Math.min(SHUTDOWN_LINGER_NANOS, options.shutdownGrace().toNanos());
        lingering = linger > 0 && !inputDead;
        // the last answer went out keep-alive: the next request is welcome, and will be the last
        // (ExchangeHandler marks it so, the server closing)
        closeAfterResponse = !lingering;
        updateAutoRead();
        if (lingering) {
            ctx.executor().schedule(this::endLinger, linger, TimeUnit.NANOSECONDS);
        } else {
            inputDead = true;
            ctx.close();
        }
    }

    private void endLinger() {
        lingering = false;
        if (current == null && !hasQueuedRequest()) {
            inputDead = true;
            ctx.close();
        } else {
            updateAutoRead(); // a request came: it is the last; the connection closes after its answer
        }
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        releaseBacklog();
    }
}
