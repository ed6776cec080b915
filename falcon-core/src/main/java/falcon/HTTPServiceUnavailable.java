package falcon;

import java.time.temporal.TemporalAccessor;

/**
 * 503 Service Unavailable: the server is temporarily unable to handle the request.
 *
 * <p>For example, during maintenance or overload; {@code Retry-After} says when to try again.
 *
 * <p>Falcon: {@code falcon.HTTPServiceUnavailable}.
 */
public class HTTPServiceUnavailable extends HTTPError {

    private static final long serialVersionUID = 1L;

    /** Creates the error with the status line as its title and no description. */
    public HTTPServiceUnavailable() {
        super(Status.HTTP_503);
    }

    /**
     * Creates the error with a title and a description.
     *
     * @param title a short human-friendly title; {@code null} means the status line
     * @param description a human-friendly explanation, or {@code null} for none
     */
    public HTTPServiceUnavailable(String title, String description) {
        super(Status.HTTP_503, title, description);
    }

    /**
     * Creates the error with a {@code Retry-After} header in seconds.
     *
     * @param retryAfterSeconds the number of seconds the client should wait
     */
    public HTTPServiceUnavailable(long retryAfterSeconds) {
        this(null, null, retryAfterSeconds);
    }

    /**
     * Creates the error with a {@code Retry-After} header holding an HTTP-date.
     *
     * @param retryAfter when to retry, e.g. an {@code Instant} or {@code ZonedDateTime} (sent
     *     in GMT, such as {@code "Wed, 21 Oct 2015 07:28:00 GMT"}); a {@code LocalDateTime}
     *     is taken as UTC
     */
    public HTTPServiceUnavailable(TemporalAccessor retryAfter) {
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
    public HTTPServiceUnavailable(String title, String description, Object retryAfter) {
        super(Status.HTTP_503, title, description);
        String value = retryAfterValue(retryAfter);
        if (value != null) {
            putHeader("Retry-After", value);
        }
    }
}
