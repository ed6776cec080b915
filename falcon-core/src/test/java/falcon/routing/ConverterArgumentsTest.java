package falcon.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A converter's arguments read as Python reads a call's literal arguments (Falcon evaluates them):
 * each expectation is what Python 3 gives for {@code f(TEXT)}.
 */
class ConverterArgumentsTest {

    static Stream<Arguments> positional() {
        return Stream.of(
                Arguments.of("1, 2", List.of(1, 2)),
                Arguments.of("1,", List.of(1)),
                Arguments.of("  7  ", List.of(7)),
                Arguments.of("-5", List.of(-5)),
                Arguments.of("- 5", List.of(-5)),
                Arguments.of("+5", List.of(5)),
                Arguments.of("1.5", List.of(1.5)),
                Arguments.of(".5", List.of(0.5)),
                Arguments.of("5.", List.of(5.0)),
                Arguments.of("1e3", List.of(1000.0)),
                Arguments.of("1E-2", List.of(0.01)),
                Arguments.of("-2.5e+1", List.of(-25.0)),
                Arguments.of("2147483647", List.of(Integer.MAX_VALUE)),
                Arguments.of("-2147483648", List.of(Integer.MIN_VALUE)),
                Arguments.of("2147483648", List.of(2147483648L)),
                Arguments.of("-2147483649", List.of(-2147483649L)),
                Arguments.of("'a\\'b', \"c\\\"d\"", List.of("a'b", "c\"d")),
                Arguments.of("'x\\ny\\tz\\r\\0\\\\'", List.of("x\ny\tz\r\0\\")),
                Arguments.of("'\\q'", List.of("\\q")),
                Arguments.of("\"%Y-%m-%d\"", List.of("%Y-%m-%d")),
                Arguments.of("True, False", List.of(true, false)),
                Arguments.of("None", Arrays.asList((Object) null)));
    }

    @ParameterizedTest(name = "f({0})")
    @MethodSource("positional")
    void positionalLiterals(String text, List<Object> expected) {
        ConverterArguments args = ConverterArguments.parse(text);
        assertThat(args.positional).isEqualTo(expected);
        assertThat(args.keywords).isEmpty();
    }

    @Test
    void integersAreIntegersWhenTheyFit() {
        assertThat(ConverterArguments.parse("7").positional.get(0)).isInstanceOf(Integer.class);
        assertThat(ConverterArguments.parse("2147483648").positional.get(0)).isInstanceOf(Long.class);
        assertThat(ConverterArguments.parse("7.0").positional.get(0)).isInstanceOf(Double.class);
    }

    @Test
    void keywordsKeepTheirOrderAfterThePositionals() {
        ConverterArguments args = ConverterArguments.parse("3, ' x ' , _max1 = 9 ,min=-1,\tflag=True");
        assertThat(args.positional).containsExactly(3, " x ");
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("_max1", 9);
        expected.put("min", -1);
        expected.put("flag", true);
        assertThat(args.keywords).containsExactlyEntriesOf(expected);
    }

    @Test
    void noTextNoArguments() {
        assertThat(ConverterArguments.parse(null).positional).isEmpty();
        assertThat(ConverterArguments.parse("").positional).isEmpty();
        assertThat(ConverterArguments.parse("   ").keywords).isEmpty();
    }

    static Stream<Arguments> errors() {
        return Stream.of(
                Arguments.of("a=1, a=2", "keyword argument repeated: a"),
                Arguments.of("a=1, 2", "positional argument follows keyword argument"),
                Arguments.of("x", "'x' is not a literal (use numbers, strings, True, False or None)"),
                Arguments.of("a == 1", "'a' is not a literal (use numbers, strings, True, False or None)"),
                Arguments.of("1 2", "expected ',' at position 2"),
                Arguments.of("1,,2", "unexpected ',' at position 2"),
                Arguments.of("@", "unexpected '@' at position 0"),
                Arguments.of("a=", "expected a value at position 2"),
                Arguments.of("'abc", "unterminated string"),
                Arguments.of("'abc\\", "unterminated string"),
                Arguments.of(".", "malformed number at position 0"),
                Arguments.of("-", "malformed number at position 0"),
                Arguments.of("1e", "malformed number at position 0"),
                Arguments.of("2, 1e+", "malformed number at position 3"),
                Arguments.of("99999999999999999999", "integer 99999999999999999999 is too large"));
    }

    @ParameterizedTest(name = "f({0})")
    @MethodSource("errors")
    void whatIsNotALiteralArgumentListIsRefused(String text, String message) {
        assertThatThrownBy(() -> ConverterArguments.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid arguments (" + text + "): " + message);
    }
}
