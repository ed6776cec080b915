package falcon.util;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTTP dates (RFC 9110 IMF-fixdate), e.g. {@code Tue, 15 Nov 1994 08:12:31 GMT}.
 *
 * <p>Falcon: {@code falcon.http_now}, {@code falcon.dt_to_http} and {@code
 * falcon.http_date_to_dt}.
 */
public final class HttpDates {

    // Falcon's dt_to_http: RFC 1123 in GMT, English names whatever the JVM's locale, and a
    // two-digit day (DateTimeFormatter.RFC_1123_DATE_TIME would write "Wed, 1 Oct").
    private static final DateTimeFormatter IMF_FIXDATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ROOT).withZone(ZoneOffset.UTC);

    // Falcon parses with strptime and these formats; the patterns below are what Python's
    // _strptime compiles them to (case-insensitive, a format space matching any whitespace run,
    // the weekday parsed but never checked against the date, %Z being UTC or GMT).
    private static final String WD = "(?:mon|tue|wed|thu|fri|sat|sun)";
    private static final String WEEKDAY = "(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)";
    private static final String DAY = "(3[01]|[12]\\d|0[1-9]|[1-9]| [1-9])";
    private static final String MON = "(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)";
    private static final String TIME = "(2[0-3]|[0-1]\\d|\\d):([0-5]\\d|\\d):(6[0-1]|[0-5]\\d|\\d)";
    private static final String ZONE = "(?:utc|gmt)";
    private static final String SP = "\\s+";

    // '%a, %d %b %Y %H:%M:%S %Z'
    private static final Pattern IMF = compile(WD + "," + SP + DAY + SP + MON + SP + "(\\d{4})" + SP + TIME + SP
            + ZONE);
    // '%a, %d-%b-%Y %H:%M:%S %Z'
    private static final Pattern DASHED = compile(WD + "," + SP + DAY + "-" + MON + "-(\\d{4})" + SP + TIME + SP
            + ZONE);
    // '%A, %d-%b-%y %H:%M:%S %Z' (RFC 850)
    private static final Pattern RFC_850 = compile(WEEKDAY + "," + SP + DAY + "-" + MON + "-(\\d{2})" + SP + TIME
            + SP + ZONE);
    // '%a %b %d %H:%M:%S %Y' (asctime)
    private static final Pattern ASCTIME = compile(WD + SP + MON + SP + DAY + SP + TIME + SP + "(\\d{4})");

    private static final String MONTHS = "janfebmaraprmayjunjulaugsepoctnovdec";

    private HttpDates() {
    }

    private static Pattern compile(String regex) {
        return Pattern.compile(regex, Pattern.CASE_INSENSITIVE);
    }

    /**
     * Formats a point in time as an HTTP date. A {@link LocalDateTime} is taken to be UTC, as
     * Falcon takes a naive datetime.
     *
     * <p>Falcon: {@code falcon.dt_to_http}.
     *
     * @param time the time to format
     * @return the IMF-fixdate, e.g. {@code Tue, 15 Nov 1994 08:12:31 GMT}
     */
    public static String dtToHttp(TemporalAccessor time) {
        if (time instanceof LocalDateTime) {
            time = ((LocalDateTime) time).atOffset(ZoneOffset.UTC);
        }
        return IMF_FIXDATE.format(time);
    }

    /**
     * Returns the current time as an HTTP date.
     *
     * <p>Falcon: {@code falcon.http_now}.
     *
     * @return the current IMF-fixdate
     */
    public static String httpNow() {
        return IMF_FIXDATE.format(Instant.now());
    }

    /**
     * Parses an HTTP date into UTC, e.g. {@code Tue, 15 Nov 1994 08:12:31 GMT}.
     *
     * <p>As Falcon (through {@code strptime}) does: names match in any case, the day may have
     * one digit, the weekday is not checked against the date, and the zone is {@code GMT} or
     * {@code UTC}. Surrounding whitespace is ignored.
     *
     * <p>Falcon: {@code falcon.http_date_to_dt(http_date, obs_date)}, which raises {@code
     * ValueError} where this returns {@code null}.
     *
     * @param value the header value
     * @param obsDate whether the obsolete forms are accepted too: {@code Sunday, 06-Nov-94
     *     08:49:37 GMT}, {@code Sun, 06-Nov-1994 08:49:37 GMT} and {@code Sun Nov  6 08:49:37 1994}
     * @return the time (naive, in UTC), or {@code null} when the value is not an HTTP date
     */
    public static LocalDateTime httpDateToDt(String value, boolean obsDate) {
        String text = value.strip();
        LocalDateTime result = parse(IMF.matcher(text), 1, 2, 3, false, 4);
        if (result != null || !obsDate) {
            return result;
        }
        result = parse(DASHED.matcher(text), 1, 2, 3, false, 4);
        if (result == null) {
            result = parse(RFC_850.matcher(text), 1, 2, 3, true, 4);
        }
        if (result == null) {
            result = parse(ASCTIME.matcher(text), 2, 1, 6, false, 3);
        }
        return result;
    }

    /**
     * Parses an IMF-fixdate; see {@link #httpDateToDt(String, boolean)}.
     *
     * @param value the header value
     * @return the time (naive, in UTC), or {@code null} when the value is not an IMF-fixdate
     */
    public static LocalDateTime httpDateToDt(String value) {
        return httpDateToDt(value, false);
    }

    private static LocalDateTime parse(Matcher m, int dayGroup, int monthGroup, int yearGroup, boolean twoDigitYear,
            int timeGroup) {
        if (!m.matches()) {
            return null;
        }
        int day = Integer.parseInt(m.group(dayGroup).strip());
        int month = MONTHS.indexOf(m.group(monthGroup).toLowerCase(Locale.ROOT)) / 3 + 1;
        int year = Integer.parseInt(m.group(yearGroup));
        if (twoDigitYear) {
            year += year <= 68 ? 2000 : 1900;   // Python's %y pivot
        }
        int hour = Integer.parseInt(m.group(timeGroup));
        int minute = Integer.parseInt(m.group(timeGroup + 1));
        int second = Integer.parseInt(m.group(timeGroup + 2));
        if (year < 1) {
            return null;   // Python's datetime starts at year 1
        }
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second);
        } catch (DateTimeException ex) {
            return null;   // e.g. 30 Feb, or a leap second (Python's datetime refuses both)
        }
    }

    /**
     * Returns the HTTP date of {@code instant}.
     *
     * @param instant the point in time
     * @return the IMF-fixdate
     */
    public static String format(Instant instant) {
        return IMF_FIXDATE.format(instant);
    }
}
