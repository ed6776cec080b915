package falcon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Falcon: tests/test_request_forwarded.py; parses recorded from Falcon 3.1.1's parser. */
class ForwardedTest {

    private static String render(List<Forwarded> hops) {
        List<String> out = new ArrayList<>();
        for (Forwarded f : hops) {
            out.add(Arrays.asList(f.getSrc(), f.getDest(), f.getHost(), f.getScheme()).toString());
        }
        return String.join(" ", out);
    }

    @ParameterizedTest(name = "[{0}]")
    @CsvSource(delimiter = '|', value = {
        "'for=\"a\\\"b\" x\u0001\"'|[a\"b, null, null, null]",
        "For=1;BY=2;Host=h;Proto=HTTP|[1, 2, h, http]",
        "for=1 for=2, for=3|[1, null, null, null] [3, null, null, null]",
        ";;for=1|[1, null, null, null]",
        "for=\"unterminated|''",
        "'host=\"a\\\\b\"'|[null, null, a\\b, null]",
        "for=1,,for=2|[1, null, null, null] [2, null, null, null]",
        "'for=\"a\\\"b\" junk, proto=http'|[a\"b, null, null, null] [null, null, null, http]",
        "''|''",
        "garbage|''",
    })
    void parsesBestEffortAsFalcon(String header, String expected) {
        assertThat(render(Forwarded.parse(header))).isEqualTo(expected);
    }
}
