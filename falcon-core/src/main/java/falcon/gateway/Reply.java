package falcon.gateway;

import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.Flow;

/**
 * The response an App hands back to its adapter: status, headers, and a body of bytes or a stream.
 *
 * <p>The headers are final: the App has already set {@code content-length} where the length is
 * known (also on HEAD, where there is no body). When a stream comes without {@code
 * content-length}, the adapter frames it itself (chunked on HTTP/1.1). Header names are lowercase,
 * as Falcon emits them.
 */
public final class Reply {

    private final int status;
    private final String reason;
    private final List<String> headers;
    private final byte[] body;
    private final InputStream stream;
    private final Runnable afterSent;
    private final Flow.Publisher<ByteBuffer> publisher;

    /**
     * Creates a reply.
     *
     * @param status the status code
     * @param reason the reason phrase
     * @param headers header names and values, flat: name, value, name, value, ...
     * @param body the body bytes, or {@code null} when there is none or a stream is sent
     * @param stream the body stream, or {@code null}; the adapter closes it after sending
     * @param afterSent run once after the response has been written or has failed; may be null
     */
    public Reply(int status, String reason, List<String> headers, byte[] body, InputStream stream,
            Runnable afterSent) {
        this.status = status;
        this.reason = reason;
        this.headers = headers;
        this.body = body;
        this.stream = stream;
        this.afterSent = afterSent;
        this.publisher = null;
    }

    /**
     * Creates a reply whose body is published asynchronously: the adapter subscribes, requests
     * chunks only as fast as the client takes them, and cancels the subscription when the client
     * goes away.
     *
     * @param status the status code
     * @param reason the reason phrase
     * @param headers header names and values, flat
     * @param publisher the body chunks; never null
     * @param afterSent run once after the body has been written or has failed; may be null
     */
    public Reply(int status, String reason, List<String> headers, Flow.Publisher<ByteBuffer> publisher,
            Runnable afterSent) {
        this.status = status;
        this.reason = reason;
        this.headers = headers;
        this.body = null;
        this.stream = null;
        this.afterSent = afterSent;
        this.publisher = publisher;
    }

    /**
     * Returns the body publisher, or {@code null} when the body is bytes or a stream.
     *
     * @return the body publisher, or {@code null}
     */
    public Flow.Publisher<ByteBuffer> publisher() {
        return publisher;
    }

    /**
     * Returns the status code.
     *
     * @return the status code
     */
    public int status() {
        return status;
    }

    /**
     * Returns the reason phrase.
     *
     * @return the reason phrase
     */
    public String reason() {
        return reason;
    }

    /**
     * Returns the headers flat, name then value; names are lowercase.
     *
     * @return the header names and values, flat (not copied)
     */
    public List<String> headers() {
        return headers;
    }

    /**
     * Returns the number of header lines.
     *
     * @return the number of header lines
     */
    public int headerCount() {
        return headers.size() / 2;
    }

    /**
     * Returns the name of header line {@code i}.
     *
     * @param i the index of the header line, from 0
     * @return the header name
     */
    public String headerName(int i) {
        return headers.get(2 * i);
    }

    /**
     * Returns the value of header line {@code i}.
     *
     * @param i the index of the header line, from 0
     * @return the header value
     */
    public String headerValue(int i) {
        return headers.get(2 * i + 1);
    }

    /**
     * Returns the first value of header {@code name} (lowercase), or {@code null}.
     *
     * @param name the header name; compared case-insensitively
     * @return the first value, or {@code null} when the header is absent
     */
    public String header(String name) {
        for (int i = 0; i < headers.size(); i += 2) {
            if (headers.get(i).equalsIgnoreCase(name)) {
                return headers.get(i + 1);
            }
        }
        return null;
    }

    /**
     * Returns the body bytes, or {@code null} when there is none or a stream is sent.
     *
     * @return the body bytes (not copied), or {@code null}
     */
    public byte[] body() {
        return body;
    }

    /**
     * Returns the body stream, or {@code null}.
     *
     * @return the body stream, or {@code null} when the body is not a stream
     */
    public InputStream stream() {
        return stream;
    }

    /**
     * Returns whether there are after-response callbacks, so that an adapter can skip a task.
     *
     * @return {@code true} when there is an after-response callback
     */
    public boolean hasAfterSent() {
        return afterSent != null;
    }

    /** Runs the after-response callbacks; adapters call this once the response is out. */
    public void afterSent() {
        if (afterSent != null) {
            afterSent.run();
        }
    }
}
