package falcon;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A response to send at once: raise it from a responder, hook or middleware to short-circuit.
 *
 * <p>Unlike {@link HTTPError}, it can carry any status, such as 204 or a redirect, and its body
 * is sent as given rather than serialized. The App's default handler copies the status,
 * headers and body onto the response.
 *
 * <pre>{@code
 * throw new HTTPStatus(Status.HTTP_204, Map.of("X-Reason", "cached"));
 * }</pre>
 *
 * <p>It is control flow, not a failure, so it records no stack trace.
 *
 * <p>Falcon: {@code falcon.HTTPStatus}.
 */
public class HTTPStatus extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The status line, such as {@code "204 No Content"}. */
    private final String status;
    /** The numeric status code, such as 204. */
    private final int statusCode;
    /** The headers to set on the response, in the order they were given. */
    private final Map<String, String> headers;
    /** The text body, or {@code null} for none. */
    private String text;
    /** The binary body, sent in preference to the text, or {@code null} for none. */
    private byte[] data;

    /**
     * Creates a short-circuit response with a status line such as {@code "204 No Content"}.
     *
     * @param status the status line, e.g. {@link Status#HTTP_204}
     * @throws IllegalArgumentException if {@code status} does not start with a three-digit code
     */
    public HTTPStatus(String status) {
        this(status, null, null);
    }

    /**
     * Creates a short-circuit response with a numeric status such as 204.
     *
     * @param status a code from 100 to 999; it becomes its status line
     * @throws IllegalArgumentException if {@code status} lies outside 100..999
     */
    public HTTPStatus(int status) {
        this(Status.codeToHttpStatus(status), null, null);
    }

    /**
     * Creates a short-circuit response with a status line and headers.
     *
     * @param status the status line
     * @param headers headers to set on the response, copied in iteration order; may be
     *     {@code null}
     * @throws IllegalArgumentException if {@code status} does not start with a three-digit code
     */
    public HTTPStatus(String status, Map<String, String> headers) {
        this(status, headers, null);
    }

    /**
     * Creates a short-circuit response with a numeric status and headers.
     *
     * @param status a code from 100 to 999
     * @param headers headers to set on the response; may be {@code null}
     * @throws IllegalArgumentException if {@code status} lies outside 100..999
     */
    public HTTPStatus(int status, Map<String, String> headers) {
        this(Status.codeToHttpStatus(status), headers, null);
    }

    /**
     * Creates a short-circuit response with a status line, headers and a text body.
     *
     * @param status the status line
     * @param headers headers to set on the response; may be {@code null}
     * @param text the body, sent as UTF-8; {@code null} for none
     * @throws IllegalArgumentException if {@code status} does not start with a three-digit code
     */
    public HTTPStatus(String status, Map<String, String> headers, String text) {
        super(null, null, false, false);   // control flow: no stack trace, no suppression
        this.status = Objects.requireNonNull(status, "status");
        this.statusCode = Status.httpStatusToCode(status);
        this.headers = headers == null ? new LinkedHashMap<>() : new LinkedHashMap<>(headers);
        this.text = text;
    }

    /**
     * Creates a short-circuit response with a numeric status, headers and a text body.
     *
     * @param status a code from 100 to 999
     * @param headers headers to set on the response; may be {@code null}
     * @param text the body, sent as UTF-8; {@code null} for none
     * @throws IllegalArgumentException if {@code status} lies outside 100..999
     */
    public HTTPStatus(int status, Map<String, String> headers, String text) {
        this(Status.codeToHttpStatus(status), headers, text);
    }

    /**
     * Adds a header, replacing an earlier value of the same name.
     *
     * @param name the header name
     * @param value the header value
     * @return this object
     */
    public HTTPStatus withHeader(String name, String value) {
        headers.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
        return this;
    }

    /**
     * Sets the body as text.
     *
     * <p>Falcon: {@code HTTPStatus.text}.
     *
     * @param text the body, sent as UTF-8; {@code null} for none
     * @return this object
     */
    public HTTPStatus withText(String text) {
        this.text = text;
        return this;
    }

    /**
     * Sets the body as bytes; the App sends them in preference to the text, as for a response.
     *
     * @param data the body; {@code null} for none
     * @return this object
     */
    public HTTPStatus withData(byte[] data) {
        this.data = data;
        return this;
    }

    /**
     * Returns the status line, such as {@code "204 No Content"}.
     *
     * <p>Falcon: {@code HTTPStatus.status}.
     *
     * @return the status line
     */
    public String getStatus() {
        return status;
    }

    /**
     * Returns the numeric status code, such as 204.
     *
     * @return the code
     */
    public int getStatusCode() {
        return statusCode;
    }

    /**
     * Returns the headers to set on the response, in the order they were given.
     *
     * <p>Falcon: {@code HTTPStatus.headers}.
     *
     * @return an unmodifiable view; empty if none
     */
    public Map<String, String> getHeaders() {
        return Collections.unmodifiableMap(headers);
    }

    /**
     * Returns the text body.
     *
     * <p>Falcon: {@code HTTPStatus.text}.
     *
     * @return the text, or {@code null} if none
     */
    public String getText() {
        return text;
    }

    /**
     * Returns the text body under its old name.
     *
     * <p>Falcon: {@code HTTPStatus.body}, deprecated in 3.0.
     *
     * @return the text, or {@code null} if none
     * @deprecated use {@link #getText()}
     */
    @Deprecated
    public String getBody() {
        return text;
    }

    /**
     * Returns the binary body.
     *
     * @return the bytes (not copied), or {@code null} if none
     */
    public byte[] getData() {
        return data;
    }

    // For the redirect classes. Falcon: headers.setdefault('location', location), so a
    // caller's own 'location' entry wins; unlike Falcon, the caller's map is not modified.
    static Map<String, String> withLocation(String location, Map<String, String> headers) {
        Objects.requireNonNull(location, "location");
        Map<String, String> all = headers == null ? new LinkedHashMap<>(2) : new LinkedHashMap<>(headers);
        all.putIfAbsent("location", location);
        return all;
    }

    /**
     * Returns the status line, for logs.
     *
     * @return the status line
     */
    @Override
    public String getMessage() {
        return status;
    }
}
