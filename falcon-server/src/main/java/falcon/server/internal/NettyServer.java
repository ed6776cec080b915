package falcon.server.internal;

import falcon.gateway.Handler;
import falcon.internal.Workers;
import falcon.server.ServerOptions;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http2.CleartextHttp2ServerUpgradeHandler;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A running Netty server: event loops, the listening channel, open connections and workers.
 *
 * <p>Built by {@link falcon.server.Server#start()}; that class is the API, this one the machinery.
 */
public final class NettyServer {

    private static final System.Logger LOG = System.getLogger("falcon.server");

    static {
        // PERF: Netty 4.2 emits JFR events for its buffer allocator when JFR is present; loading
        // the first event class starts JFR's event machinery, ~70 ms spent on the first request.
        // Off unless asked for; it must be set before Netty's PlatformDependent initialises.
        if (System.getProperty("io.netty.jfr.enabled") == null) {
            System.setProperty("io.netty.jfr.enabled", "false");
        }
    }

    private final Handler app;
    private final ServerOptions options;
    private final ExecutorService workers;
    private final EventLoopGroup acceptGroup;
    private final EventLoopGroup ioGroup;
    private final ChannelGroup connections = new DefaultChannelGroup("falcon-connections",
            GlobalEventExecutor.INSTANCE);
    private final AtomicBoolean closing = new AtomicBoolean();
    private final ConcurrentHashMap<EventLoop, WorkerHandOff> handOffs = new ConcurrentHashMap<>();
    /** Set once the drain delay is over: connections are then closed as they finish. */
    private volatile boolean stopping;
    private final CountDownLatch terminated = new CountDownLatch(1);
    private final String transport;
    private final SslContext tls; // null without TLS
    private Channel serverChannel;
    private int port;

    private NettyServer(Handler app, ServerOptions options) {
        this.app = app;
        this.options = options;
        this.tls = options.tls() ? Tls.newContext(options) : null; // first: it may fail, and owns no threads
        boolean epoll = Epoll.isAvailable();
        IoHandlerFactory io = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        this.transport = epoll ? "epoll" : "nio";
        int ioThreads = options.ioThreads() > 0 ? options.ioThreads() : Runtime.getRuntime().availableProcessors();
        this.acceptGroup = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("falcon-accept"), io);
        this.ioGroup = new MultiThreadIoEventLoopGroup(ioThreads, new DefaultThreadFactory("falcon-io"), io);
        this.workers = Workers.create(options.workerThreads(), "falcon-worker-");
    }

    /**
     * Binds and starts serving {@code app}.
     *
     * @throws UncheckedIOException if the address cannot be bound, or the TLS certificate or key
     *     cannot be read
     */
    public static NettyServer start(Handler app, ServerOptions options) {
        Preload.start();
        NettyServer server = new NettyServer(app, options);
        try {
            // Lifespan: start-up runs before the port is bound; a failure means no server.
            app.startup();
            server.bind();
        } catch (RuntimeException ex) {
            server.stopThreads();
            throw ex;
        }
        return server;
    }

    private void bind() {
        Class<? extends ServerChannel> channelType = "epoll".equals(transport) ? EpollServerSocketChannel.class
                : NioServerSocketChannel.class;
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(acceptGroup, ioGroup)
                .channel(channelType)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        initConnection(ch);
                    }
                });
        ChannelFuture bound = bootstrap.bind(new InetSocketAddress(options.host(), options.port()))
                .awaitUninterruptibly();
        if (!bound.isSuccess()) {
            Throwable cause = bound.cause();
            throw new UncheckedIOException("cannot listen on " + options.host() + ":" + options.port(),
                    cause instanceof IOException ? (IOException) cause : new IOException(cause));
        }
        serverChannel = bound.channel();
        port = ((InetSocketAddress) serverChannel.localAddress()).getPort();
        LOG.log(System.Logger.Level.INFO, "falcon-server listening on " + url() + " (" + transport + ", "
                + protocols() + ", " + (Workers.virtual() ? "virtual threads" : "worker pool") + ")");
    }

    private void initConnection(SocketChannel ch) {
        connections.add(ch);
        ChannelPipeline p = ch.pipeline();
        if (tls != null) {
            p.addLast("tls", tls.newHandler(ch.alloc()));
            p.addLast("idle", newIdleHandler());
            p.addLast("alpn", new Tls.Negotiation(this)); // adds HTTP/2 or HTTP/1.1 after the handshake
            return;
        }
        p.addLast("idle", newIdleHandler());
        if (options.h2c()) {
            addHttp1WithH2c(p);
        } else {
            // A client may shut down its sending side after its last request and still expect the
            // answers (RFC 9112 section 9.6): Http1Handler closes once they are written. (TLS and
            // h2c connections close on the client's FIN, as before.)
            ch.config().setAllowHalfClosure(true);
            addHttp1(p);
        }
    }

    private IdleStateHandler newIdleHandler() {
        return new IdleStateHandler(0, 0, options.idleTimeout().toNanos(), TimeUnit.NANOSECONDS);
    }

    private HttpServerCodec newHttp1Codec() {
        return new HttpServerCodec(new HttpDecoderConfig()
                .setMaxInitialLineLength(options.maxInitialLineBytes())
                .setMaxHeaderSize(options.maxHeaderBytes()));
    }

    /** Adds the HTTP/1.1 handlers at the end of a connection's pipeline. */
    void addHttp1(ChannelPipeline p) {
        Http1Handler http = new Http1Handler(this);
        p.addLast(HEADER_TIMEOUT, http.headerTimeout());
        p.addLast("codec", newHttp1Codec());
        p.addLast("http", http);
    }

    /**
     * Adds HTTP/1.1 handlers that also accept h2c: the preface of prior knowledge, or {@code
     * Upgrade: h2c} on the first request. Both checks leave the pipeline after the first request,
     * which then is the plain HTTP/1.1 one.
     */
    private void addHttp1WithH2c(ChannelPipeline p) {
        Http1Handler http = new Http1Handler(this);
        HttpServerCodec codec = newHttp1Codec();
        p.addLast(HEADER_TIMEOUT, http.headerTimeout());
        p.addLast("h2c", new CleartextHttp2ServerUpgradeHandler(codec, Http2Handler.newUpgradeHandler(this, codec),
                new Http2Handler.PriorKnowledge(this)));
        p.addLast("http", http);
    }

    /** Adds the HTTP/2 handlers at the end of a connection's pipeline. */
    void addHttp2(ChannelPipeline p) {
        p.addLast("h2", new Http2Handler(this));
    }

    /** The name of the {@link HeaderReadTimeout} in an HTTP/1.1 pipeline. */
    static final String HEADER_TIMEOUT = "header-timeout";

    /** Returns the settings. */
    public ServerOptions options() {
        return options;
    }

    Handler app() {
        return app;
    }

    /** Returns the hand-off between {@code loop} and the workers (one per loop). */
    WorkerHandOff handOff(EventLoop loop) {
        WorkerHandOff h = handOffs.get(loop);
        return h != null ? h : handOffs.computeIfAbsent(loop, l -> new WorkerHandOff(l, workers));
    }

    ExecutorService workers() {
        return workers;
    }

    /** Returns the bound port. */
    public int port() {
        return port;
    }

    /** Returns the number of open connections. */
    public int openConnections() {
        return connections.size();
    }

    /** Returns the pool's busy threads, or -1 when workers are virtual threads (not pooled). */
    public int busyWorkers() {
        return workers instanceof ThreadPoolExecutor ? ((ThreadPoolExecutor) workers).getActiveCount() : -1;
    }

    /** Returns the tasks waiting for a pool thread, or -1 when workers are virtual threads. */
    public int queuedTasks() {
        return workers instanceof ThreadPoolExecutor ? ((ThreadPoolExecutor) workers).getQueue().size() : -1;
    }

    /** Returns whether {@link #close()} is past its drain delay: connections now close as they finish. */
    public boolean isClosing() {
        return stopping;
    }

    /** Shuts down gracefully (see {@link falcon.server.Server#close()}); returns when done. */
    public void close() {
        if (!closing.compareAndSet(false, true)) {
            awaitQuietly();
            return;
        }
        try {
            app.draining();
        } catch (RuntimeException ex) {
            LOG.log(System.Logger.Level.ERROR, "the App's draining() failed", ex);
        }
        long drainMillis = options.drainDelay().toMillis();
        if (drainMillis > 0) {
            // Still accepting and serving: a load balancer polling readiness sees 503 meanwhile
            LOG.log(System.Logger.Level.INFO, "falcon-server on port " + port + " draining for " + drainMillis + " ms");
            try {
                Thread.sleep(drainMillis);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        }
        stopping = true;
        long deadline = System.nanoTime() + options.shutdownGrace().toNanos();
        try {
            serverChannel.close().awaitUninterruptibly();
            for (Channel ch : connections) {
                ch.eventLoop().execute(() -> {
                    Http1Handler http = ch.pipeline().get(Http1Handler.class);
                    Http2Handler h2 = http == null ? ch.pipeline().get(Http2Handler.class) : null;
                    if (http != null) {
                        http.shutdown();
                    } else if (h2 != null) {
                        h2.shutdown(); // GOAWAY; the connection closes when its streams are answered
                    } else {
                        ch.close(); // e.g. still in its TLS handshake
                    }
                });
            }
            connections.newCloseFuture().awaitUninterruptibly(remainingMillis(deadline));
            connections.close().awaitUninterruptibly();
            workers.shutdown();
            if (!awaitWorkers(remainingMillis(deadline))) {
                workers.shutdownNow();
            }
        } finally {
            stopThreads();
            try {
                app.shutdown(); // lifespan: after the last request
            } catch (RuntimeException ex) {
                LOG.log(System.Logger.Level.ERROR, "the App's shutdown failed", ex);
            }
            terminated.countDown();
            LOG.log(System.Logger.Level.INFO, "falcon-server on port " + port + " stopped");
        }
    }

    private boolean awaitWorkers(long millis) {
        try {
            return workers.awaitTermination(Math.max(millis, 100), TimeUnit.MILLISECONDS);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void stopThreads() {
        workers.shutdown();
        Future<?> a = acceptGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        Future<?> b = ioGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        a.awaitUninterruptibly();
        b.awaitUninterruptibly();
    }

    private static long remainingMillis(long deadlineNanos) {
        return Math.max(0, TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime()));
    }

    private void awaitQuietly() {
        try {
            terminated.await();
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    /** Blocks until the server is closed. */
    public void awaitTermination() throws InterruptedException {
        terminated.await();
    }

    /** Blocks until the server is closed or {@code timeout} passed; returns whether it is closed. */
    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        return terminated.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    private String url() {
        return (tls != null ? "https://" : "http://") + options.host() + ":" + port;
    }

    private String protocols() {
        if (tls != null) {
            return options.http2() ? "h2, http/1.1" : "http/1.1";
        }
        return options.h2c() ? "http/1.1, h2c" : "http/1.1";
    }

    @Override
    public String toString() {
        return url() + " (" + transport + ", " + protocols() + ")";
    }
}
