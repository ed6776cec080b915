package falcon;

import java.time.temporal.TemporalAccessor;

/**
 * 413 Content Too Large: the request content is larger than the server will accept (RFC 9110
 * section 15.5.14 renamed "Payload Too Large").
 *
 * <p>If the condition is temporary, a {@code Retry-After} header says when to try again. {@link
 * HTTPPayloadTooLarge}, the Falcon 3 name, is a subclass with Falcon 3.1's status line {@code 413
 * Payload Too Large}; the server's body limit raises that one, so an error handler for this class
 * handles both.
 *
 * <p>Falcon 4.0: {@code falcon.HTTPContentTooLarge}.
 */
public class HTTPContentTooLarge extends HTTPError {

    /** This error's status line: {@value}. */
    public static final String STATUS = "413 Content Too Large";

    private static final long serialVersionUID = 1L;

    /** Creates the error with the status line as its title and no description. */
    public HTTPContentTooLarge() {
        this(null, null, (Object) null);
    }

    /**
     * Creates the error with a title and a description.
     *
     * @param title a short human-friendly title; {@code null} means the status line
     * @param description a human-friendly explanation, or {@code null} for none
     */
    public HTTPContentTooLarge(String title, String description) {
        this(title, description, (Object) null);
    }

    /**
     * Creates the error with a {@code Retry-After} header in seconds.
     *
     * @param retryAfterSeconds the number of seconds the client should wait
     */
    public HTTPContentTooLarge(long retryAfterSeconds) {
        this(null, null, retryAfterSeconds);
    }

    /**
     * Creates the error with a {@code Retry-After} header holding an HTTP-date.
     *
     * @param retryAfter when to retry, e.g. an {@code Instant} or {@code ZonedDateTime} (sent
     *     in GMT, such as {@code "Wed, 21 Oct 2015 07:28:00 GMT"}); a {@code LocalDateTime}
     *     is taken as UTC
     */
    public HTTPContentTooLarge(TemporalAccessor retryAfter) {
        this(null, null, retryAfter);
    }

    /**
     * Creates the error with a title, a description and an optional {@code Retry-After}.
     *
     * <p>Falcon: the {@code retry_after} keyword argument.
     *
     * @param title a short human-friendly title; {@code null} means the status line
     * @param description a human-friendly explanation, or {@code null} for none
     * @param retryAfter seconds as a {@code Number}, a date as a {@code TemporalAccessor}
     *     (sent as an HTTP-date in GMT), any other value as its {@code toString()}, or
     *     {@code null} for no header
     */
    public HTTPContentTooLarge(String title, String description, Object retryAfter) {
        this(STATUS, title, description, retryAfter);
    }

    /**
     * Creates the error with another status line, for {@link HTTPPayloadTooLarge}.
     *
     * @param status the status line
     * @param title a short human-friendly title; {@code null} means the status line
     * @param description a human-friendly explanation, or {@code null} for none
     * @param retryAfter as in {@link #HTTPContentTooLarge(String, String, Object)}
     */
    protected HTTPContentTooLarge(String status, String title, String description, Object retryAfter) {
        super(status, title, description);
        String value = retryAfterValue(retryAfter);
        if (value != null) {
            putHeader("Retry-After", value);
        }
    }
}
