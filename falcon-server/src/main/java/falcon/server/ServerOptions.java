package falcon.server;

import java.time.Duration;

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
 *       reading the response, is closed</td></tr>
 *   <tr><td>{@code headerReadTimeout}</td><td>{@value #DEFAULT_HEADER_READ_TIMEOUT_SECONDS} s</td>
 *       <td>408 Request Timeout and the connection closed, when the request line and headers do
 *       not arrive in time once the first byte has</td></tr>
 * </table>
 *
 * <p>Framing errors (Content-Length together with Transfer-Encoding, duplicate differing or
 * non-numeric Content-Length, a bad chunk size, an unparsable request line) are answered with 400
 * Bad Request and the connection closed. Error bodies are Falcon's JSON error bodies.
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
    public static final long DEFAULT_IDLE_TIMEOUT_SECONDS = 60;

    /** The default time a client has to send a request line and headers, in seconds. */
    public static final long DEFAULT_HEADER_READ_TIMEOUT_SECONDS = 30;

    /** The default time {@link Server#close()} lets in-flight requests finish, in seconds. */
    public static final long DEFAULT_SHUTDOWN_GRACE_SECONDS = 10;

    /** The value of {@code workerThreads} and {@code ioThreads} that means "choose for me". */
    public static final int AUTO = 0;

    private final String host;
    private final int port;
    private final int maxInitialLineBytes;
    private final int maxHeaderBytes;
    private final int maxHeaderCount;
    private final long maxBodyBytes;
    private final Duration idleTimeout;
    private final Duration headerReadTimeout;
    private final int workerThreads;
    private final ExecutionMode executionMode;
    private final int ioThreads;
    private final Duration shutdownGrace;
    private final boolean shutdownHook;

    ServerOptions(String host, int port, int maxInitialLineBytes, int maxHeaderBytes, int maxHeaderCount,
            long maxBodyBytes, Duration idleTimeout, Duration headerReadTimeout, int workerThreads,
            int ioThreads, Duration shutdownGrace, boolean shutdownHook, ExecutionMode executionMode) {
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
    }

    /** Returns the host name or address to bind. */
    public String host() {
        return host;
    }

    /** Returns the port to bind; {@code 0} picks a free one (see {@link Server#port()}). */
    public int port() {
        return port;
    }

    /** Returns the limit on the request line, in bytes; past it the answer is 414. */
    public int maxInitialLineBytes() {
        return maxInitialLineBytes;
    }

    /** Returns the limit on all header lines together, in bytes; past it the answer is 431. */
    public int maxHeaderBytes() {
        return maxHeaderBytes;
    }

    /** Returns the limit on the number of header lines; past it the answer is 431. */
    public int maxHeaderCount() {
        return maxHeaderCount;
    }

    /** Returns the limit on a request body, in bytes; past it the answer is 413. */
    public long maxBodyBytes() {
        return maxBodyBytes;
    }

    /** Returns how long a connection may stay idle before it is closed. */
    public Duration idleTimeout() {
        return idleTimeout;
    }

    /** Returns how long a client has to finish the request line and headers once it began. */
    public Duration headerReadTimeout() {
        return headerReadTimeout;
    }

    /**
     * Returns the size of the worker pool used when the JVM has no virtual threads (JDK 17), or
     * {@link #AUTO}.
     */
    /** Returns where the App runs: on workers (the default) or on the event loop. */
    public ExecutionMode executionMode() {
        return executionMode;
    }

    /** Returns the number of worker threads on JDK 17 ({@link #AUTO}: chosen by the server). */
    public int workerThreads() {
        return workerThreads;
    }

    /** Returns the number of Netty event-loop threads, or {@link #AUTO} (one per CPU). */
    public int ioThreads() {
        return ioThreads;
    }

    /** Returns how long {@link Server#close()} lets in-flight requests finish. */
    public Duration shutdownGrace() {
        return shutdownGrace;
    }

    /** Returns whether a JVM shutdown hook closes the server. */
    public boolean shutdownHook() {
        return shutdownHook;
    }

    @Override
    public String toString() {
        return "ServerOptions{host=" + host + ", port=" + port + ", maxInitialLineBytes=" + maxInitialLineBytes
                + ", maxHeaderBytes=" + maxHeaderBytes + ", maxHeaderCount=" + maxHeaderCount
                + ", maxBodyBytes=" + maxBodyBytes + ", idleTimeout=" + idleTimeout
                + ", headerReadTimeout=" + headerReadTimeout + ", workerThreads=" + workerThreads
                + ", ioThreads=" + ioThreads + ", shutdownGrace=" + shutdownGrace
                + ", shutdownHook=" + shutdownHook + "}";
    }
}
