package falcon.server.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HttpDateTest {

    private static final DateTimeFormatter IMF_FIXDATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private static String format(long epochSecond) {
        return new String(HttpDate.format(epochSecond), StandardCharsets.US_ASCII);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0 | Thu, 01 Jan 1970 00:00:00 GMT",
        "784111777 | Sun, 06 Nov 1994 08:49:37 GMT", // RFC 9110's example
        "951782400 | Tue, 29 Feb 2000 00:00:00 GMT",
        "4107542399 | Sun, 28 Feb 2100 23:59:59 GMT",
        "4107542400 | Mon, 01 Mar 2100 00:00:00 GMT",
        "1798761599 | Thu, 31 Dec 2026 23:59:59 GMT",
    })
    void formatsKnownInstants(long epochSecond, String expected) {
        assertThat(format(epochSecond)).isEqualTo(expected);
    }

    @Test
    void agreesWithJavaTimeOverFourCenturies() {
        SplittableRandom random = new SplittableRandom(42);
        long end = Instant.parse("2400-01-01T00:00:00Z").getEpochSecond();
        for (int i = 0; i < 200_000; i++) {
            long second = random.nextLong(0, end);
            assertThat(format(second)).as("epoch second %d", second)
                    .isEqualTo(IMF_FIXDATE.format(Instant.ofEpochSecond(second)));
        }
    }

    @Test
    void nowIsTheCurrentSecond() {
        String now = HttpDate.now().toString();
        long second = System.currentTimeMillis() / 1000;
        assertThat(now).isIn(format(second - 1), format(second), format(second + 1));
    }
}
