package falcon;

import java.time.temporal.TemporalAccessor;

/**
 * 413 Payload Too Large: the request body is larger than the server will accept.
 *
 * <p>If the condition is temporary, a {@code Retry-After} header says when to try again. Falcon
 * 4.0 renamed it {@link HTTPContentTooLarge} (RFC 9110's name), its superclass here; this one keeps
 * Falcon 3.1's status line and body, {@code 413 Payload Too Large}.
 *
 * <p>Falcon: {@code falcon.HTTPPayloadTooLarge}.
 */
public class HTTPPayloadTooLarge extends HTTPContentTooLarge {

    private static final long serialVersionUID = 1L;

    /** Creates the error with the status line as its title and no description. */
    public HTTPPayloadTooLarge() {
        this(null, null, (Object) null);
    }

    /**
     * Creates the error with a title and a description.
     *
     * @param title a short human-friendly title; {@code null} means the status line
     * @param description a human-friendly explanation, or {@code null} for none
     */
    public HTTPPayloadTooLarge(String title, String description) {
        this(title, description, (Object) null);
    }

    /**
     * Creates the error with a {@code Retry-After} header in seconds.
     *
     * @param retryAfterSeconds the number of seconds the client should wait
     */
    public HTTPPayloadTooLarge(long retryAfterSeconds) {
        this(null, null, retryAfterSeconds);
    }

    /**
     * Creates the error with a {@code Retry-After} header holding an HTTP-date.
     *
     * @param retryAfter when to retry, e.g. an {@code Instant} or {@code ZonedDateTime} (sent
     *     in GMT, such as {@code "Wed, 21 Oct 2015 07:28:00 GMT"}); a {@code LocalDateTime}
     *     is taken as UTC
     */
    public HTTPPayloadTooLarge(TemporalAccessor retryAfter) {
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
    public HTTPPayloadTooLarge(String title, String description, Object retryAfter) {
        super(Status.HTTP_413, title, description, retryAfter);
    }
}
