package falcon.util;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Falcon: tests/test_utils.py; values from Falcon 3.1.1's falcon.util. */
class UtilTest {

    @ParameterizedTest(name = "{0} obs={1}")
    @CsvSource(delimiter = '|', value = {
        // value | obsDate | expected (empty: ValueError in Falcon, null here)
        "Sun, 06 Nov 1994 08:49:37 GMT|false|1994-11-06T08:49:37",
        "Mon, 06 Nov 1994 08:49:37 GMT|false|1994-11-06T08:49:37",
        "sun, 06 nov 1994 08:49:37 utc|false|1994-11-06T08:49:37",
        "Sun, 06 Nov 1994 08:49:37 EST|true|",
        "'Sun,  6   Nov 1994 08:49:37 GMT'|false|1994-11-06T08:49:37",
        "Sun Nov  6 08:49:37 1994|false|",
        "Sun Nov  6 08:49:37 1994|true|1994-11-06T08:49:37",
        "Sun, 06-Nov-1994 08:49:37 GMT|false|",
        "Sun, 06-Nov-1994 08:49:37 GMT|true|1994-11-06T08:49:37",
        "Sunday, 06-Nov-94 08:49:37 GMT|true|1994-11-06T08:49:37",
        "Sunday, 06-Nov-94 08:49:37 GMT|false|",
        "Sun, 30 Feb 1994 08:49:37 GMT|true|",
        "Sun, 06 Nov 1994 08:49:60 GMT|true|",
        "Sun, 06 Nov 1994 8:9:7 GMT|false|1994-11-06T08:09:07",
        "''|false|",
        "garbage|true|",
    })
    void httpDatesParseAsFalconDoes(String value, boolean obsDate, String expected) {
        LocalDateTime parsed = HttpDates.httpDateToDt(value, obsDate);
        assertThat(parsed).isEqualTo(expected == null ? null : LocalDateTime.parse(expected));
    }

    @Test
    void httpDatesFormatInGmt() {
        assertThat(HttpDates.dtToHttp(LocalDateTime.of(2030, 1, 2, 3, 4, 5))).isEqualTo("Wed, 02 Jan 2030 03:04:05 GMT");
        assertThat(HttpDates.dtToHttp(ZonedDateTime.of(2030, 1, 2, 5, 4, 5, 0, ZoneOffset.ofHours(2))))
                .isEqualTo("Wed, 02 Jan 2030 03:04:05 GMT");
        assertThat(HttpDates.httpNow()).matches("[A-Z][a-z]{2}, \\d\\d [A-Z][a-z]{2} \\d{4} \\d\\d:\\d\\d:\\d\\d GMT");
        assertThat(HttpDates.httpDateToDt(HttpDates.httpNow())).isNotNull();
    }

    @Test
    void toQueryStrAsFalcon() {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("a", List.of(true, 1, "x y"));
        params.put("b", false);
        params.put("c", "/&=");
        // Falcon 3.1.1: ?a=True,1,x%20y&b=false&c=%2F%26%3D
        assertThat(Misc.toQueryStr(params)).isEqualTo("?a=True,1,x%20y&b=false&c=%2F%26%3D");
        Map<String, Object> repeated = new LinkedHashMap<>();
        repeated.put("a", List.of(true, "x,y"));
        assertThat(Misc.toQueryStr(repeated, false, false)).isEqualTo("a=true&a=x%2Cy");
        assertThat(Misc.toQueryStr(Map.of())).isEmpty();
    }

    @Test
    void secureFilenameAsFalcon() {
        assertThat(Misc.secureFilename("../etc/passwd")).isEqualTo("_._etc_passwd");
        assertThat(Misc.secureFilename("\u00dcn\u00efcode na\u00efve.txt")).isEqualTo("U_ni_code_nai_ve.txt");
        assertThat(Misc.secureFilename("\ufb01\ud835\udd18.txt")).isEqualTo("fiU.txt");
        assertThatThrownBy(() -> Misc.secureFilename("")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("filename may not be an empty string");
    }

    @Test
    void etagsCompareWeaklyWithEqualsAndStronglyOnRequest() {
        ETag weak = ETag.loads("W/\"a\"");
        ETag strong = ETag.loads("\"a\"");
        assertThat(weak.isWeak()).isTrue();
        assertThat(weak.dumps()).isEqualTo("W/\"a\"");
        assertThat(strong.dumps()).isEqualTo("\"a\"");
        assertThat(weak).isEqualTo(strong);
        assertThat(weak.hashCode()).isEqualTo(strong.hashCode());
        assertThat(strong.strongCompare(ETag.loads("\"a\""))).isTrue();
        assertThat(strong.strongCompare(weak)).isFalse();
        assertThat(ETag.loads("w/\"a\"").isWeak()).isTrue();
        assertThat(ETag.loads("\"").value()).isEmpty();
        assertThat(ETag.loads("abc").dumps()).isEqualTo("\"abc\"");
        assertThat(strong.toString()).isEqualTo("a");
    }

    @Test
    void contextIsAMapWithAFluentSetter() {
        Context ctx = new Context().set("user", "ann");
        assertThat(ctx.get("user", String.class)).isEqualTo("ann");
        assertThat(ctx).containsEntry("user", "ann");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // Falcon 4.1: tests/test_utils.py test_secure_filename
        "hello.txt|0|hello.txt",
        "hello.txt|8|hell.txt",
        "hello.txt|5|h.txt",
        "hello.txt|4|hell",
        "\u0104\u017euolai \u017ealiuos.jpeg|0|A_z_uolai_z_aliuos.jpeg",
        "\u0104\u017euolai \u017ealiuos.jpeg|10|A_z_u.jpeg",
        "\u0104\u017euolai \u017ealiuos.jpeg|6|A.jpeg",
        "\u0104\u017euolai \u017ealiuos.jpeg|5|A_z_u",
        "\u0104\u017euolai \u017ealiuos.jpeg|3|A_z",
        "\u0104\u017euolai \u017ealiuos.jpeg|1|A",
        ".emacs.d/init.el|11|_emacs.d.el",
        "~/.emacs.d/init.el|11|__.emacs.el",
        ". \u2b05 a dot|10|____a_dot",
    })
    void secureFilenameWithAMaximumLengthAsFalcon41(String filename, int maxLength, String expected) {
        assertThat(Misc.secureFilename(filename, maxLength)).isEqualTo(expected);
    }

    @Test
    void secureFilenameRefusesANegativeMaximumLength() {
        assertThatThrownBy(() -> Misc.secureFilename("Document.pdf", -11)).isInstanceOf(IllegalArgumentException.class);
    }
}
