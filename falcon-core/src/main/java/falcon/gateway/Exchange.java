package falcon.gateway;

import falcon.internal.Publishers;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;

/**
 * One HTTP request/response exchange, as a server adapter hands it to the App.
 *
 * <p>The adapter fills in what it received; the App reads it once, handles the request and calls
 * {@link #respond(Reply)} exactly once, possibly from another thread than the one that called
 * {@link Handler#handle(Exchange)}.
 */
public interface Exchange {

    /**
     * Returns the request method as sent, e.g. {@code GET}.
     *
     * @return the request method
     */
    String method();

    /**
     * Returns the path of the request target, still percent-encoded, e.g. {@code /a%20b}.
     *
     * @return the raw path
     */
    String rawPath();

    /**
     * Returns the raw query string without the {@code ?}; empty when there is none.
     *
     * @return the raw query string; empty when there is none
     */
    String queryString();

    /**
     * Returns the protocol of the request line, e.g. {@code HTTP/1.1}.
     *
     * @return the protocol
     */
    String protocol();

    /**
     * Returns {@code http} or {@code https}: how the client reached this server.
     *
     * @return {@code http} or {@code https}
     */
    String scheme();

    /**
     * Returns the host name or address the server listens on (used when Host is absent).
     *
     * @return the server's host name or address
     */
    String serverHost();

    /**
     * Returns the port the server listens on.
     *
     * @return the server port
     */
    int serverPort();

    /**
     * Returns the address of the peer (the client or the last proxy).
     *
     * @return the peer's address
     */
    String remoteAddr();

    /**
     * Returns the path under which the App is mounted (WSGI {@code SCRIPT_NAME}); usually empty.
     *
     * @return the root path; empty by default
     */
    default String rootPath() {
        return "";
    }

    /**
     * Returns the request headers; names compare case-insensitively.
     *
     * @return the request headers
     */
    RequestHeaders headers();

    /**
     * Returns the request body as a stream bounded by the message framing: it ends where the body
     * ends and never blocks past it. An empty stream when there is no body.
     *
     * @return the body stream; empty when there is no body
     */
    InputStream body();


    /**
     * Returns the request body as a publisher of chunks, for reading it without blocking a
     * thread. It may be subscribed once, and not together with {@link #body()}.
     *
     * <p>The default reads {@link #body()} in 16 KiB chunks on {@link #executor()}, one chunk per
     * {@code request(1)}; adapters with a non-blocking body override it.
     *
     * @return a publisher of the body chunks
     */
    default Flow.Publisher<ByteBuffer> bodyPublisher() {
        return Publishers.ofInputStream(body(), executor());
    }

    /**
     * Returns the executor that runs blocking user code for this exchange: asynchronous stages
     * resume on it, and SSE producers run on it. Adapters return their workers.
     *
     * @return the executor for blocking user code
     */
    default Executor executor() {
        return Publishers.blockingExecutor();
    }

    /**
     * Returns the WebSocket channel when this request asks for a WebSocket upgrade and the
     * adapter supports it, else {@code null}. When non-null, the App answers through the channel
     * and never calls {@link #respond(Reply)}.
     *
     * @return the WebSocket channel, or {@code null} when this is not a WebSocket upgrade (the
     *     default)
     */
    default WebSocketChannel webSocket() {
        return null;
    }

    /**
     * Sends the response. Called exactly once per exchange. After the response has been written
     * (or has failed to be), the adapter runs {@link Reply#afterSent()}.
     *
     * @param reply the response to send
     */
    void respond(Reply reply);
}
