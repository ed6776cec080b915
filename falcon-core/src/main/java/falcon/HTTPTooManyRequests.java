package falcon;

import java.time.temporal.TemporalAccessor;

/**
 * 429 Too Many Requests: the client has sent too many requests in a given time.
 *
 * <p>A {@code Retry-After} header tells the client when it may try again (RFC 6585).
 *
 * <p>Falcon: {@code falcon.HTTPTooManyRequests}.
 */
public class HTTPTooManyRequests extends HTTPError {

    private static final long serialVersionUID = 1L;

    /** Creates the error with the status line as its title and no description. */
    public HTTPTooManyRequests() {
        super(Status.HTTP_429);
    }

    /**
     * Creates the error with a title and a description.
     *
     * @param title a short human-friendly title; {@code null} means the status line
     * @param description a human-friendly explanation, or {@code null} for none
     */
    public HTTPTooManyRequests(String title, String description) {
        super(Status.HTTP_429, title, description);
    }

    /**
     * Creates the error with a {@code Retry-After} header in seconds.
     *
     * @param retryAfterSeconds the number of seconds the client should wait
     */
    public HTTPTooManyRequests(long retryAfterSeconds) {
        this(null, null, retryAfterSeconds);
    }

    /**
     * Creates the error with a {@code Retry-After} header holding an HTTP-date.
     *
     * @param retryAfter when to retry, e.g. an {@code Instant} or {@code ZonedDateTime} (sent
     *     in GMT, such as {@code "Wed, 21 Oct 2015 07:28:00 GMT"}); a {@code LocalDateTime}
     *     is taken as UTC
     */
    public HTTPTooManyRequests(TemporalAccessor retryAfter) {
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
    public HTTPTooManyRequests(String title, String description, Object retryAfter) {
        super(Status.HTTP_429, title, description);
        String value = retryAfterValue(retryAfter);
        if (value != null) {
            putHeader("Retry-After", value);
        }
    }
}
