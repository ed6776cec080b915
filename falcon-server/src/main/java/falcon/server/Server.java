package falcon.server;

import falcon.gateway.Handler;
import falcon.server.internal.NettyServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import javax.net.ssl.KeyManagerFactory;

/**
 * The embedded HTTP server: runs a {@link Handler} (an {@link falcon.App}) on Netty.
 *
 * <p>The shortest way to serve an app:
 *
 * <pre>{@code
 * App app = new App();
 * app.addRoute("/things", new ThingsResource());
 * Server.serve(app, 8000).awaitTermination();
 * }</pre>
 *
 * <p>With settings:
 *
 * <pre>{@code
 * Server server = Server.builder(app)
 *         .port(8000)
 *         .maxBodyBytes(1024 * 1024)
 *         .shutdownGrace(Duration.ofSeconds(20))
 *         .build()
 *         .start();
 * }</pre>
 *
 * <p>A started server closes gracefully when the JVM is asked to stop ({@code SIGTERM}, {@code
 * SIGINT}, {@code System.exit}): in-flight requests get their full responses within the shutdown
 * grace period ({@value ServerOptions#DEFAULT_SHUTDOWN_GRACE_SECONDS} s by default), as a container
 * orchestrator expects; {@code shutdownHook(false)} turns that off.
 *
 * <p>Over TLS, with HTTP/2 negotiated by ALPN (the default once TLS is on):
 *
 * <pre>{@code
 * Server server = Server.builder(app)
 *         .port(8443)
 *         .tls(Path.of("cert.pem"), Path.of("key.pem"))
 *         .build()
 *         .start();
 * }</pre>
 *
 * <p>Falcon has no server of its own (it runs on any WSGI or ASGI server); this class plays that
 * part. Netty's event loops parse and write; the app runs on worker threads, virtual threads on
 * JDK 21+ (see {@code CONCURRENCY.md} in the module).
 */
public final class Server implements AutoCloseable {

    private final Handler app;
    private final ServerOptions options;
    private final Object lock = new Object();
    private NettyServer running; // guarded by lock
    private Thread hook; // guarded by lock

    private Server(Handler app, ServerOptions options) {
        this.app = app;
        this.options = options;
    }

    /**
     * Starts a server for {@code app} on {@code port}, all interfaces, default limits.
     *
     * @param app the app (usually a {@link falcon.App})
     * @param port the port; {@code 0} picks a free one
     * @return the running server
     * @throws java.io.UncheckedIOException if the port cannot be bound
     */
    public static Server serve(Handler app, int port) {
        return builder(app).port(port).build().start();
    }

    /**
     * Returns a builder for a server that runs {@code app}.
     *
     * @param app the app (usually a {@link falcon.App})
     * @return a builder with every setting at its default
     */
    public static Builder builder(Handler app) {
        return new Builder(app);
    }

    /**
     * Returns this server's settings.
     *
     * @return the settings the server was built with
     */
    public ServerOptions options() {
        return options;
    }

    /**
     * Binds the port and starts serving; returns at once.
     *
     * @return this server
     * @throws IllegalStateException if the server was started before
     * @throws java.io.UncheckedIOException if the address cannot be bound, or the TLS certificate
     *     or key cannot be read
     * @throws IllegalStateException if the App's start-up failed ({@code processStartup} of a
     *     middleware component; Falcon's {@code lifespan.startup.failed}): nothing listens
     */
    public Server start() {
        synchronized (lock) {
            if (running != null) {
                throw new IllegalStateException("the server was already started");
            }
            running = NettyServer.start(app, options);
            if (options.shutdownHook()) {
                hook = new Thread(this::close, "falcon-server-shutdown");
                Runtime.getRuntime().addShutdownHook(hook);
            }
        }
        return this;
    }

    /**
     * Returns the port the server listens on; the one picked when {@code port(0)} was asked.
     *
     * @return the bound port
     * @throws IllegalStateException if the server is not started
     */
    public int port() {
        return server().port();
    }

    /**
     * Returns the number of open client connections (HTTP/1.1, HTTP/2 and WebSocket alike), for
     * metrics; 0 before the server starts.
     *
     * @return the open connections
     */
    public int openConnections() {
        NettyServer s = runningOrNull();
        return s == null ? 0 : s.openConnections();
    }

    /**
     * Returns how many of the worker pool's threads run the App's code now, for metrics; -1 when
     * workers are virtual threads (JDK 21+), which are not pooled; 0 before the server starts.
     *
     * @return the busy pool threads, or -1 without a pool
     */
    public int busyWorkers() {
        NettyServer s = runningOrNull();
        return s == null ? 0 : s.busyWorkers();
    }

    /**
     * Returns how many tasks (requests, resumed asynchronous steps) wait for a pool thread, for
     * metrics; -1 when workers are virtual threads; 0 before the server starts.
     *
     * @return the queued tasks, or -1 without a pool
     */
    public int queuedWorkerTasks() {
        NettyServer s = runningOrNull();
        return s == null ? 0 : s.queuedTasks();
    }

    private NettyServer runningOrNull() {
        synchronized (lock) {
            return running;
        }
    }

    /**
     * Returns whether the server is started and not yet closed.
     *
     * @return whether the server is serving
     */
    public boolean isRunning() {
        synchronized (lock) {
            return running != null && !running.isClosing();
        }
    }

    /**
     * Shuts the server down gracefully and returns when it is down.
     *
     * <p>It stops accepting connections, closes idle ones, lets in-flight requests finish (their
     * responses carry {@code connection: close}; an HTTP/2 connection gets a GOAWAY frame and
     * closes once its open streams are answered) for up to {@link ServerOptions#shutdownGrace()},
     * then closes what is left and stops the threads. Calling it again does nothing.
     */
    @Override
    public void close() {
        NettyServer server;
        Thread h;
        synchronized (lock) {
            server = running;
            h = hook;
            hook = null;
        }
        if (server == null) {
            return;
        }
        if (h != null && Thread.currentThread() != h) {
            try {
                Runtime.getRuntime().removeShutdownHook(h);
            } catch (IllegalStateException ex) {
                // the JVM is shutting down already: the hook runs close() too, harmlessly
            }
        }
        server.close();
    }

    /**
     * Blocks until the server has been closed, by {@link #close()} from another thread or by the
     * shutdown hook; for a {@code main} method.
     *
     * @throws InterruptedException if interrupted while waiting
     * @throws IllegalStateException if the server is not started
     */
    public void awaitTermination() throws InterruptedException {
        server().awaitTermination();
    }

    /**
     * Blocks until the server has been closed or {@code timeout} has passed.
     *
     * @param timeout how long to wait at most
     * @return whether the server is closed
     * @throws InterruptedException if interrupted while waiting
     */
    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        return server().awaitTermination(timeout);
    }

    private NettyServer server() {
        synchronized (lock) {
            if (running == null) {
                throw new IllegalStateException("the server is not started");
            }
            return running;
        }
    }

    @Override
    public String toString() {
        synchronized (lock) {
            return running == null ? "Server{not started}" : "Server{" + running + "}";
        }
    }

    /** Builds a {@link Server}; every setting has a default (see {@link ServerOptions}). */
    public static final class Builder {
        private final Handler app;
        private String host = ServerOptions.DEFAULT_HOST;
        private int port = ServerOptions.DEFAULT_PORT;
        private int maxInitialLineBytes = ServerOptions.DEFAULT_MAX_INITIAL_LINE_BYTES;
        private int maxHeaderBytes = ServerOptions.DEFAULT_MAX_HEADER_BYTES;
        private int maxHeaderCount = ServerOptions.DEFAULT_MAX_HEADER_COUNT;
        private long maxBodyBytes = ServerOptions.DEFAULT_MAX_BODY_BYTES;
        private Duration idleTimeout = Duration.ofSeconds(ServerOptions.DEFAULT_IDLE_TIMEOUT_SECONDS);
        private Duration headerReadTimeout = Duration.ofSeconds(ServerOptions.DEFAULT_HEADER_READ_TIMEOUT_SECONDS);
        private long minBodyBytesPerSecond = ServerOptions.DEFAULT_MIN_BODY_BYTES_PER_SECOND;
        private Duration bodyRateGracePeriod = Duration.ofSeconds(ServerOptions.DEFAULT_BODY_RATE_GRACE_SECONDS);
        private Duration webSocketIdleTimeout = Duration.ofSeconds(ServerOptions.DEFAULT_WEBSOCKET_IDLE_TIMEOUT_SECONDS);
        private int workerThreads = ServerOptions.AUTO;
        private int ioThreads = ServerOptions.AUTO;
        private Duration shutdownGrace = Duration.ofSeconds(ServerOptions.DEFAULT_SHUTDOWN_GRACE_SECONDS);
        private boolean shutdownHook = true;
        private ExecutionMode executionMode = ExecutionMode.WORKER;
        private Path tlsCertificateChain;
        private Path tlsPrivateKey;
        private KeyManagerFactory tlsKeyManagerFactory;
        private boolean http2 = true;
        private boolean h2c;
        private int maxConcurrentStreams = ServerOptions.DEFAULT_MAX_CONCURRENT_STREAMS;
        private boolean compression;
        private int compressionMinBytes = ServerOptions.DEFAULT_COMPRESSION_MIN_BYTES;
        private boolean decompressRequests;
        private Duration drainDelay = Duration.ZERO;

        private Builder(Handler app) {
            this.app = Objects.requireNonNull(app, "app");
        }

        /**
         * Sets the host name or address to bind; default {@value ServerOptions#DEFAULT_HOST}.
         *
         * @param host the host name or address
         * @return this builder
         */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /**
         * Sets the port; {@code 0} picks a free one; default {@value ServerOptions#DEFAULT_PORT}.
         *
         * @param port the port number
         * @return this builder
         */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be in [0, 65535]: " + port);
            }
            this.port = port;
            return this;
        }

        /**
         * Sets the limit on the request line in bytes (414 past it).
         *
         * @param bytes the limit in bytes
         * @return this builder
         */
        public Builder maxInitialLineBytes(int bytes) {
            this.maxInitialLineBytes = positive(bytes, "maxInitialLineBytes");
            return this;
        }

        /**
         * Sets the limit on all header lines together in bytes (431 past it).
         *
         * @param bytes the limit in bytes
         * @return this builder
         */
        public Builder maxHeaderBytes(int bytes) {
            this.maxHeaderBytes = positive(bytes, "maxHeaderBytes");
            return this;
        }

        /**
         * Sets the limit on the number of header lines (431 past it).
         *
         * @param count the limit on header lines
         * @return this builder
         */
        public Builder maxHeaderCount(int count) {
            this.maxHeaderCount = positive(count, "maxHeaderCount");
            return this;
        }

        /**
         * Sets the limit on a request body in bytes (413 past it).
         *
         * @param bytes the limit in bytes
         * @return this builder
         */
        public Builder maxBodyBytes(long bytes) {
            if (bytes < 0) {
                throw new IllegalArgumentException("maxBodyBytes must not be negative: " + bytes);
            }
            this.maxBodyBytes = bytes;
            return this;
        }

        /**
         * Sets how long a connection may stay idle before it is closed.
         *
         * @param timeout the duration
         * @return this builder
         */
        public Builder idleTimeout(Duration timeout) {
            this.idleTimeout = positive(timeout, "idleTimeout");
            return this;
        }

        /**
         * Sets how long a client has to send the request line and headers once it began.
         *
         * @param timeout the duration
         * @return this builder
         */
        public Builder headerReadTimeout(Duration timeout) {
            this.headerReadTimeout = positive(timeout, "headerReadTimeout");
            return this;
        }

        /**
         * Sets the minimum rate of a streamed request body: once {@code gracePeriod} has passed,
         * a body that brought fewer than {@code bytesPerSecond} bytes a second over the last
         * {@code gracePeriod} is failed with 408 Request Timeout (the App's next read throws it)
         * and the connection closed; the time the App itself does not read is not counted.
         * Default {@value ServerOptions#DEFAULT_MIN_BODY_BYTES_PER_SECOND} B/s after {@value
         * ServerOptions#DEFAULT_BODY_RATE_GRACE_SECONDS} s, as Kestrel's.
         *
         * @param bytesPerSecond the minimum rate; 0 turns the check off
         * @param gracePeriod the time before the first check, and the window of each check
         * @return this builder
         */
        public Builder minBodyDataRate(long bytesPerSecond, Duration gracePeriod) {
            if (bytesPerSecond < 0) {
                throw new IllegalArgumentException("bytesPerSecond must not be negative: " + bytesPerSecond);
            }
            this.minBodyBytesPerSecond = bytesPerSecond;
            this.bodyRateGracePeriod = positive(gracePeriod, "gracePeriod");
            return this;
        }

        /**
         * Sets how long a WebSocket may stay silent: after half of it without a frame from the
         * client the server sends a ping, and after the other half without an answer it closes
         * the connection with 1001 (going away). Default {@value
         * ServerOptions#DEFAULT_WEBSOCKET_IDLE_TIMEOUT_SECONDS} s.
         *
         * @param timeout the idle timeout
         * @return this builder
         */
        public Builder webSocketIdleTimeout(Duration timeout) {
            this.webSocketIdleTimeout = positive(timeout, "webSocketIdleTimeout");
            return this;
        }

        /**
         * Sets the size of the worker pool used when the JVM has no virtual threads (JDK 17);
         * {@link ServerOptions#AUTO} (the default) picks {@code max(16, 8 * CPUs)}.
         *
         * @param threads the number of threads, or {@link ServerOptions#AUTO}
         * @return this builder
         */
        public Builder workerThreads(int threads) {
            this.workerThreads = notNegative(threads, "workerThreads");
            return this;
        }

        /**
         * Sets where the App runs; {@link ExecutionMode#EVENT_LOOP} only for apps that never block.
         *
         * @param mode the execution mode
         * @return this builder
         */
        public Builder executionMode(ExecutionMode mode) {
            this.executionMode = Objects.requireNonNull(mode, "executionMode");
            return this;
        }

        /**
         * Sets the number of Netty event-loop threads; {@link ServerOptions#AUTO} is one per CPU.
         *
         * @param threads the number of threads, or {@link ServerOptions#AUTO}
         * @return this builder
         */
        public Builder ioThreads(int threads) {
            this.ioThreads = notNegative(threads, "ioThreads");
            return this;
        }

        /**
         * Sets how long {@link Server#close()} lets in-flight requests finish; default {@value
         * ServerOptions#DEFAULT_SHUTDOWN_GRACE_SECONDS} seconds.
         *
         * @param grace the grace period; zero closes at once
         * @return this builder
         */
        public Builder shutdownGrace(Duration grace) {
            Objects.requireNonNull(grace, "shutdownGrace");
            if (grace.isNegative()) {
                throw new IllegalArgumentException("shutdownGrace must not be negative: " + grace);
            }
            this.shutdownGrace = grace;
            return this;
        }

        /**
         * Sets whether a JVM shutdown hook closes the server gracefully; default {@code true}.
         *
         * <p>With the hook, {@code SIGTERM} (what {@code docker stop} and Kubernetes send) lets
         * in-flight requests finish within {@link #shutdownGrace(Duration)} before the JVM exits;
         * without it they are cut off. Turn it off when the application closes the server from a
         * shutdown hook of its own.
         *
         * @param enabled whether to register the hook when the server starts
         * @return this builder
         */
        public Builder shutdownHook(boolean enabled) {
            this.shutdownHook = enabled;
            return this;
        }

        /**
         * Serves HTTPS with the certificate chain and private key in PEM files; replaces an earlier
         * {@code tls(...)}.
         *
         * <p>The key is an unencrypted PKCS#8 key ({@code -----BEGIN PRIVATE KEY-----}); for
         * another form, load it into a {@link KeyManagerFactory} and use {@link
         * #tls(KeyManagerFactory)}. The files are read by {@link Server#start()}. TLS is the
         * JDK's; HTTP/2 is offered by ALPN unless {@link #http2(boolean) http2(false)}.
         *
         * @param certificateChainPem the server's certificate first, then its issuers
         * @param privateKeyPem the private key of the server's certificate
         * @return this builder
         */
        public Builder tls(Path certificateChainPem, Path privateKeyPem) {
            this.tlsCertificateChain = Objects.requireNonNull(certificateChainPem, "certificateChainPem");
            this.tlsPrivateKey = Objects.requireNonNull(privateKeyPem, "privateKeyPem");
            this.tlsKeyManagerFactory = null;
            return this;
        }

        /**
         * Serves HTTPS with the key and certificate of an initialized {@link KeyManagerFactory},
         * e.g. from a PKCS#12 key store; replaces an earlier {@code tls(...)}.
         *
         * @param keyManagerFactory an initialized key manager factory
         * @return this builder
         */
        public Builder tls(KeyManagerFactory keyManagerFactory) {
            this.tlsKeyManagerFactory = Objects.requireNonNull(keyManagerFactory, "keyManagerFactory");
            this.tlsCertificateChain = null;
            this.tlsPrivateKey = null;
            return this;
        }

        /**
         * Sets whether HTTP/2 is offered over TLS by ALPN ({@code h2}, then {@code http/1.1});
         * default {@code true}. Without TLS it has no effect: see {@link #h2c(boolean)}.
         *
         * @param enabled whether it is on
         * @return this builder
         */
        public Builder http2(boolean enabled) {
            this.http2 = enabled;
            return this;
        }

        /**
         * Sets whether a server without TLS accepts cleartext HTTP/2 (h2c), by prior knowledge or
         * by {@code Upgrade: h2c}; default {@code false}.
         *
         * <p>Off by default because the upgrade check sits in the HTTP/1.1 pipeline of each
         * connection until its first request; with it off the HTTP/1.1 path is untouched. With
         * TLS it has no effect: there HTTP/2 is negotiated by ALPN (see {@link #http2(boolean)}).
         *
         * @param enabled whether it is on
         * @return this builder
         */
        public Builder h2c(boolean enabled) {
            this.h2c = enabled;
            return this;
        }

        /**
         * Sets the limit on concurrent HTTP/2 streams per connection; default {@value
         * ServerOptions#DEFAULT_MAX_CONCURRENT_STREAMS}.
         *
         * @param streams the limit on open streams per connection
         * @return this builder
         */
        public Builder maxConcurrentStreams(int streams) {
            this.maxConcurrentStreams = positive(streams, "maxConcurrentStreams");
            return this;
        }

        /**
         * Sets whether responses are compressed with gzip or deflate, as the request's {@code
         * Accept-Encoding} allows; default {@code false}. See {@link ServerOptions#compression()}
         * for what is compressed; a response opts out with {@code Cache-Control: no-transform}.
         *
         * @param enabled whether to compress responses
         * @return this builder
         */
        public Builder compression(boolean enabled) {
            this.compression = enabled;
            return this;
        }

        /**
         * Sets the smallest response body compressed, in bytes; default {@value
         * ServerOptions#DEFAULT_COMPRESSION_MIN_BYTES}.
         *
         * @param bytes the threshold in bytes
         * @return this builder
         */
        public Builder compressionMinBytes(int bytes) {
            this.compressionMinBytes = notNegative(bytes, "compressionMinBytes");
            return this;
        }

        /**
         * Sets whether request bodies with {@code Content-Encoding: gzip} or {@code deflate} are
         * decompressed for the App, {@link #maxBodyBytes(long)} limiting the decompressed size
         * (413 past it); default {@code false}.
         *
         * @param enabled whether to decompress request bodies
         * @return this builder
         */
        public Builder decompressRequests(boolean enabled) {
            this.decompressRequests = enabled;
            return this;
        }

        /**
         * Sets how long the server keeps serving after {@code SIGTERM} or {@link Server#close()}
         * with its App draining (readiness 503, see {@link ServerOptions#drainDelay()}) before it
         * stops accepting connections; default zero. Under Kubernetes, a few seconds more than
         * the readiness probe's period; the termination grace period must exceed this plus
         * {@link #shutdownGrace(Duration)}.
         *
         * @param delay the drain delay, zero or more
         * @return this builder
         */
        public Builder drainDelay(Duration delay) {
            Objects.requireNonNull(delay, "drainDelay");
            if (delay.isNegative()) {
                throw new IllegalArgumentException("drainDelay must not be negative: " + delay);
            }
            this.drainDelay = delay;
            return this;
        }

        /**
         * Returns the server, not yet started: call {@link Server#start()}.
         *
         * @return a server with this builder's settings
         */
        public Server build() {
            return new Server(app, new ServerOptions(host, port, maxInitialLineBytes, maxHeaderBytes,
                    maxHeaderCount, maxBodyBytes, idleTimeout, headerReadTimeout, workerThreads, ioThreads,
                    shutdownGrace, shutdownHook, executionMode, tlsCertificateChain, tlsPrivateKey,
                    tlsKeyManagerFactory, http2, h2c, maxConcurrentStreams, minBodyBytesPerSecond,
                    bodyRateGracePeriod, webSocketIdleTimeout, compression, compressionMinBytes, decompressRequests,
                    drainDelay));
        }

        private static int positive(int value, String name) {
            if (value <= 0) {
                throw new IllegalArgumentException(name + " must be positive: " + value);
            }
            return value;
        }

        private static int notNegative(int value, String name) {
            if (value < 0) {
                throw new IllegalArgumentException(name + " must not be negative: " + value);
            }
            return value;
        }

        private static Duration positive(Duration value, String name) {
            Objects.requireNonNull(value, name);
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " must be positive: " + value);
            }
            return value;
        }
    }
}
