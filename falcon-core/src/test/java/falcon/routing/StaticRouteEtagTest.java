package falcon.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Falcon 4.1: falcon/routing/static.py, {@code f'{int(st.st_mtime):x}-{st.st_size:x}'}. */
class StaticRouteEtagTest {

    @ParameterizedTest
    @CsvSource({
        "1736617934, 133701000, 9, 6782afce-9",
        "1736617934, 999999999, 17, 6782afce-11",
        "0, 0, 0, 0-0",
        // Python's int() truncates toward zero and formats a negative number with a minus sign
        "-2, 500000000, 255, -1-ff",
        "-2, 0, 1, -2-1",
    })
    void theTagIsTheWholeSecondsAndTheSizeInHex(long seconds, int nanos, long size, String tag) {
        assertThat(StaticRoute.etag(Instant.ofEpochSecond(seconds, nanos), size).dumps()).isEqualTo('"' + tag + '"');
        assertThat(StaticRoute.etag(Instant.ofEpochSecond(seconds, nanos), size).isWeak()).isFalse();
    }
}
