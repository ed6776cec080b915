package falcon.server.internal;

import falcon.HTTPBadRequest;
import falcon.HTTPError;
import falcon.HTTPPayloadTooLarge;
import falcon.HTTPRequestHeaderFieldsTooLarge;
import falcon.HTTPServiceUnavailable;
import falcon.HTTPUriTooLong;
import falcon.gateway.Handler;
import falcon.gateway.Reply;
import falcon.server.ExecutionMode;
import falcon.server.ServerOptions;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.handler.codec.http2.Http2Exception;
import io.netty.handler.timeout.IdleStateEvent;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * The request path shared by an HTTP/1.1 connection ({@link Http1Handler}) and an HTTP/2 stream
 * ({@link Http2StreamHandler}): turns decoded requests into exchanges, checks their limits, hands
 * them to the App (or, in {@code EVENT_LOOP} mode, runs it), and feeds it their bodies.
 *
 * <p>Both see the same HTTP/1.1 objects (a stream's come from Netty's {@code
 * Http2StreamFrameToHttpObjectCodec}) and serve one exchange at a time; "the connection" below is
 * the stream for HTTP/2. Where the protocols differ, this class asks its subclass through the
 * abstract methods. PERF: each has exactly two final implementations, so its call sites are at
 * most bimorphic (C2 inlines both behind a class check, as cheap as the flag they replace) and
 * monomorphic while no HTTP/2 stream has been opened.
 *
 * <p>Every field is the event loop's unless marked otherwise; worker threads reach this class only
 * through the methods documented "from a worker", which hand their work to the loop. Responses
 * are written by the connection's {@link ResponseWriter}.
 */
abstract class ExchangeHandler extends ChannelInboundHandlerAdapter {

    private static final System.Logger LOG = System.getLogger("falcon.server");

    private final NettyServer server;
    final ServerOptions options;
    private final Handler app;
    private final Executor workers;
    private final boolean onLoop;
    private final long maxBodyBytes;
    private final String scheme;
    private final ResponseWriter writer;
    private WorkerHandOff handOff; // the channel's loop's, set when the handler joins the channel

    // package-visible for the two subclasses, which apply their protocol's rules to this state
    ChannelHandlerContext ctx;
    Channel channel;
    // written before the first request, read by workers: published by the executor hand-off
    private String serverHost = "";
    private int serverPort;
    private String remoteAddr = "";

    /** The exchange from its request head until its response is written. */
    NettyExchange current;
    /** The connection ends after the current response; later requests are not served. */
    boolean closeAfterResponse;
    /** Input is ignored from now on: framing is lost or the connection is closing. */
    boolean inputDead;
    /**
     * The client shut down its sending side (half-close, RFC 9112 section 9.6): the requests it
     * sent are still answered, then the connection is closed (HTTP/1.1 connections only).
     */
    boolean inputShutdown;
    /** The rest of a body nobody reads is being read and dropped. */
    boolean discarding;
    private long discardBudget;
    private boolean autoRead = true;

    /**
     * @param zeroCopy whether a file may go to the channel as a {@link io.netty.channel.FileRegion}
     */
    ExchangeHandler(NettyServer server, boolean zeroCopy) {
        this.server = server;
        this.options = server.options();
        this.app = server.app();
        this.workers = server.workers();
        this.onLoop = options.executionMode() == ExecutionMode.EVENT_LOOP;
        this.maxBodyBytes = options.maxBodyBytes();
        this.scheme = options.tls() ? "https" : "http";
        this.writer = new ResponseWriter(this, options, workers, onLoop, zeroCopy);
    }

    // ---------------------------------------------------------------- what the protocols decide

    /**
     * Checks a decoded request head against what its protocol adds to the shared checks;
     * returns false when it was rejected.
     */
    abstract boolean admit(HttpRequest req);

    /** Returns whether reading waits for a reason of the connection's own, apart from the body queue. */
    abstract boolean readingHeld();

    /** Whether, the server closing, no request read after this one waits to be answered. */
    boolean lastBeforeClose() {
        return true;
    }

    /** Releases the decoded messages of requests that wait their turn, if the protocol has any. */
    abstract void releaseBacklog();

    /** Returns whether decoded requests wait behind the current one. */
    abstract boolean pipelined();

    /** The current response is written and the connection stays open: serves what comes next. */
    abstract void serveNext();

    /**
     * Sets the connection headers of the response to {@code ex}; returns whether the connection
     * closes after it (see {@link #mustClose}).
     */
    abstract boolean finishHeaders(NettyExchange ex, HttpHeaders headers, boolean appClose);

    /** Returns whether the last write of the response to {@code ex} ends the connection. */
    abstract boolean endsAfter(NettyExchange ex, boolean close);

    /** Ends the connection once {@code written}, the last write of a response, is done. */
    abstract void closeWhenWritten(ChannelFuture written);

    /** Returns the protocol name the App sees for {@code req}. */
    abstract String protocol(HttpRequest req);

    // ---------------------------------------------------------------- connection values

    final String serverHost() {
        return serverHost;
    }

    final int serverPort() {
        return serverPort;
    }

    final String remoteAddr() {
        return remoteAddr;
    }

    /** Returns {@code http} or {@code https}. */
    final String scheme() {
        return scheme;
    }

    final ResponseWriter writer() {
        return writer;
    }

    final Executor workers() {
        return workers;
    }

    final Channel channel() {
        return channel;
    }

    final NettyServer server() {
        return server;
    }

    @Override
    public final void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        this.channel = ctx.channel();
        this.handOff = server.handOff(channel.eventLoop());
        writer.attach(ctx);
        if (channel.isActive()) {
            // added after the TLS handshake, or to an HTTP/2 stream: channelActive has passed
            readAddresses();
        }
    }

    @Override
    public final void channelActive(ChannelHandlerContext ctx) {
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

    /** Serves one decoded message of the current request; the caller releases it. */
    final void handle(Object msg) {
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
        if (!admit(req)) {
            return;
        }
        String problem = RequestChecks.target(req.uri());
        boolean upgrade = NettyWebSocket.isUpgrade(req);
        if (problem == null && upgrade) {
            problem = RequestChecks.webSocket(req);
        }
        if (problem != null) {
            reject(new HTTPBadRequest(null, problem), req);
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
        if (!keepAlive || (server.isClosing() && lastBeforeClose())) {
            closeAfterResponse = true;
        }
        boolean expect = req.protocolVersion() != HttpVersion.HTTP_1_0 && HttpUtil.is100ContinueExpected(req);
        String coding = null;
        if (options.decompressRequests()) {
            coding = Compression.requestCoding(req.headers().get(HttpHeaderNames.CONTENT_ENCODING));
            if (coding != null) {
                // The App sees the body as it will read it: decoded, its length unknown until the end
                req.headers().remove(HttpHeaderNames.CONTENT_ENCODING);
                req.headers().remove(HttpHeaderNames.CONTENT_LENGTH);
            }
        }
        current = new NettyExchange(this, app, req, length, keepAlive, expect);
        if (coding != null) {
            current.decompressBody(coding);
        }
        if (upgrade) {
            current.offerWebSocket();
        }
    }

    private void onContent(HttpContent chunk) {
        if (discarding) {
            discard(chunk);
            return;
        }
        NettyExchange ex = current;
        if (ex == null || ex.requestEnded()) {
            return; // e.g. the empty last content of a request already rejected
        }
        if (!chunk.decoderResult().isSuccess()) {
            // a bad chunk size or terminator: the message boundary is lost
            failBody(ex, badRequest(chunk.decoderResult().cause()));
            return;
        }
        ByteBuf content = chunk.content();
        int n = content.readableBytes();
        if (ex.bodyReceived(n) > maxBodyBytes) {
            failBody(ex, new HTTPPayloadTooLarge()); // a chunked body past the limit
            return;
        }
        boolean last = chunk instanceof LastHttpContent;
        if (!ex.dispatched()) {
            if (n > 0) {
                // Copied: the decoder's buffer is released when channelRead returns, and the App
                // reads the body later, on a worker.
                ex.holdBodyChunk(ByteBufUtil.getBytes(content));
            }
            if (last) {
                ex.completeBody(); // the fast path: the whole body came with the head
                if (onLoop && ex.webSocket() == null) {
                    // PERF: ExecutionMode.EVENT_LOOP: a complete request runs here, no hand-off.
                    ex.markDispatched();
                    ex.run();
                    return;
                }
                dispatch(ex);
            }
            return;
        }
        // Copied for the same reason: the App's reader is on another thread, after this buffer is gone.
        if (n > 0 && ex.offerBodyChunk(ByteBufUtil.getBytes(content))) {
            updateAutoRead();
        }
        if (last) {
            ex.endBody();
            updateAutoRead();
        }
    }

    /** Fails the body of {@code ex} (a limit, broken framing, too slow), then the connection closes. */
    final void failBody(NettyExchange ex, HTTPError error) {
        if (!ex.dispatched()) {
            current = null;
            reject(error, ex.request());
            return;
        }
        // the App is running: its next read throws the error, which it answers; then we close
        closeAfterResponse = true;
        inputDead = true;
        ex.failBody(error);
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
    public final void channelReadComplete(ChannelHandlerContext ctx) {
        NettyExchange ex = current;
        if (ex != null && !ex.dispatched() && !inputDead) {
            startStreaming(ex); // the body is still on its way: the App reads it as it comes
        }
    }

    /** Dispatches {@code ex} with the body received so far; the rest streams in. */
    final void startStreaming(NettyExchange ex) {
        StreamingBody body = ex.streamBody();
        dispatch(ex);
        BodyRateWatch.start(this, ex);
        if (body.paused()) {
            updateAutoRead();
        }
    }

    private void dispatch(NettyExchange ex) {
        ex.markDispatched();
        handOff.dispatch(ex); // PERF: with the rest of this loop turn's requests
    }

    /** On the loop: the workers refused {@code ex}, the server is closing. */
    final void dispatchRefused(NettyExchange ex) {
        if (current == ex) {
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
    final void reject(HTTPError error, HttpRequest req) {
        inputDead = true;
        closeAfterResponse = true;
        releaseBacklog();
        HttpRequest known = req != null ? req : new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/");
        Reply reply = app.errorReply(new NettyExchange(this, app, known, -1, false, false), error);
        writer.writeRejection(reply);
        updateAutoRead();
    }

    private static HTTPBadRequest badRequest(Throwable cause) {
        String why = cause == null ? null : cause.getMessage();
        return new HTTPBadRequest(null, why == null ? "The request is not valid HTTP/1.1." : why);
    }

    /** Sets autoRead from the reasons to pause: the connection's own, and a full body queue. */
    final void updateAutoRead() {
        if (inputShutdown) {
            // NOTE: after the client's FIN there is nothing left to read, and the epoll transport
            // refuses a change of read interest on a half-closed socket (epoll_ctl: ENOENT).
            return;
        }
        NettyExchange ex = current;
        boolean want = !readingHeld() && (ex == null || !ex.bodyPaused());
        if (want != autoRead) {
            autoRead = want;
            channel.config().setAutoRead(want);
        }
    }

    /** From a worker: the body queue has drained; read again if nothing else holds reading. */
    final void resumeReading() {
        execute(this::updateAutoRead);
    }

    /** From a worker: the App wants the body of {@code ex}; send 100 Continue if it waits for one. */
    final void sendContinue(NettyExchange ex) {
        if (!ex.expectsContinue()) {
            return;
        }
        execute(() -> {
            if (current == ex && ex.continueDue() && channel.isActive()) {
                ex.markContinueSent();
                writer.writeContinue();
            }
        });
    }

    // ---------------------------------------------------------------- response written

    /** Returns whether the connection closes after the response to {@code ex}, whatever the protocol. */
    final boolean mustClose(NettyExchange ex, boolean appClose) {
        return appClose || closeAfterResponse || ex.closesConnection();
    }

    /** The response of {@code ex} is written (or, for a full response, on its way): next request. */
    final void responseWritten(NettyExchange ex, boolean close) {
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
        if (!ex.requestEnded()) {
            // the App answered without reading the whole body: read the rest and drop it
            ex.abandonBody();
            discarding = true;
            discardBudget = maxBodyBytes - ex.received();
        }
        serveNext();
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        writer.writabilityChanged();
        ctx.fireChannelWritabilityChanged();
    }

    /** Runs {@code task} on the connection's loop, unless the server is down (the channel with it). */
    final void execute(Runnable task) {
        try {
            channel.eventLoop().execute(task);
        } catch (RejectedExecutionException loopGone) {
            // the server is down; the channel is closed with it
        }
    }

    // ---------------------------------------------------------------- lifecycle

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof IdleStateEvent) {
            NettyExchange ex = current;
            // close unless the App is busy computing a response: idle keep-alive, a client that
            // stopped sending its body, or one that stopped reading our response
            if (ex == null || (ex.dispatched() && !ex.requestEnded())
                    || (ex.streamingResponse() && !channel.isWritable())) {
                inputDead = true;
                ctx.close();
            }
            return;
        }
        ctx.fireUserEventTriggered(evt);
    }

    @Override
    public final void channelInactive(ChannelHandlerContext ctx) {
        inputDead = true;
        releaseBacklog();
        NettyExchange ex = current;
        if (ex != null) {
            ex.connectionClosed();
        }
        writer.channelClosed();
        ctx.fireChannelInactive();
    }

    /** Closes the connection after the client's fault {@code cause}. */
    void abort(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }

    @Override
    public final void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof IOException || cause instanceof Http2Exception
                || cause instanceof Http2StreamRules.Violation || Tls.isTlsFailure(cause)) {
            // the client's doing: a reset, a broken TLS record, a stream error
            LOG.log(System.Logger.Level.DEBUG, "connection error", cause);
            inputDead = true;
            abort(ctx, cause);
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
