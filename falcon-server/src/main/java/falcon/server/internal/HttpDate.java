package falcon.server.internal;

import io.netty.util.AsciiString;

/** The {@code Date} header value, formatted once per second (RFC 9110 section 5.6.7). */
final class HttpDate {

    private static volatile Cached cached = new Cached(-1, AsciiString.EMPTY_STRING);

    private HttpDate() {
    }

    /** Returns the current date as an IMF-fixdate, e.g. {@code Sun, 06 Nov 1994 08:49:37 GMT}. */
    static AsciiString now() {
        long millis = System.currentTimeMillis();
        long second = millis / 1000;
        Cached c = cached;
        if (c.second != second) {
            // PERF: formatting costs more than a request's other headers together; once a second.
            c = new Cached(second, new AsciiString(format(second)));
            cached = c;
        }
        return c.value;
    }

    private static final byte[] DAYS = "ThuFriSatSunMonTueWed".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] MONTHS = "JanFebMarAprMayJunJulAugSepOctNovDec"
            .getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /**
     * Formats {@code epochSecond} as an IMF-fixdate by arithmetic. PERF: the first call of a
     * calendar-based formatter (Netty's DateFormatter, java.time) loads ~50 classes (calendars,
     * locale providers, streams), a visible part of the first request's time.
     */
    static byte[] format(long epochSecond) {
        long days = Math.floorDiv(epochSecond, 86_400L);
        int secs = (int) Math.floorMod(epochSecond, 86_400L);
        int weekday = (int) Math.floorMod(days, 7L); // 1970-01-01 was a Thursday
        // civil-from-days (H. Hinnant): the proleptic Gregorian date of a day count since 1970-01-01
        long z = days + 719_468;
        long era = Math.floorDiv(z, 146_097L);
        long doe = z - era * 146_097;
        long yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        int day = (int) (doy - (153 * mp + 2) / 5 + 1);
        int month = (int) (mp < 10 ? mp + 3 : mp - 9);
        long year = yoe + era * 400 + (month <= 2 ? 1 : 0);
        byte[] b = "Thu, 01 Jan 1970 00:00:00 GMT".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        System.arraycopy(DAYS, weekday * 3, b, 0, 3);
        two(b, 5, day);
        System.arraycopy(MONTHS, (month - 1) * 3, b, 8, 3);
        two(b, 12, (int) (year / 100));
        two(b, 14, (int) (year % 100));
        two(b, 17, secs / 3600);
        two(b, 20, secs / 60 % 60);
        two(b, 23, secs % 60);
        return b;
    }

    private static void two(byte[] b, int at, int value) {
        b[at] = (byte) ('0' + value / 10);
        b[at + 1] = (byte) ('0' + value % 10);
    }

    private static final class Cached {
        final long second;
        final AsciiString value;

        Cached(long second, AsciiString value) {
            this.second = second;
            this.value = value;
        }
    }
}
