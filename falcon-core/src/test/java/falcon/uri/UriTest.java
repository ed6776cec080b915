package falcon.uri;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Falcon: tests/test_utils.py (TestFalconUtils uri tests); values from Falcon 3.1.1's falcon.uri. */
class UriTest {

    @Test
    void encodeKeepsReservedAndUnreservedCharacters() {
        assertThat(Uri.encode("http://x/a b%20c?q=\u00e9")).isEqualTo("http://x/a%20b%2520c?q=%C3%A9");
        String plain = "http://example.com/a-b_c.d~e?x=1&y=[2]#f";
        assertThat(Uri.encode(plain)).isSameAs(plain);
    }

    @Test
    void encodeCheckEscapedKeepsWellFormedEscapes() {
        assertThat(Uri.encodeCheckEscaped("/a%20b")).isEqualTo("/a%20b");
        assertThat(Uri.encodeCheckEscaped("/a%2")).isEqualTo("/a%252");
        assertThat(Uri.encodeCheckEscaped("/a%zz b")).isEqualTo("/a%25zz%20b");
    }

    @Test
    void encodeValueEncodesDelimitersToo() {
        assertThat(Uri.encodeValue("a/b c~")).isEqualTo("a%2Fb%20c~");
        assertThat(Uri.encodeValueCheckEscaped("a%2Fb")).isEqualTo("a%2Fb");
        assertThat(Uri.encodeValueCheckEscaped("a/b%2F")).isEqualTo("a%2Fb%252F");
        assertThat(Uri.encodeValue("\ud83d\ude00")).isEqualTo("%F0%9F%98%80");
    }

    @Test
    void decodeToleratesMalformedInput() {
        assertThat(Uri.decode("a+b%20c%zz%e9%C3%A9%")).isEqualTo("a b c%zz\ufffd\u00e9%");
        assertThat(Uri.decode("a+b", false)).isEqualTo("a+b");
        assertThat(Uri.decode("a%2")).isEqualTo("a%2");
        assertThat(Uri.decode("%e9")).isEqualTo("\ufffd");
        assertThat(Uri.decode("x+y")).isEqualTo("x y");
        // non-ASCII digits are not hex digits
        assertThat(Uri.decode("%\u0663\u0663")).isEqualTo("%\u0663\u0663");
    }

    @Test
    void decodeReturnsTheSameInstanceWhenThereIsNothingToDo() {
        String s = "/plain/path";
        assertThat(Uri.decode(s)).isSameAs(s);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "[::1]:8080|::1|8080",
        "[::1]||",
        "::1|::1|",
        "a.b:81|a.b|81",
        "a.b|a.b|",
        "[2001:db8::1]:443|2001:db8::1|443",
    })
    void parseHostSplitsNameAndPort(String host, String name, Integer port) {
        Uri.HostPort hp = Uri.parseHost(host);
        assertThat(hp.host()).isEqualTo(name == null ? "::1" : name);
        assertThat(hp.port()).isEqualTo(port);
    }

    @Test
    void parseHostUsesTheDefaultPortAndRejectsBadPorts() {
        assertThat(Uri.parseHost("a.b", 80)).isEqualTo(new Uri.HostPort("a.b", 80));
        assertThatThrownBy(() -> Uri.parseHost("a.b:x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void unquoteStringHandlesEscapes() {
        assertThat(Uri.unquoteString("\"a\\\\b\\\"c\"")).isEqualTo("a\\b\"c");
        assertThat(Uri.unquoteString("\"a\"")).isEqualTo("a");
        assertThat(Uri.unquoteString("x")).isEqualTo("x");
        assertThat(Uri.unquoteString("\"")).isEqualTo("\"");
    }

    @Test
    void parseQueryStringWithFalconsDefaults() {
        // Falcon 3.1.1: {'a': ['1','2','3'], 'b': [], 'e': ['x','y'], '': 'z', 'f': ','}
        Map<String, Object> params = Uri.parseQueryString("a=1,2&b=,&c=&d&a=3&e=x,,y&=z&f=%2C");
        assertThat(params).containsExactly(Map.entry("a", List.of("1", "2", "3")), Map.entry("b", List.of()),
                Map.entry("e", List.of("x", "y")), Map.entry("", "z"), Map.entry("f", ","));
    }

    @Test
    void parseQueryStringKeepingBlanksWithoutCsv() {
        Map<String, Object> params = Uri.parseQueryString("a=1,2&b=,&c=&d&e=x,,y", true, false);
        assertThat(params).containsExactly(Map.entry("a", "1,2"), Map.entry("b", ","), Map.entry("c", ""),
                Map.entry("d", ""), Map.entry("e", "x,,y"));
        assertThat(Uri.parseQueryString("a=1,,2&a=,", true, true)).containsExactly(
                Map.entry("a", List.of("1", "", "2", "", "")));
        assertThat(Uri.parseQueryString("", true, true)).isEmpty();
        assertThat(Uri.parseQueryString("&&=&", true, false)).isEmpty();
    }
}
