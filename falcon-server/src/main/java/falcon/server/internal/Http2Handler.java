package falcon.server.internal;

import falcon.server.ServerOptions;
import io.netty.channel.ChannelHandlerAdapter;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerUpgradeHandler;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http2.Http2CodecUtil;
import io.netty.handler.codec.http2.Http2Exception;
import io.netty.handler.codec.http2.Http2FrameCodec;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2MultiplexHandler;
import io.netty.handler.codec.http2.Http2ServerUpgradeCodec;
import io.netty.handler.codec.http2.Http2Settings;
import io.netty.handler.codec.http2.Http2StreamChannel;
import io.netty.handler.codec.http2.Http2StreamFrameToHttpObjectCodec;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.AsciiString;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * One HTTP/2 connection: Netty's frame codec and multiplexer, and the streams they open.
 *
 * <p>Each stream is a child channel whose pipeline is {@link Http2StreamFrameToHttpObjectCodec}
 * and an {@link Http2StreamHandler} of its own, so a request takes the same path as over HTTP/1.1:
 * limits, execution modes, streamed bodies, SSE. This handler, last in the connection's
 * pipeline, deals with what belongs to the connection: the idle timeout, graceful shutdown, and
 * errors that are not a stream's.
 *
 * <p>Threads: stream channels run on their connection's event loop, so {@link #streams} and
 * every method here belong to that loop.
 */
final class Http2Handler extends ChannelInboundHandlerAdapter {

    // @Sharable: one for every stream of every connection, not one per stream
    private static final Http2StreamFrameToHttpObjectCodec STREAM_CODEC = new Http2StreamFrameToHttpObjectCodec(true);

    private static final System.Logger LOG = System.getLogger("falcon.server");

    private final NettyServer server;
    private final Http2FrameCodec frames;
    private final Http2MultiplexHandler multiplexer;
    private final long idleNanos;
    /** The handlers of the open streams. */
    private final Set<Http2StreamHandler> streams = new HashSet<>();
    private ChannelHandlerContext ctx;

    Http2Handler(NettyServer server) {
        this.server = server;
        ServerOptions options = server.options();
        this.idleNanos = options.idleTimeout().toNanos();
        Http2StreamRules rules = new Http2StreamRules();
        this.frames = Http2FrameCodecBuilder.forServer()
                .frameLogger(rules)
                .initialSettings(Http2Settings.defaultSettings()
                        .maxConcurrentStreams(options.maxConcurrentStreams())
                        .maxHeaderListSize(options.maxHeaderListSize()))
                // close() waits this long for open streams after its GOAWAY, then closes anyway
                .gracefulShutdownTimeoutMillis(options.shutdownGrace().toMillis())
                // a request without :method, :scheme or :path is malformed (RFC 9113 8.3.1)
                .validateRequiredPseudoHeaders(true)
                .build();
        rules.connection(frames.connection());
        this.multiplexer = new Http2MultiplexHandler(new ChannelInitializer<Http2StreamChannel>() {
            @Override
            protected void initChannel(Http2StreamChannel ch) {
                openStream(ch);
            }
        });
    }

    private void openStream(Http2StreamChannel ch) {
        Http2StreamHandler http = new Http2StreamHandler(server);
        // each stream its own idle timer: a stream whose client stopped sending or reading is
        // reset even while other streams keep the connection busy
        ch.pipeline().addLast("idle", new IdleStateHandler(0, 0, idleNanos, TimeUnit.NANOSECONDS));
        ch.pipeline().addLast("codec", STREAM_CODEC);
        ch.pipeline().addLast("http", http);
        streams.add(http);
        ch.closeFuture().addListener(closed -> streams.remove(http));
    }

    /**
     * Returns the handler that upgrades an HTTP/1.1 connection to h2c when its first request asks
     * for it (RFC 7540 section 3.2), then leaves the pipeline.
     *
     * <p>Only a request without a body is upgraded: one with a body would have to be buffered
     * whole first, so it is served over HTTP/1.1 instead, as the RFC allows.
     */
    static HttpServerUpgradeHandler newUpgradeHandler(NettyServer server, HttpServerCodec codec) {
        HttpServerUpgradeHandler.UpgradeCodecFactory upgrades = protocol -> {
            if (!AsciiString.contentEquals(Http2CodecUtil.HTTP_UPGRADE_PROTOCOL_NAME, protocol)) {
                return null;
            }
            Http2Handler h2 = new Http2Handler(server);
            return new Http2ServerUpgradeCodec(h2.frames, h2.multiplexer, h2);
        };
        return new HttpServerUpgradeHandler(codec, upgrades, 0, DefaultHttpHeadersFactory.headersFactory(),
                DefaultHttpHeadersFactory.trailersFactory(), true) {
            @Override
            protected boolean shouldHandleUpgradeRequest(HttpRequest req) {
                // WebSocket upgrades pass through to Http1Handler untouched
                return req.headers().containsValue(HttpHeaderNames.UPGRADE, Http2CodecUtil.HTTP_UPGRADE_PROTOCOL_NAME,
                        true) && !HttpUtil.isTransferEncodingChunked(req) && HttpUtil.getContentLength(req, 0L) == 0;
            }
        };
    }

    /**
     * Stands in for an {@link Http2Handler} in an h2c pipeline, which needs one at hand for prior
     * knowledge; the HTTP/2 codecs are built only if the preface does arrive.
     */
    static final class PriorKnowledge extends ChannelHandlerAdapter {
        private final NettyServer server;

        PriorKnowledge(NettyServer server) {
            this.server = server;
        }

        @Override
        public void handlerAdded(ChannelHandlerContext ctx) {
            ctx.pipeline().replace(this, "h2", new Http2Handler(server));
        }
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        ChannelPipeline p = ctx.pipeline();
        if (p.context(frames) == null) { // ALPN and h2c prior knowledge; an h2c upgrade added them itself
            p.addBefore(ctx.name(), "h2-frames", frames);
            p.addBefore(ctx.name(), "h2-streams", multiplexer);
        }
        // h2c: the HTTP/1.1 handlers that read the connection's first bytes step aside
        if (p.get(Http1Handler.class) != null) {
            p.remove(Http1Handler.class);
        }
        if (p.get(NettyServer.HEADER_TIMEOUT) != null) {
            p.remove(NettyServer.HEADER_TIMEOUT);
        }
        if (server.isClosing()) {
            shutdown();
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        // connection frames the codec passes on (SETTINGS, PING, GOAWAY): Netty has acted on them
        ReferenceCountUtil.release(msg);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof IdleStateEvent) {
            // the streams have timers of their own, and decide as an HTTP/1.1 connection would
            if (streams.isEmpty()) {
                ctx.channel().close(); // GOAWAY, then the connection closes
            }
            return;
        }
        ctx.fireUserEventTriggered(evt);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        // A stream channel with unread frames outlives its stream (Netty closes it only once they
        // are read); close what is left so that an App waiting for a body is told.
        for (Http2StreamHandler stream : streams.toArray(new Http2StreamHandler[0])) {
            stream.channel().close();
        }
        ctx.fireChannelInactive();
    }

    /** Graceful shutdown: GOAWAY now; the connection closes once its open streams are answered. */
    void shutdown() {
        ctx.channel().close();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (Http2CodecUtil.getEmbeddedHttp2Exception(cause) != null) {
            // A connection error in the client's frames: the codec sends GOAWAY with its code
            // (RFC 9113 5.4.1) and closes; a close from here would say NO_ERROR first.
            LOG.log(System.Logger.Level.DEBUG, "HTTP/2 connection error", cause);
            return;
        }
        if (cause instanceof IOException || Tls.isTlsFailure(cause)) {
            LOG.log(System.Logger.Level.DEBUG, "HTTP/2 connection error", cause);
        } else {
            LOG.log(System.Logger.Level.WARNING, "unexpected error on HTTP/2 connection " + ctx.channel(), cause);
        }
        ctx.channel().close();
    }
}
