package falcon.gateway;

import falcon.HTTPError;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The response an App hands back to its adapter: status, headers, and a body.
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
    private final ReplyBody body;
    private final Runnable afterSent;

    /**
     * Creates a reply.
     *
     * @param status the status code
     * @param reason the reason phrase
     * @param headers header names and values, flat: name, value, name, value, ...
     * @param body the body, or {@code null} when there is none
     * @param afterSent run once after the response has been written or has failed; may be null.
     *     It must not throw: the App's callbacks catch and log their own failures
     */
    public Reply(int status, String reason, List<String> headers, ReplyBody body, Runnable afterSent) {
        this.status = status;
        this.reason = reason;
        this.headers = headers;
        this.body = body;
        this.afterSent = afterSent;
    }

    /**
     * Returns {@code error} with Falcon's JSON error body, without the App's serializer: for an
     * adapter whose App could not answer at all (Falcon's body for an unexpected error is {@code
     * {"title": "500 Internal Server Error"}}).
     *
     * @param error the error
     * @return a reply with the error's status, headers and JSON body
     */
    public static Reply error(HTTPError error) {
        byte[] json = error.toJson();
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, String> h : error.getHeaders().entrySet()) {
            lines.add(h.getKey().toLowerCase(Locale.ROOT));
            lines.add(h.getValue());
        }
        lines.add("content-type");
        lines.add("application/json");
        lines.add("content-length");
        lines.add(Integer.toString(json.length));
        String status = error.getStatus();
        int space = status.indexOf(' ');
        return new Reply(error.getStatusCode(), space < 0 ? "" : status.substring(space + 1), List.copyOf(lines),
                new ReplyBody.Bytes(json), null);
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
     * @return the reason phrase, e.g. {@code "OK"}
     */
    public String reason() {
        return reason;
    }

    /**
     * Returns the headers, flat: name, value, name, value, ...
     *
     * @return the header lines; names are lower case
     */
    public List<String> headers() {
        return headers;
    }

    /**
     * Returns the first value of the header {@code name}, compared without case.
     *
     * @param name the header name
     * @return the value, or {@code null} when absent
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
     * Returns the body.
     *
     * @return the body, or {@code null} when there is none
     */
    public ReplyBody body() {
        return body;
    }

    /**
     * Returns whether callbacks wait for the response to be sent.
     *
     * @return whether {@link #afterSent()} does something
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
