package falcon.server;

import java.nio.file.Path;
import java.time.Duration;
import javax.net.ssl.KeyManagerFactory;

/**
 * The settings of a {@link Server}: address, limits, timeouts and threads.
 *
 * <p>Every limit is on by default. What happens when a request exceeds one:
 *
 * <table>
 *   <caption>Limits</caption>
 *   <tr><th>setting</th><th>default</th><th>when exceeded</th></tr>
 *   <tr><td>{@code maxInitialLineBytes}</td><td>{@value #DEFAULT_MAX_INITIAL_LINE_BYTES}</td>
 *       <td>414 URI Too Long, connection closed</td></tr>
 *   <tr><td>{@code maxHeaderBytes}</td><td>{@value #DEFAULT_MAX_HEADER_BYTES}</td>
 *       <td>431 Request Header Fields Too Large, connection closed</td></tr>
 *   <tr><td>{@code maxHeaderCount}</td><td>{@value #DEFAULT_MAX_HEADER_COUNT}</td>
 *       <td>431 Request Header Fields Too Large, connection closed</td></tr>
 *   <tr><td>{@code maxBodyBytes}</td><td>{@value #DEFAULT_MAX_BODY_BYTES}</td>
 *       <td>413 Content Too Large, before the body is read when Content-Length says so; for a
 *       chunked body the body stream throws {@link falcon.HTTPPayloadTooLarge} once the limit
 *       is passed; the connection is closed after the response</td></tr>
 *   <tr><td>{@code idleTimeout}</td><td>{@value #DEFAULT_IDLE_TIMEOUT_SECONDS} s</td>
 *       <td>an idle keep-alive connection, or one whose client stopped sending the body or
 *       reading the response, is closed; on HTTP/2 each stream has its own timer and is reset
 *       ({@code RST_STREAM}), the connection closing (GOAWAY) once no stream is open</td></tr>
 *   <tr><td>{@code minBodyDataRate}</td><td>{@value #DEFAULT_MIN_BODY_BYTES_PER_SECOND} B/s after
 *       {@value #DEFAULT_BODY_RATE_GRACE_SECONDS} s</td>
 *       <td>408 Request Timeout (the App's next body read throws it, the App answers it) and the
 *       connection closed, when a streamed request body arrives more slowly than this over the
 *       last grace period; not counted while the App is not reading</td></tr>
 *   <tr><td>{@code webSocketIdleTimeout}</td><td>{@value #DEFAULT_WEBSOCKET_IDLE_TIMEOUT_SECONDS} s</td>
 *       <td>a WebSocket that sends nothing for half of it is pinged; one that answers nothing for
 *       the other half is closed with 1001</td></tr>
 *   <tr><td>{@code headerReadTimeout}</td><td>{@value #DEFAULT_HEADER_READ_TIMEOUT_SECONDS} s</td>
 *       <td>408 Request Timeout and the connection closed, when the request line and headers do
 *       not arrive in time once the first byte has</td></tr>
 * </table>
 *
 * <p>Requests HTTP forbids are answered before the App runs, and the connection closed:
 * <table>
 *   <caption>Checks before the App</caption>
 *   <tr><th>request</th><th>answer</th></tr>
 *   <tr><td>framing errors: Content-Length with Transfer-Encoding, differing or non-numeric
 *       Content-Length, a bad chunk size, an unparsable request line or header line</td>
 *       <td>400 Bad Request</td></tr>
 *   <tr><td>a version written other than {@code HTTP/1.0} or {@code HTTP/1.1} (e.g. {@code
 *       http/1.1})</td><td>400 Bad Request</td></tr>
 *   <tr><td>a major version other than 1 ({@code HTTP/9.9}, the HTTP/2 preface without h2c)</td>
 *       <td>505 HTTP Version Not Supported</td></tr>
 *   <tr><td>HTTP/1.1 without {@code Host}, with two, or with one that is not {@code
 *       host[:port]}</td><td>400 Bad Request</td></tr>
 *   <tr><td>a control character, space or NUL in the request target</td><td>400 Bad Request</td></tr>
 *   <tr><td>a WebSocket handshake without a valid {@code Sec-WebSocket-Key} (the base64 of 16
 *       bytes), or on HTTP/1.0</td><td>400 Bad Request</td></tr>
 * </table>
 * Their bodies are rendered by the App's error serializer ({@code Handler.errorReply}): Falcon's
 * JSON or XML error body by {@code Accept}. A client that shuts down its sending side after its
 * requests (half-close) still gets the answers; then the connection is closed.
 *
 * <p>Over HTTP/2 the same limits hold per stream, with the same status codes and error bodies;
 * "connection closed" then means the stream is reset, and the connection stays open for other
 * streams. {@code maxInitialLineBytes} bounds the request target ({@code :path}). HTTP/2 adds
 * two limits of its own: {@code maxConcurrentStreams} (default {@value
 * #DEFAULT_MAX_CONCURRENT_STREAMS}; the client is told in SETTINGS and further streams are
 * refused), and SETTINGS_MAX_HEADER_LIST_SIZE, derived from the header limits (see {@link
 * #maxHeaderListSize()}), past which Netty answers 431 without a body, or ends the connection
 * at 1.25 times it.
 *
 * <p>Instances are immutable; build them with {@link Server#builder(falcon.gateway.Handler)}.
 */
public final class ServerOptions {

    /** The default host to bind: every interface. */
    public static final String DEFAULT_HOST = "0.0.0.0";

    /** The default port. */
    public static final int DEFAULT_PORT = 8000;

    /** The default limit on the request line (method, target, version), in bytes. */
    public static final int DEFAULT_MAX_INITIAL_LINE_BYTES = 8192;

    /** The default limit on all header lines of a request together, in bytes. */
    public static final int DEFAULT_MAX_HEADER_BYTES = 8192;

    /** The default limit on the number of header lines of a request. */
    public static final int DEFAULT_MAX_HEADER_COUNT = 100;

    /** The default limit on a request body, in bytes (16 MiB). */
    public static final long DEFAULT_MAX_BODY_BYTES = 16L * 1024 * 1024;

    /** The default time after which an idle connection is closed, in seconds. */
    public static final long DEFAULT_IDLE_TIMEOUT_SECONDS = 30;

    /** The default time a client has to send a request line and headers, in seconds. */
    public static final long DEFAULT_HEADER_READ_TIMEOUT_SECONDS = 30;

    /** The default time {@link Server#close()} lets in-flight requests finish, in seconds. */
    public static final long DEFAULT_SHUTDOWN_GRACE_SECONDS = 5;

    /** The default minimum rate of a streamed request body, in bytes per second (Kestrel's). */
    public static final long DEFAULT_MIN_BODY_BYTES_PER_SECOND = 240;

    /** The default grace period before, and window over which, the body rate is checked, in seconds. */
    public static final long DEFAULT_BODY_RATE_GRACE_SECONDS = 5;

    /** The default time after which a silent WebSocket is closed, in seconds (pinged at half). */
    public static final long DEFAULT_WEBSOCKET_IDLE_TIMEOUT_SECONDS = 60;

    /** The value of {@code workerThreads} and {@code ioThreads} that means "choose for me". */
    public static final int AUTO = 0;

    /** The default limit on concurrent HTTP/2 streams per connection (SETTINGS_MAX_CONCURRENT_STREAMS). */
    public static final int DEFAULT_MAX_CONCURRENT_STREAMS = 100;

    /** The smallest response body compressed when compression is on, in bytes. */
    public static final int DEFAULT_COMPRESSION_MIN_BYTES = 1024;

    /** HPACK counts 32 bytes of overhead per header field (RFC 7541 section 4.1). */
    private static final int HPACK_ENTRY_OVERHEAD = 32;

    /** The pseudo-header fields of a request: :method, :scheme, :authority, :path. */
    private static final int PSEUDO_HEADERS = 4;

    private final String host;
    private final int port;
    private final int maxInitialLineBytes;
    private final int maxHeaderBytes;
    private final int maxHeaderCount;
    private final long maxBodyBytes;
    private final Duration idleTimeout;
    private final Duration headerReadTimeout;
    private final long minBodyBytesPerSecond;
    private final Duration bodyRateGracePeriod;
    private final Duration webSocketIdleTimeout;
    private final int workerThreads;
    private final ExecutionMode executionMode;
    private final int ioThreads;
    private final Duration shutdownGrace;
    private final boolean shutdownHook;
    private final Path tlsCertificateChain;
    private final Path tlsPrivateKey;
    private final KeyManagerFactory tlsKeyManagerFactory;
    private final boolean http2;
    private final boolean h2c;
    private final int maxConcurrentStreams;
    private final boolean compression;
    private final int compressionMinBytes;
    private final boolean decompressRequests;
    private final Duration drainDelay;

    ServerOptions(String host, int port, int maxInitialLineBytes, int maxHeaderBytes, int maxHeaderCount,
            long maxBodyBytes, Duration idleTimeout, Duration headerReadTimeout, int workerThreads,
            int ioThreads, Duration shutdownGrace, boolean shutdownHook, ExecutionMode executionMode,
            Path tlsCertificateChain, Path tlsPrivateKey, KeyManagerFactory tlsKeyManagerFactory, boolean http2,
            boolean h2c, int maxConcurrentStreams, long minBodyBytesPerSecond, Duration bodyRateGracePeriod,
            Duration webSocketIdleTimeout, boolean compression, int compressionMinBytes, boolean decompressRequests,
            Duration drainDelay) {
        this.drainDelay = drainDelay;
        this.compression = compression;
        this.compressionMinBytes = compressionMinBytes;
        this.decompressRequests = decompressRequests;
        this.minBodyBytesPerSecond = minBodyBytesPerSecond;
        this.bodyRateGracePeriod = bodyRateGracePeriod;
        this.webSocketIdleTimeout = webSocketIdleTimeout;
        this.executionMode = executionMode;
        this.host = host;
        this.port = port;
        this.maxInitialLineBytes = maxInitialLineBytes;
        this.maxHeaderBytes = maxHeaderBytes;
        this.maxHeaderCount = maxHeaderCount;
        this.maxBodyBytes = maxBodyBytes;
        this.idleTimeout = idleTimeout;
        this.headerReadTimeout = headerReadTimeout;
        this.workerThreads = workerThreads;
        this.ioThreads = ioThreads;
        this.shutdownGrace = shutdownGrace;
        this.shutdownHook = shutdownHook;
        this.tlsCertificateChain = tlsCertificateChain;
        this.tlsPrivateKey = tlsPrivateKey;
        this.tlsKeyManagerFactory = tlsKeyManagerFactory;
        this.http2 = http2;
        this.h2c = h2c;
        this.maxConcurrentStreams = maxConcurrentStreams;
    }

    /**
     * Returns the host name or address to bind.
     *
     * @return the host name or address
     */
    public String host() {
        return host;
    }

    /**
     * Returns the port to bind; {@code 0} picks a free one (see {@link Server#port()}).
     *
     * @return the port, or {@code 0} for a free one
     */
    public int port() {
        return port;
    }

    /**
     * Returns the limit on the request line, in bytes; past it the answer is 414.
     *
     * @return the limit on the request line, in bytes
     */
    public int maxInitialLineBytes() {
        return maxInitialLineBytes;
    }

    /**
     * Returns the limit on all header lines together, in bytes; past it the answer is 431.
     *
     * @return the limit on all header lines together, in bytes
     */
    public int maxHeaderBytes() {
        return maxHeaderBytes;
    }

    /**
     * Returns the limit on the number of header lines; past it the answer is 431.
     *
     * @return the limit on the number of header lines
     */
    public int maxHeaderCount() {
        return maxHeaderCount;
    }

    /**
     * Returns the limit on a request body, in bytes; past it the answer is 413.
     *
     * @return the limit on a request body, in bytes
     */
    public long maxBodyBytes() {
        return maxBodyBytes;
    }

    /**
     * Returns how long a connection may stay idle before it is closed.
     *
     * @return the idle timeout
     */
    public Duration idleTimeout() {
        return idleTimeout;
    }

    /**
     * Returns how long a client has to finish the request line and headers once it began.
     *
     * @return the header read timeout
     */
    public Duration headerReadTimeout() {
        return headerReadTimeout;
    }

    /**
     * Returns the minimum rate of a streamed request body, in bytes per second; 0 when off.
     *
     * @return the minimum body data rate
     */
    public long minBodyBytesPerSecond() {
        return minBodyBytesPerSecond;
    }

    /**
     * Returns how long a body may take before its rate is checked, and the window it is measured
     * over.
     *
     * @return the grace period of the body rate check
     */
    public Duration bodyRateGracePeriod() {
        return bodyRateGracePeriod;
    }

    /**
     * Returns how long a WebSocket may stay silent before it is closed (it is pinged at half).
     *
     * @return the WebSocket idle timeout
     */
    public Duration webSocketIdleTimeout() {
        return webSocketIdleTimeout;
    }

    /**
     * Returns where the App runs: on workers (the default) or on the event loop.
     *
     * @return the execution mode
     */
    public ExecutionMode executionMode() {
        return executionMode;
    }

    /**
     * Returns the number of worker threads on JDK 17 ({@link #AUTO}: chosen by the server).
     *
     * @return the number of worker threads, or {@link #AUTO}
     */
    public int workerThreads() {
        return workerThreads;
    }

    /**
     * Returns the number of Netty event-loop threads, or {@link #AUTO} (one per CPU).
     *
     * @return the number of event-loop threads, or {@link #AUTO}
     */
    public int ioThreads() {
        return ioThreads;
    }

    /**
     * Returns how long {@link Server#close()} lets in-flight requests finish.
     *
     * @return the shutdown grace period
     */
    public Duration shutdownGrace() {
        return shutdownGrace;
    }

    /**
     * Returns whether a JVM shutdown hook closes the server.
     *
     * @return whether a shutdown hook closes the server
     */
    public boolean shutdownHook() {
        return shutdownHook;
    }

    /**
     * Returns whether the server speaks TLS (HTTPS): a certificate and key were given.
     *
     * @return whether TLS is on: certificate files or a key manager factory were given
     */
    public boolean tls() {
        return tlsCertificateChain != null || tlsKeyManagerFactory != null;
    }

    /**
     * Returns the PEM file of the certificate chain, or {@code null} when not given as files.
     *
     * @return the certificate chain file, or {@code null}
     */
    public Path tlsCertificateChain() {
        return tlsCertificateChain;
    }

    /**
     * Returns the PEM file of the PKCS#8 private key, or {@code null} when not given as files.
     *
     * @return the private key file, or {@code null}
     */
    public Path tlsPrivateKey() {
        return tlsPrivateKey;
    }

    /**
     * Returns the key manager factory holding the key and certificate, or {@code null}.
     *
     * @return the key manager factory, or {@code null}
     */
    public KeyManagerFactory tlsKeyManagerFactory() {
        return tlsKeyManagerFactory;
    }

    /**
     * Returns whether HTTP/2 is offered over TLS (ALPN {@code h2}, then {@code http/1.1}); only
     * matters with {@link #tls()}. Default {@code true}.
     *
     * @return whether HTTP/2 is offered over TLS
     */
    public boolean http2() {
        return http2;
    }

    /**
     * Returns whether cleartext HTTP/2 is accepted on a server without TLS, by prior knowledge or
     * {@code Upgrade: h2c}. Default {@code false}.
     *
     * @return whether cleartext HTTP/2 is accepted
     */
    public boolean h2c() {
        return h2c;
    }

    /**
     * Returns the limit on concurrent HTTP/2 streams of one connection.
     *
     * @return the limit on concurrent HTTP/2 streams
     */
    public int maxConcurrentStreams() {
        return maxConcurrentStreams;
    }

    /**
     * Returns whether responses are compressed (gzip or deflate, by the request's {@code
     * Accept-Encoding}); default {@code false}. Only bodies held in memory of at least {@link
     * #compressionMinBytes()} bytes and a compressible media type (text, JSON, XML, JavaScript,
     * SVG) are; never a 206, a body with its own {@code Content-Encoding}, SSE or another stream,
     * a file, or a response with {@code Cache-Control: no-transform} (the per-response opt-out).
     *
     * @return whether responses are compressed
     */
    public boolean compression() {
        return compression;
    }

    /**
     * Returns the smallest body compressed, in bytes; default {@value #DEFAULT_COMPRESSION_MIN_BYTES}.
     *
     * @return the compression threshold in bytes
     */
    public int compressionMinBytes() {
        return compressionMinBytes;
    }

    /**
     * Returns whether request bodies sent with {@code Content-Encoding: gzip} or {@code deflate}
     * are decompressed for the App (which then sees neither that header nor {@code
     * Content-Length}); default {@code false}, and such bodies reach the App as sent. {@link
     * #maxBodyBytes()} then limits the decompressed size: the body stream throws {@link
     * falcon.HTTPPayloadTooLarge} (413) once more has come out, so a small "zip bomb" is stopped
     * at the limit; data that is not valid gzip or deflate is a 400.
     *
     * @return whether request bodies are decompressed
     */
    public boolean decompressRequests() {
        return decompressRequests;
    }

    /**
     * Returns how long the server keeps serving, as usual, after it was asked to stop and before it
     * stops accepting connections; default zero. During it the App is draining ({@code
     * Handler.draining()}, {@code App.isDraining()}): {@code HealthResource}'s readiness answers
     * 503, so that a load balancer or Kubernetes takes the instance out of rotation while it still
     * answers what was sent to it. Then the graceful close of {@link #shutdownGrace()} follows.
     *
     * @return the drain delay
     */
    public Duration drainDelay() {
        return drainDelay;
    }

    /**
     * Returns the SETTINGS_MAX_HEADER_LIST_SIZE the server announces over HTTP/2.
     *
     * <p>It leaves room for the request target and the per-field overhead HPACK counts (RFC 7541
     * section 4.1), so that a request within {@link #maxInitialLineBytes()}, {@link
     * #maxHeaderBytes()} and {@link #maxHeaderCount()} always fits; the server then checks those
     * three limits itself, answering with Falcon's error bodies as over HTTP/1.1.
     *
     * @return the header list size limit, in bytes
     */
    public long maxHeaderListSize() {
        return (long) maxInitialLineBytes + maxHeaderBytes
                + (long) HPACK_ENTRY_OVERHEAD * ((long) maxHeaderCount + PSEUDO_HEADERS);
    }

    @Override
    public String toString() {
        return "ServerOptions{host=" + host + ", port=" + port + ", maxInitialLineBytes=" + maxInitialLineBytes
                + ", maxHeaderBytes=" + maxHeaderBytes + ", maxHeaderCount=" + maxHeaderCount
                + ", maxBodyBytes=" + maxBodyBytes + ", idleTimeout=" + idleTimeout
                + ", headerReadTimeout=" + headerReadTimeout + ", workerThreads=" + workerThreads
                + ", ioThreads=" + ioThreads + ", shutdownGrace=" + shutdownGrace
                + ", shutdownHook=" + shutdownHook + ", executionMode=" + executionMode + ", tls=" + tls()
                + ", http2=" + http2 + ", h2c=" + h2c + ", maxConcurrentStreams=" + maxConcurrentStreams + ", compression=" + compression
                + ", compressionMinBytes=" + compressionMinBytes + ", decompressRequests=" + decompressRequests + ", drainDelay=" + drainDelay + "}";
    }
}
