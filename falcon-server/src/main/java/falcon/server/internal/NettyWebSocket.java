package falcon.server.internal;

import falcon.App;
import falcon.WebSocketOptions;
import falcon.gateway.Reply;
import falcon.gateway.WebSocketChannel;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.DuplexChannelConfig;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.Utf8FrameValidator;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * A WebSocket upgrade on a Netty connection, as the App drives it.
 *
 * <p>Netty does the protocol: {@link WebSocketServerHandshaker} (RFC 6455 version 13), its
 * frame decoder (masking required from the client, reserved bits and opcodes, control frames of
 * at most 125 bytes and not fragmented, close codes and frame size checked; a violation closes
 * with 1002, 1007 or 1009), {@link Utf8FrameValidator} for TEXT frames and close reasons, and
 * {@link WebSocketFrameAggregator} for fragmented messages up to {@code maxMessageBytes}. This
 * class answers pings, echoes the client's close, and hands whole messages to the App's
 * listener.
 *
 * <p>Threads: the handshake and every pipeline change run on the connection's loop; sends are
 * Netty's thread-safe writes; listener calls come from the loop, one at a time. Frames that
 * arrive before the App calls {@link #start} wait in {@code early} (loop only).
 */
final class NettyWebSocket implements WebSocketChannel {

    private static final System.Logger LOG = System.getLogger("falcon.server");

    private final ExchangeHandler connection;
    private final NettyExchange exchange;
    private final HttpRequest request;
    private final List<String> subprotocols;
    private final WebSocketOptions options;
    private volatile Channel channel;
    // loop only
    private Listener listener;
    private final ArrayDeque<WebSocketFrame> early = new ArrayDeque<>();
    private boolean closeReported;
    // Set once a Close frame has gone out (by the App or as an echo); the loop's and the App's.
    private volatile boolean closeSent;
    private static final long CLOSE_GRACE_MILLIS = 2000;
    private volatile boolean paused;

    NettyWebSocket(ExchangeHandler connection, NettyExchange exchange, HttpRequest request) {
        this.connection = connection;
        this.exchange = exchange;
        this.request = request;
        List<String> offered = new ArrayList<>();
        for (String v : request.headers().getAll(HttpHeaderNames.SEC_WEBSOCKET_PROTOCOL)) {
            for (String p : v.split(",")) {
                if (!p.isBlank()) {
                    offered.add(p.trim());
                }
            }
        }
        this.subprotocols = List.copyOf(offered);
        Object app = connection.server().app();
        this.options = app instanceof App ? ((App) app).getWsOptions() : new WebSocketOptions();
    }

    /** Returns whether {@code req} asks for a WebSocket upgrade (GET with Upgrade: websocket). */
    static boolean isUpgrade(HttpRequest req) {
        return req.method() == HttpMethod.GET
                && req.headers().containsValue(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET, true)
                && req.headers().containsValue(HttpHeaderNames.CONNECTION, HttpHeaderValues.UPGRADE, true);
    }

    @Override
    public List<String> subprotocols() {
        return subprotocols;
    }

    @Override
    public CompletionStage<Void> accept(String subprotocol, List<String> headers) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Channel ch = connection.channel();
        try {
            ch.eventLoop().execute(() -> handshake(ch, subprotocol, headers, done));
        } catch (RejectedExecutionException loopGone) {
            done.completeExceptionally(loopGone);
        }
        return done;
    }

    private void handshake(Channel ch, String subprotocol, List<String> headers, CompletableFuture<Void> done) {
        if (!ch.isActive()) {
            done.completeExceptionally(new java.io.IOException("the client disconnected"));
            reportClose(1006, "");
            return;
        }
        WebSocketDecoderConfig config = WebSocketDecoderConfig.newBuilder()
                .maxFramePayloadLength(options.maxFramePayloadBytes)
                .expectMaskedFrames(true)
                .allowMaskMismatch(false)
                .allowExtensions(false)
                .closeOnProtocolViolation(true)
                .withUTF8Validator(true)
                .build();
        String url = "ws://" + request.headers().get(HttpHeaderNames.HOST, "localhost") + request.uri();
        WebSocketServerHandshaker handshaker = new WebSocketServerHandshakerFactory(url, subprotocol, config)
                .newHandshaker(request);
        if (handshaker == null) {
            WebSocketServerHandshakerFactory.sendUnsupportedVersionResponse(ch)
                    .addListener(ChannelFutureListener.CLOSE);
            done.completeExceptionally(new java.io.IOException("unsupported WebSocket version"));
            return;
        }
        HttpHeaders extra = new DefaultHttpHeaders();
        for (int i = 0; i + 1 < headers.size(); i += 2) {
            extra.add(headers.get(i), headers.get(i + 1));
        }
        FullHttpRequest full = new DefaultFullHttpRequest(request.protocolVersion(), request.method(), request.uri(),
                Unpooled.EMPTY_BUFFER, request.headers(), EmptyHttpHeaders.INSTANCE);
        ChannelPipeline p = ch.pipeline();
        // The HTTP handlers step aside; the handshaker swaps the codec for the frame codec.
        p.remove(connection);
        if (p.get(NettyServer.HEADER_TIMEOUT) != null) {
            p.remove(NettyServer.HEADER_TIMEOUT);
        }
        // A WebSocket may be quiet for long: the HTTP idle timeout gives way to a ping after half
        // of webSocketIdleTimeout without a frame, and a close after the other half (Frames).
        long idleNanos = connection.options.webSocketIdleTimeout().toNanos();
        IdleStateHandler quiet = new IdleStateHandler(idleNanos / 2, 0, 0, TimeUnit.NANOSECONDS);
        if (p.get("idle") != null) {
            p.replace("idle", "idle", quiet);
        } else {
            p.addFirst("idle", quiet);
        }
        // A WebSocket peer that shuts down its side without a Close frame is gone: close on EOF.
        if (ch.config() instanceof DuplexChannelConfig) {
            ((DuplexChannelConfig) ch.config()).setAllowHalfClosure(false);
        }
        p.addLast("ws-frames", new Frames());
        ChannelFuture f;
        try {
            f = handshaker.handshake(ch, full, extra, ch.newPromise());
        } catch (RuntimeException refused) {
            // The handshaker refuses what RequestChecks did not foresee: the responder waiting in
            // accept() must learn it, or its thread waits for ever.
            done.completeExceptionally(refused);
            ch.close();
            return;
        }
        f.addListener(result -> {
            if (!result.isSuccess()) {
                done.completeExceptionally(result.cause());
                ch.close();
                return;
            }
            // after the handshaker added its decoder: validate UTF-8, then join fragments
            String decoder = p.context(io.netty.handler.codec.http.websocketx.WebSocketFrameDecoder.class).name();
            p.addAfter(decoder, "ws-utf8", new Utf8FrameValidator(true));
            p.addAfter("ws-utf8", "ws-aggregator", new WebSocketFrameAggregator(options.maxMessageBytes));
            channel = ch;
            // reading starts in start(): until a listener takes them, messages would only pile up
            ch.config().setAutoRead(false);
            done.complete(null);
        });
    }

    @Override
    public void deny(int closeCode) {
        // NOTE: as ASGI servers do when the app closes before accepting: HTTP 403.
        exchange.respond(new Reply(403, "Forbidden", List.of("content-length", "0", "connection", "close"),
                null, null));
    }

    @Override
    public void start(Listener l) {
        Channel ch = connection.channel();
        ch.eventLoop().execute(() -> {
            listener = l;
            WebSocketFrame f;
            while ((f = early.poll()) != null) {
                try {
                    deliver(f);
                } finally {
                    f.release();
                }
            }
            ch.config().setAutoRead(!paused);
        });
    }

    @Override
    public CompletionStage<Void> sendText(String text) {
        return write(new TextWebSocketFrame(text));
    }

    @Override
    public CompletionStage<Void> sendBinary(byte[] data) {
        return write(new BinaryWebSocketFrame(Unpooled.wrappedBuffer(data)));
    }

    private CompletionStage<Void> write(WebSocketFrame frame) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Channel ch = channel;
        if (ch == null || !ch.isActive()) {
            frame.release();
            done.completeExceptionally(new java.io.IOException("the client disconnected"));
            return done;
        }
        ch.writeAndFlush(frame).addListener(f -> {
            if (f.isSuccess()) {
                done.complete(null);
            } else {
                done.completeExceptionally(f.cause());
            }
        });
        return done;
    }

    @Override
    public CompletionStage<Void> close(int code, String reason) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Channel ch = channel;
        if (ch == null || !ch.isActive()) {
            done.complete(null);
            return done;
        }
        if (closeSent) {
            done.complete(null);
            return done;
        }
        closeSent = true;
        // RFC 6455 7.1.1: after our Close, wait for the client's before ending TCP, so that the
        // client reads our close code rather than a reset (1006); close anyway after a grace.
        ch.writeAndFlush(new CloseWebSocketFrame(code, reason)).addListener(f -> {
            done.complete(null);
            if (f.isSuccess()) {
                ch.eventLoop().schedule(() -> {
                    ch.close();
                }, CLOSE_GRACE_MILLIS, java.util.concurrent.TimeUnit.MILLISECONDS);
            } else {
                ch.close();
            }
        });
        return done;
    }

    @Override
    public void pause() {
        paused = true;
        Channel ch = connection.channel();
        ch.eventLoop().execute(() -> ch.config().setAutoRead(false));
    }

    @Override
    public void resume() {
        paused = false;
        Channel ch = connection.channel();
        ch.eventLoop().execute(() -> {
            if (!paused) {
                ch.config().setAutoRead(true);
            }
        });
    }

    /** On the loop: one whole message or control frame. */
    private void deliver(WebSocketFrame frame) {
        if (frame instanceof TextWebSocketFrame) {
            listener.onText(((TextWebSocketFrame) frame).text());
        } else if (frame instanceof BinaryWebSocketFrame) {
            listener.onBinary(ByteBufUtil.getBytes(frame.content()));
        }
    }

    private void reportClose(int code, String reason) {
        if (!closeReported) {
            closeReported = true;
            Listener l = listener;
            if (l != null) {
                l.onClose(code, reason);
            }
        }
    }

    /** The last handler of an upgraded connection. */
    private final class Frames extends SimpleChannelInboundHandler<WebSocketFrame> {

        Frames() {
            super(false);
        }

        /** Our ping has had no frame since: the next idle period closes the connection. */
        private boolean pingOutstanding;

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
            if (evt instanceof IdleStateEvent) {
                if (closeSent || !ctx.channel().config().isAutoRead()) {
                    // closing already, or we stopped reading (paused, or no listener yet): the
                    // client's frames, a pong among them, wait unread; silence is not the client's
                    pingOutstanding = false;
                    return;
                }
                if (pingOutstanding) {
                    // silent through a whole idle timeout, ping included: idle past the limit, or dead
                    closeSent = true;
                    Channel ch = ctx.channel();
                    ch.writeAndFlush(new CloseWebSocketFrame(1001, "idle timeout"))
                            .addListener(ChannelFutureListener.CLOSE);
                    // a dead peer may never take the frame: close anyway after the grace
                    ch.eventLoop().schedule(() -> ch.close(), CLOSE_GRACE_MILLIS, TimeUnit.MILLISECONDS);
                } else {
                    pingOutstanding = true;
                    ctx.writeAndFlush(new PingWebSocketFrame());
                }
                return;
            }
            super.userEventTriggered(ctx, evt);
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
            pingOutstanding = false; // any frame, a pong included, shows the client is there
            if (frame instanceof PingWebSocketFrame) {
                if (ctx.channel().isWritable()) {
                    ctx.writeAndFlush(new PongWebSocketFrame(frame.content()));
                } else {
                    // a client flooding pings without reading: RFC 6455 5.5.3 lets us answer only
                    // the most recent one, so unanswered pings never pile up in the outbound buffer
                    frame.release();
                }
                return;
            }
            if (frame instanceof PongWebSocketFrame) {
                frame.release();
                return;
            }
            if (frame instanceof CloseWebSocketFrame) {
                CloseWebSocketFrame close = (CloseWebSocketFrame) frame;
                int code = close.statusCode() < 0 ? 1005 : close.statusCode();
                String reason = close.statusCode() < 0 ? "" : close.reasonText();
                if (closeSent) {
                    ctx.close(); // the client's answer to our Close: the handshake is done
                } else {
                    // RFC 6455 5.5.1: echo the close, then end the connection.
                    closeSent = true;
                    ctx.writeAndFlush(new CloseWebSocketFrame(close.statusCode() < 0 ? 1000 : code, ""))
                            .addListener(ChannelFutureListener.CLOSE);
                }
                frame.release();
                reportClose(code, reason);
                return;
            }
            if (listener == null) {
                early.add(frame);
                return;
            }
            try {
                deliver(frame);
            } finally {
                frame.release();
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            WebSocketFrame f;
            while ((f = early.poll()) != null) {
                f.release();
            }
            reportClose(1006, "");
            ctx.fireChannelInactive();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            if (cause instanceof TooLongFrameException) {
                ctx.writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.MESSAGE_TOO_BIG))
                        .addListener(ChannelFutureListener.CLOSE);
                reportClose(1009, "");
            } else if (cause instanceof CorruptedWebSocketFrameException) {
                // the decoder has sent its close frame (1002/1007/1009) and closes the channel
                LOG.log(System.Logger.Level.DEBUG, "bad WebSocket frame", cause);
                ctx.close();
            } else {
                LOG.log(System.Logger.Level.DEBUG, "WebSocket connection error", cause);
                ctx.close();
            }
        }
    }
}
