package falcon.server.internal;

import falcon.HTTPBadRequest;
import falcon.HTTPError;
import falcon.HTTPPayloadTooLarge;
import falcon.HTTPRequestHeaderFieldsTooLarge;
import falcon.HTTPServiceUnavailable;
import falcon.HTTPUriTooLong;
import falcon.HTTPVersionNotSupported;
import falcon.gateway.Handler;
import falcon.gateway.Reply;
import falcon.server.ServerOptions;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.handler.codec.http2.DefaultHttp2ResetFrame;
import io.netty.handler.codec.http2.Http2Error;
import io.netty.handler.codec.http2.Http2Exception;
import io.netty.handler.codec.http2.Http2ResetFrame;
import io.netty.handler.codec.http2.Http2Stream;
import io.netty.handler.codec.http2.Http2StreamChannel;
import io.netty.handler.codec.http2.HttpConversionUtil;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One HTTP/1.1 connection: turns decoded requests into exchanges, runs them one at a time in
 * request order, and writes their responses.
 *
 * <p>It also serves each HTTP/2 stream ({@link Http2Handler}): there the channel is the stream's
 * child channel, whose {@code Http2StreamFrameToHttpObjectCodec} turns frames into the same
 * HTTP/1.1 objects, and the connection it talks about is the stream. A stream carries one request,
 * so nothing is pipelined; "close the connection" resets the stream at most, and the response
 * carries no {@code connection} header.
 *
 * <p>Every field is the event loop's unless marked otherwise; worker threads reach this class only
 * through the methods documented "from a worker", which hand their work to the loop.
 *
 * <p>Pipelining: a request that arrives while an earlier one is still being answered waits, with
 * what follows it, in {@link #backlog}, and the connection stops reading until the backlog is
 * drained. Responses are therefore written in request order by construction. The backlog is
 * bounded by what one socket read can decode.
 */
final class Http1Handler extends ChannelInboundHandlerAdapter {

    private static final System.Logger LOG = System.getLogger("falcon.server");

    private final NettyServer server;
    private final ServerOptions options;
    private final Handler app;
    private final Executor workers;
    private final boolean onLoop;
    private final long maxBodyBytes;
    private final HeaderReadTimeout headerTimeout;
    /** This handler serves one HTTP/2 stream, not a connection. */
    private final boolean http2;
    private final String scheme;
    private final boolean zeroCopy;

    private ChannelHandlerContext ctx;
    private Channel channel;
    // written before the first request, read by workers: published by the executor hand-off
    private String serverHost = "";
    private int serverPort;
    private String remoteAddr = "";

    /** The exchange from its request head until its response is written. */
    private NettyExchange current;
    /** Decoded messages of later requests, retained until their turn. */
    private ArrayDeque<Object> backlog;
    /** The connection ends after the current response; later requests are not served. */
    private boolean closeAfterResponse;
    /**
     * Written responses wait in the outbound buffer past its high-water mark: the next pipelined
     * request waits until the channel is writable again, so a client that pipelines requests
     * without reading the answers cannot make us buffer them all.
     */
    private boolean drainPending;
    /** Input is ignored from now on: framing is lost or the connection is closing. */
    private boolean inputDead;
    /** The rest of a body nobody reads is being read and dropped. */
    private boolean discarding;
    private long discardBudget;
    private boolean autoRead = true;

    // guards nothing but the writability wait of a worker streaming a response
    private final ReentrantLock writability = new ReentrantLock();
    private final Condition writable = writability.newCondition();

    Http1Handler(NettyServer server, boolean http2Stream) {
        this.server = server;
        this.http2 = http2Stream;
        this.scheme = server.options().tls() ? "https" : "http";
        this.zeroCopy = !http2Stream && !server.options().tls();
        this.options = server.options();
        this.app = server.app();
        this.workers = server.workers();
        this.onLoop = server.options().executionMode() == falcon.server.ExecutionMode.EVENT_LOOP;
        this.maxBodyBytes = options.maxBodyBytes();
        this.headerTimeout = new HeaderReadTimeout(options.headerReadTimeout().toNanos(), this);
    }

    HeaderReadTimeout headerTimeout() {
        return headerTimeout;
    }

    // ---------------------------------------------------------------- connection values

    String serverHost() {
        return serverHost;
    }

    int serverPort() {
        return serverPort;
    }

    String remoteAddr() {
        return remoteAddr;
    }

    /** Returns {@code http} or {@code https}. */
    String scheme() {
        return scheme;
    }

    /** Returns whether this handler serves an HTTP/2 stream. */
    boolean http2() {
        return http2;
    }

    /**
     * Returns whether a file may go to the channel as a {@link io.netty.channel.FileRegion}:
     * neither TLS nor HTTP/2 frames can carry one, so they get the file in chunks instead.
     */
    boolean zeroCopy() {
        return zeroCopy;
    }

    ByteBufAllocator alloc() {
        return channel.alloc();
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        this.channel = ctx.channel();
        if (channel.isActive()) {
            // added after the TLS handshake, or to an HTTP/2 stream: channelActive has passed
            readAddresses();
        }
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        readAddresses();
        if (server.isClosing()) {
            ctx.close();
            return;
        }
        ctx.fireChannelActive();
    }

    private void readAddresses() {
        if (channel.localAddress() instanceof InetSocketAddress) {
            InetSocketAddress local = (InetSocketAddress) channel.localAddress();
            serverHost = local.getAddress() != null ? local.getAddress().getHostAddress() : local.getHostString();
            serverPort = local.getPort();
        }
        if (channel.remoteAddress() instanceof InetSocketAddress) {
            InetSocketAddress remote = (InetSocketAddress) channel.remoteAddress();
            remoteAddr = remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
        }
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
        if ((backlog != null && !backlog.isEmpty()) || drainPending || (current != null && current.requestEnded)) {
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

    private void handle(Object msg) {
        if (msg instanceof HttpRequest) {
            onRequest((HttpRequest) msg);
            if (inputDead) {
                return;
            }
        }
        if (msg instanceof HttpContent) {
            onContent((HttpContent) msg);
        }
    }

    private void onRequest(HttpRequest req) {
        DecoderResult result = req.decoderResult();
        if (!result.isSuccess()) {
            Throwable cause = result.cause();
            if (cause instanceof TooLongHttpLineException) {
                reject(new HTTPUriTooLong(), req);
            } else if (cause instanceof TooLongHttpHeaderException) {
                reject(new HTTPRequestHeaderFieldsTooLarge(), req);
            } else {
                reject(badRequest(cause), req);
            }
            return;
        }
        if (http2) {
            if (!checkHttp2Request(req)) {
                return;
            }
        } else if (req.protocolVersion() != HttpVersion.HTTP_1_1 && req.protocolVersion().majorVersion() == 2
                && "PRI".equals(req.method().name())) {
            // The HTTP/2 preface "PRI * HTTP/2.0" when h2c is off: binary frames follow, so refuse
            // the version (RFC 9110 15.6.6) and close. Other versions (HTTP/9.9) are served as
            // HTTP/1.1, as gunicorn serves them to Falcon (the conformance corpus checks it).
            reject(new HTTPVersionNotSupported(), req);
            return;
        }
        if (req.headers().size() > options.maxHeaderCount()) {
            reject(new HTTPRequestHeaderFieldsTooLarge(), req);
            return;
        }
        long length = HttpUtil.getContentLength(req, -1L);
        if (length > maxBodyBytes) {
            reject(new HTTPPayloadTooLarge(), req); // before reading it, and before any 100 Continue
            return;
        }
        boolean keepAlive = HttpUtil.isKeepAlive(req);
        if (!keepAlive || server.isClosing()) {
            closeAfterResponse = true;
        }
        boolean expect = req.protocolVersion() != HttpVersion.HTTP_1_0 && HttpUtil.is100ContinueExpected(req);
        current = new NettyExchange(this, app, req, length, keepAlive, expect);
        if (NettyWebSocket.isUpgrade(req)) {
            current.webSocket = new NettyWebSocket(this, current, req);
        }
    }

    /**
     * Makes an HTTP/2 request look as it would over HTTP/1.1 and checks the limits the HTTP/1.1
     * decoder checks there; returns false when it was rejected.
     */
    private boolean checkHttp2Request(HttpRequest req) {
        HttpHeaders headers = req.headers();
        // added by Netty's conversion, not sent by the client (RFC 9113 8.2.2 forbids transfer-encoding)
        headers.remove(HttpConversionUtil.ExtensionHeaderNames.STREAM_ID.text());
        headers.remove(HttpConversionUtil.ExtensionHeaderNames.SCHEME.text());
        headers.remove(HttpHeaderNames.TRANSFER_ENCODING);
        if (req.uri().length() > options.maxInitialLineBytes()) {
            reject(new HTTPUriTooLong(), req);
            return false;
        }
        long bytes = 0;
        for (Iterator<Map.Entry<CharSequence, CharSequence>> it = headers.iteratorCharSequence(); it.hasNext();) {
            Map.Entry<CharSequence, CharSequence> h = it.next();
            bytes += h.getKey().length() + 2 + h.getValue().length(); // as "name: value" in HTTP/1.1
        }
        if (bytes > options.maxHeaderBytes()) {
            reject(new HTTPRequestHeaderFieldsTooLarge(), req);
            return false;
        }
        return true;
    }

    private void onContent(HttpContent chunk) {
        if (discarding) {
            discard(chunk);
            return;
        }
        NettyExchange ex = current;
        if (ex == null || ex.requestEnded) {
            return; // e.g. the empty last content of a request already rejected
        }
        if (!chunk.decoderResult().isSuccess()) {
            // a bad chunk size or terminator: the message boundary is lost
            failBody(ex, badRequest(chunk.decoderResult().cause()));
            return;
        }
        ByteBuf content = chunk.content();
        int n = content.readableBytes();
        ex.received += n;
        if (ex.received > maxBodyBytes) {
            failBody(ex, new HTTPPayloadTooLarge()); // a chunked body past the limit
            return;
        }
        boolean last = chunk instanceof LastHttpContent;
        if (!ex.dispatched) {
            if (n > 0) {
                ex.addPending(ByteBufUtil.getBytes(content));
            }
            if (last) {
                ex.requestEnded = true;
                ex.body = ex.pendingAsBody(); // the fast path: the whole body came with the head
                if (onLoop && ex.webSocket == null) {
                    // PERF: ExecutionMode.EVENT_LOOP: a complete request runs here, no hand-off.
                    ex.dispatched = true;
                    ex.run();
                    return;
                }
                dispatch(ex);
            }
            return;
        }
        StreamingBody body = ex.streaming;
        if (n > 0 && body.offer(ByteBufUtil.getBytes(content))) {
            updateAutoRead();
        }
        if (last) {
            ex.requestEnded = true;
            body.end();
            updateAutoRead();
        }
    }

    private void failBody(NettyExchange ex, HTTPError error) {
        if (!ex.dispatched) {
            current = null;
            reject(error, ex.request());
            return;
        }
        // the App is running: its next read throws the error, which it answers; then we close
        closeAfterResponse = true;
        inputDead = true;
        ex.streaming.fail(error);
        updateAutoRead();
    }

    private void discard(HttpContent chunk) {
        discardBudget -= chunk.content().readableBytes();
        if (!chunk.decoderResult().isSuccess() || discardBudget < 0) {
            inputDead = true;
            ctx.close();
            return;
        }
        if (chunk instanceof LastHttpContent) {
            discarding = false;
            updateAutoRead();
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        NettyExchange ex = current;
        if (ex != null && !ex.dispatched && !inputDead) {
            startStreaming(ex); // the body is still on its way: the App reads it as it comes
        }
    }

    private void startStreaming(NettyExchange ex) {
        StreamingBody body = ex.toStreaming();
        dispatch(ex);
        if (body.paused()) {
            updateAutoRead();
        }
    }

    private void dispatch(NettyExchange ex) {
        ex.dispatched = true;
        try {
            workers.execute(ex); // PERF: the one task submission per request
        } catch (RejectedExecutionException shuttingDown) {
            current = null;
            reject(new HTTPServiceUnavailable(), ex.request());
        }
    }

    /**
     * Answers a request that never reaches the App, then closes: its framing is lost. The App
     * renders the error with its error serializer, from what was read of the request.
     *
     * @param req the request as far as it was decoded, or {@code null} when nothing was
     */
    private void reject(HTTPError error, HttpRequest req) {
        inputDead = true;
        closeAfterResponse = true;
        releaseBacklog();
        HttpRequest known = req != null ? req : new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/");
        Reply reply = app.errorReply(new NettyExchange(this, app, known, -1, false, false), error);
        closeWhenWritten(ctx.writeAndFlush(ErrorResponses.closing(reply)));
        updateAutoRead();
    }

    private static HTTPBadRequest badRequest(Throwable cause) {
        String why = cause == null ? null : cause.getMessage();
        return new HTTPBadRequest(null, why == null ? "The request is not valid HTTP/1.1." : why);
    }

    void headerReadTimedOut() {
        if (current != null) {
            // a response is due first; the slow request after it is not served
            closeAfterResponse = true;
            inputDead = true;
            releaseBacklog();
            updateAutoRead(); // stop reading: trickled bytes must not keep the connection "active"
            return;
        }
        if (!discarding) {
            reject(new HTTPError(408), null);
        } else {
            ctx.close();
        }
    }

    /** Sets autoRead from the reasons to pause: a backlog, a full body queue, dead input. */
    void updateAutoRead() {
        NettyExchange ex = current;
        // NOTE: an HTTP/2 stream pauses only for its body queue: it must read on once its input
        // is dead, because a closed stream's child channel closes only when its frames are read.
        boolean want = (http2 || (!inputDead && !drainPending && (backlog == null || backlog.isEmpty())))
                && (ex == null || ex.streaming == null || ex.requestEnded || !ex.streaming.paused());
        if (want != autoRead) {
            autoRead = want;
            channel.config().setAutoRead(want);
        }
    }

    /** From a worker: the body queue has drained; read again if nothing else holds reading. */
    void resumeReading() {
        execute(this::updateAutoRead);
    }

    /** From a worker: the App wants the body of {@code ex}; send 100 Continue if it waits for one. */
    void sendContinue(NettyExchange ex) {
        if (!ex.expectContinue) {
            return;
        }
        execute(() -> {
            if (current == ex && !ex.continueSent && ex.received == 0 && !ex.requestEnded && channel.isActive()) {
                ex.continueSent = true;
                ctx.writeAndFlush(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE,
                        Unpooled.EMPTY_BUFFER));
            }
        });
    }

    // ---------------------------------------------------------------- writing

    /** From a worker (or the loop, in EVENT_LOOP mode): writes a complete response. */
    void writeFull(NettyExchange ex, io.netty.handler.codec.http.FullHttpResponse response, Reply reply,
            boolean appClose) {
        if (onLoop && channel.eventLoop().inEventLoop() && (backlog == null || backlog.isEmpty())) {
            // PERF: EVENT_LOOP mode, nothing pipelined behind: write now instead of queueing a task.
            writeFullOnLoop(ex, response, reply, appClose);
            return;
        }
        try {
            // Queued otherwise, even on the loop: writing may start the next pipelined request.
            channel.eventLoop().execute(() -> writeFullOnLoop(ex, response, reply, appClose));
        } catch (RejectedExecutionException loopGone) {
            response.release();
            NettyExchange.runAfterSent(reply);
        }
    }

    private void writeFullOnLoop(NettyExchange ex, io.netty.handler.codec.http.FullHttpResponse response,
            Reply reply, boolean appClose) {
        boolean close = finishHeaders(ex, response.headers(), appClose);
        ChannelFuture f = ctx.writeAndFlush(response);
        if (close || (http2 && !ex.requestEnded)) {
            closeWhenWritten(f);
        }
        if (reply.hasAfterSent()) { // none costs no task
            f.addListener(done -> afterSent(reply));
        }
        responseWritten(ex, close);
    }

    /** From a worker: writes the head of a streamed response. */
    void writeHead(NettyExchange ex, HttpResponse head, boolean appClose) {
        channel.eventLoop().execute(() -> {
            ex.closeAfter = finishHeaders(ex, head.headers(), appClose);
            ctx.writeAndFlush(head);
        });
    }

    /** From a worker: writes one chunk of a streamed response. */
    void writeChunk(HttpContent chunk) {
        channel.writeAndFlush(chunk, channel.voidPromise());
    }

    /**
     * From a worker: ends a streamed response. When {@code complete} is false its framing is
     * broken (the stream failed or was short), so the connection is closed instead.
     */
    void finishStream(NettyExchange ex, boolean complete) {
        if (!complete) {
            channel.close();
            return;
        }
        ChannelFuture f = channel.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT);
        f.addListener(done -> {
            if (ex.closeAfter || !done.isSuccess() || (http2 && !ex.requestEnded)) {
                closeWhenWritten(f);
            }
            responseWritten(ex, ex.closeAfter);
        });
        awaitWritten(f); // the caller runs afterSent next: after the write completed
    }

    /**
     * From a worker: waits for a write to complete, at most the idle timeout; a client that
     * stopped reading is disconnected rather than holding the worker. Returns whether it succeeded.
     */
    boolean awaitWritten(ChannelFuture f) {
        if (!f.awaitUninterruptibly(options.idleTimeout().toMillis())) {
            channel.close();
            return false;
        }
        return f.isSuccess();
    }

    /**
     * From a worker: waits until the channel can take more, so a streamed response never piles up
     * in memory. Returns false when the channel closed.
     */
    boolean awaitWritable() {
        if (channel.isWritable()) {
            return true;
        }
        // a client that keeps the connection open (pings, a trickled next request) but reads
        // nothing must not hold the worker forever: past the idle timeout it is disconnected
        long deadline = System.nanoTime() + options.idleTimeout().toNanos();
        writability.lock();
        try {
            while (!channel.isWritable()) {
                if (!channel.isActive()) {
                    return false;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    channel.close();
                    return false;
                }
                writable.awaitNanos(Math.min(left, TimeUnit.SECONDS.toNanos(1)));
            }
            return true;
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            writability.unlock();
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (drainPending && channel.isWritable()) {
            drainPending = false;
            drainBacklog();
            updateAutoRead();
        }
        PublisherWriter writer = streamWriter;
        if (writer != null) {
            writer.writabilityChanged();
        }
        signalWritability();
        ctx.fireChannelWritabilityChanged();
    }

    private void signalWritability() {
        writability.lock();
        try {
            writable.signalAll();
        } finally {
            writability.unlock();
        }
    }

    /**
     * Closes the connection once {@code written}, the last write of a response, is done; over
     * HTTP/2 ends the stream instead, and only if the client is still sending its request.
     */
    private void closeWhenWritten(ChannelFuture written) {
        if (!http2) {
            written.addListener(ChannelFutureListener.CLOSE);
        } else if (written.isDone()) {
            endStream(written);
        } else {
            written.addListener(this::endStream);
        }
    }

    private void endStream(io.netty.util.concurrent.Future<?> written) {
        if (!written.isSuccess()) {
            channel.close(); // the response is cut short: RST_STREAM(CANCEL)
            return;
        }
        Http2StreamChannel stream = (Http2StreamChannel) channel;
        if (stream.isActive() && stream.stream().state() == Http2Stream.State.HALF_CLOSED_LOCAL) {
            // RFC 9113 8.1: the response is complete, the rest of the request is not wanted.
            // NO_ERROR, not CANCEL (a plain close): clients then keep the response.
            stream.writeAndFlush(new DefaultHttp2ResetFrame(Http2Error.NO_ERROR));
        }
    }

    /** Sets the connection header of a response; returns whether the connection closes after it. */
    private boolean finishHeaders(NettyExchange ex, HttpHeaders headers, boolean appClose) {
        boolean close = appClose || closeAfterResponse || !ex.keepAlive
                || (!ex.requestEnded && ex.expectContinue && !ex.continueSent); // the client holds its body
        if (http2) {
            return close; // RFC 9113 8.2.2: no connection header; closing ends the stream only
        }
        if (close) {
            headers.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        } else if (ex.http10) {
            headers.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
        }
        return close;
    }

    /** The response of {@code ex} is written (or, for a full response, on its way): next request. */
    private void responseWritten(NettyExchange ex, boolean close) {
        if (current != ex) {
            return;
        }
        current = null;
        if (close) {
            closeAfterResponse = true;
            inputDead = true;
            releaseBacklog();
            updateAutoRead();
            return;
        }
        if (!ex.requestEnded) {
            // the App answered without reading the whole body: read the rest and drop it
            if (ex.streaming != null) {
                ex.streaming.close();
            }
            discarding = true;
            discardBudget = maxBodyBytes - ex.received;
        }
        if (!http2 && !channel.isWritable()) {
            drainPending = true; // channelWritabilityChanged drains
            updateAutoRead();
            return;
        }
        drainBacklog();
        updateAutoRead();
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
            if (inputDead || drainPending || (current != null && current.requestEnded)) {
                break; // the next request is dispatched (or rejected); the rest waits its turn
            }
        }
        if (inputDead) {
            releaseBacklog();
        } else if (current != null && !current.dispatched) {
            startStreaming(current);
        }
    }

    private void releaseBacklog() {
        ArrayDeque<Object> queue = backlog;
        if (queue != null) {
            Object msg;
            while ((msg = queue.poll()) != null) {
                ReferenceCountUtil.release(msg);
            }
        }
    }

    private void afterSent(Reply reply) {
        try {
            workers.execute(() -> NettyExchange.runAfterSent(reply));
        } catch (RejectedExecutionException shuttingDown) {
            NettyExchange.runAfterSent(reply);
        }
    }

    private void execute(Runnable task) {
        try {
            channel.eventLoop().execute(task);
        } catch (RejectedExecutionException loopGone) {
            // the server is down; the channel is closed with it
        }
    }

    // ---------------------------------------------------------------- async bodies and WebSocket

    /** The writer of the current publisher body; the loop's. */
    private PublisherWriter streamWriter;

    /** From a worker: registers the writer of a publisher body, on the loop. */
    void setStreamWriter(PublisherWriter writer) {
        execute(() -> streamWriter = writer);
    }

    /**
     * From any thread: ends a publisher body without blocking (the publisher may complete on
     * the loop itself); {@code after} runs once the last chunk is written.
     */
    void finishStreamAsync(NettyExchange ex, boolean complete, PublisherWriter writer, Runnable after) {
        execute(() -> {
            if (streamWriter == writer) {
                streamWriter = null;
            }
            if (!complete) {
                channel.close();
                after.run();
                return;
            }
            ChannelFuture f = channel.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT);
            f.addListener(done -> {
                if (ex.closeAfter || !done.isSuccess() || (http2 && !ex.requestEnded)) {
                    closeWhenWritten(f);
                }
                responseWritten(ex, ex.closeAfter);
                after.run();
            });
        });
    }

    /** Runs a task on the workers. */
    void runOnWorkers(Runnable task) {
        workers.execute(task);
    }

    Executor workers() {
        return workers;
    }

    /** Returns whether the caller runs on this connection's event loop. */
    boolean inEventLoop() {
        return channel.eventLoop().inEventLoop();
    }

    Channel channel() {
        return channel;
    }

    ChannelHandlerContext context() {
        return ctx;
    }

    NettyServer server() {
        return server;
    }

    // ---------------------------------------------------------------- lifecycle

    /** On the loop: graceful shutdown; close now if idle, else after the current response. */
    void shutdown() {
        closeAfterResponse = true;
        releaseBacklog();
        if (current == null) {
            inputDead = true;
            ctx.close();
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof IdleStateEvent) {
            NettyExchange ex = current;
            // close unless the App is busy computing a response: idle keep-alive, a client that
            // stopped sending its body, or one that stopped reading our response
            if (ex == null || (ex.dispatched && !ex.requestEnded)
                    || (ex.streamingResponse && !channel.isWritable())) {
                inputDead = true;
                ctx.close();
            }
            return;
        }
        if (evt instanceof Http2ResetFrame) {
            // The client reset the stream. Closed later, once Netty has closed the stream, so that
            // no RST_STREAM answers it (RFC 9113 5.4.2); channelInactive then fails a body read.
            inputDead = true;
            execute(() -> ctx.close());
        }
        ctx.fireUserEventTriggered(evt);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        inputDead = true;
        releaseBacklog();
        NettyExchange ex = current;
        if (ex != null && ex.streaming != null) {
            ex.streaming.fail(new HTTPBadRequest("Connection closed",
                    "The connection closed before the request body was complete."));
        }
        signalWritability();
        PublisherWriter writer = streamWriter;
        if (writer != null) {
            streamWriter = null;
            writer.channelClosed();
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        releaseBacklog();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof IOException || cause instanceof Http2Exception || Tls.isTlsFailure(cause)) {
            // the client's doing: a reset, a broken TLS record, a stream error
            LOG.log(System.Logger.Level.DEBUG, "connection error", cause);
            inputDead = true;
            ctx.close();
        } else if (cause instanceof DecoderException && cause.getCause() instanceof IllegalStateException) {
            // too many pipelined requests: the codec drops the rest and closes after the next response
            closeAfterResponse = true;
            inputDead = true;
        } else {
            LOG.log(System.Logger.Level.WARNING, "unexpected error on connection " + channel, cause);
            inputDead = true;
            ctx.close();
        }
    }
}
