package falcon.util;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

/**
 * HTTP dates (RFC 9110 IMF-fixdate), e.g. {@code Tue, 15 Nov 1994 08:12:31 GMT}.
 *
 * <p>Falcon: {@code falcon.util.dt_to_http} and {@code http_date_to_dt}.
 */
public final class HttpDates {

    private static final DateTimeFormatter IMF_FIXDATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter RFC_850 =
            DateTimeFormatter.ofPattern("EEEE, dd-MMM-yy HH:mm:ss 'GMT'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter ASCTIME =
            DateTimeFormatter.ofPattern("EEE MMM d HH:mm:ss yyyy", Locale.ROOT).withZone(ZoneOffset.UTC);

    private HttpDates() {
    }

    /**
     * Formats a point in time as an HTTP date. A {@link LocalDateTime} is taken to be UTC, as
     * Falcon takes a naive datetime.
     */
    public static String dtToHttp(TemporalAccessor time) {
        if (time instanceof LocalDateTime) {
            time = ((LocalDateTime) time).atOffset(ZoneOffset.UTC);
        }
        return IMF_FIXDATE.format(time);
    }

    /**
     * Parses an HTTP date into UTC.
     *
     * @param value the header value
     * @param obsDate whether the obsolete RFC 850 and asctime forms are accepted too
     * @return the time, or {@code null} when the value is not an HTTP date
     */
    public static LocalDateTime httpDateToDt(String value, boolean obsDate) {
        String text = value.strip();
        try {
            return ZonedDateTime.parse(text, IMF_FIXDATE).toLocalDateTime();
        } catch (DateTimeParseException ex) {
            if (!obsDate) {
                return null;
            }
        }
        for (DateTimeFormatter f : new DateTimeFormatter[] {RFC_850, ASCTIME}) {
            try {
                return ZonedDateTime.parse(text, f).toLocalDateTime();
            } catch (DateTimeParseException ex) {
                // try the next form
            }
        }
        return null;
    }

    /** Returns the HTTP date of {@code instant}. */
    public static String format(Instant instant) {
        return IMF_FIXDATE.format(instant);
    }
}
