package falcon.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Python's int()/float()/str(float) rules, as Falcon's param parsing relies on them. */
class PythonNumbersTest {

    @Test
    void intAcceptsWhatPythonAccepts() {
        assertThat(PythonNumbers.parseInt(" 1_000 ")).isEqualTo(1000L);
        assertThat(PythonNumbers.parseInt("+5")).isEqualTo(5L);
        assertThat(PythonNumbers.parseInt("-0")).isEqualTo(0L);
        assertThat(PythonNumbers.parseInt("1__0")).isNull();
        assertThat(PythonNumbers.parseInt("_1")).isNull();
        assertThat(PythonNumbers.parseInt("1.0")).isNull();
        assertThat(PythonNumbers.parseInt("")).isNull();
        assertThat(PythonNumbers.parseInt("+")).isNull();
        assertThat(PythonNumbers.parseInt("99999999999999999999")).isNull();
    }

    @Test
    void floatAcceptsWhatPythonAccepts() {
        assertThat(PythonNumbers.parseFloat("1e3")).isEqualTo(1000.0);
        assertThat(PythonNumbers.parseFloat(" -1.5E-2 ")).isEqualTo(-0.015);
        assertThat(PythonNumbers.parseFloat("Infinity")).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(PythonNumbers.parseFloat("nan")).isNaN();
        assertThat(PythonNumbers.parseFloat("5.")).isEqualTo(5.0);
        assertThat(PythonNumbers.parseFloat("1.5f")).isNull();
        assertThat(PythonNumbers.parseFloat("0x10")).isNull();
        assertThat(PythonNumbers.parseFloat(".")).isNull();
    }

    @Test
    void floatFormatsAsPythonStr() {
        assertThat(PythonNumbers.formatFloat(1.0)).isEqualTo("1.0");
        assertThat(PythonNumbers.formatFloat(2.5)).isEqualTo("2.5");
        assertThat(PythonNumbers.formatFloat(1e20)).isEqualTo("1e+20");
        assertThat(PythonNumbers.formatFloat(1e-5)).isEqualTo("1e-05");
        assertThat(PythonNumbers.formatFloat(-0.0001)).isEqualTo("-0.0001");
    }
    /** Inputs and what Python 3's {@code int()} makes of them (null: ValueError). */
    static Stream<Arguments> pythonInts() {
        return Stream.of(
                Arguments.of("1_0_0", 100L), Arguments.of("1_000_000", 1000000L), Arguments.of("0_0", 0L),
                Arguments.of("\t5\n", 5L), Arguments.of(" -7 ", -7L), Arguments.of("00", 0L),
                Arguments.of("007", 7L), Arguments.of("-0", 0L),
                Arguments.of("1_", null), Arguments.of("+_1", null), Arguments.of("_1", null),
                Arguments.of("1__0", null), Arguments.of("-", null), Arguments.of("+", null),
                Arguments.of("", null), Arguments.of("1 0", null), Arguments.of("0x1", null),
                Arguments.of("1.5", null), Arguments.of("1e3", null), Arguments.of("5-", null));
    }

    @ParameterizedTest(name = "int({0}) = {1}")
    @MethodSource("pythonInts")
    void intAsPython3(String text, Long expected) {
        assertThat(PythonNumbers.parseInt(text)).isEqualTo(expected);
    }

    /** Inputs and what Python 3's {@code float()} makes of them (null: ValueError). */
    static Stream<Arguments> pythonFloats() {
        return Stream.of(
                Arguments.of("1_0.5", 10.5), Arguments.of("1e1_0", 1e10), Arguments.of(".5", 0.5),
                Arguments.of("5.", 5.0), Arguments.of("+1.5e-3", 0.0015), Arguments.of(" 2.5 ", 2.5),
                Arguments.of("1E+2", 100.0), Arguments.of("1_000.000_1", 1000.0001),
                Arguments.of("-Infinity", Double.NEGATIVE_INFINITY), Arguments.of("inf", Double.POSITIVE_INFINITY),
                Arguments.of("1._5", null), Arguments.of("1e_5", null), Arguments.of("1_e5", null),
                Arguments.of("1e", null), Arguments.of("e5", null), Arguments.of("1.5.5", null),
                Arguments.of("1e5e5", null), Arguments.of("--1", null), Arguments.of("+-1", null),
                Arguments.of("infinit", null), Arguments.of(".", null), Arguments.of("", null));
    }

    @ParameterizedTest(name = "float({0}) = {1}")
    @MethodSource("pythonFloats")
    void floatAsPython3(String text, Double expected) {
        assertThat(PythonNumbers.parseFloat(text)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "str({0}) = {1}")
    @CsvSource(delimiter = '|', value = {
        "1e15|1000000000000000.0", "1e16|1e+16", "9999999999999998.0|9999999999999998.0",
        "1.5e16|1.5e+16", "123456789012345.6|123456789012345.6", "0.0001|0.0001", "0.00001|1e-05",
        "1.2345e-5|1.2345e-05", "1e100|1e+100", "1e-100|1e-100", "123456789.125|123456789.125",
        "-2.5e-7|-2.5e-07", "0.0|0.0", "-0.0|-0.0", "NaN|nan", "Infinity|inf", "-Infinity|-inf",
        "1.7976931348623157e308|1.7976931348623157e+308", "0.1|0.1",
        "100.0|100.0", "1e22|1e+22", "12345678901234567890.0|1.2345678901234567e+19", "-1.5|-1.5"})
    void floatFormatsAsPython3Str(double value, String expected) {
        // the expectations are Python 3's str() of the same doubles
        assertThat(PythonNumbers.formatFloat(value)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "str({0}) = {1}")
    @CsvSource(value = {
        "4.9E-324|5e-324", "-4.9E-324|-5e-324", "1.0E-323|1e-323", "2.5E-323|2.5e-323",
        "1.0E23|1e+23", "1.37342863480957901E18|1.373428634809579e+18",
        "5.2990648348713776E16|5.299064834871378e+16", "1.7976931348623157E308|1.7976931348623157e+308",
        "2.2250738585072014E-308|2.2250738585072014e-308", "0.1|0.1", "0.002|0.002"}, delimiter = '|')
    void floatFormatsWithPythonsShortestDigits(double value, String expected) {
        // Python 3: repr(5e-324) == '5e-324'; JDK 17's Double.toString gives 4.9E-324 and
        // 9.999999999999999E22 for 1e23, longer than the shortest digits that read back
        assertThat(PythonNumbers.formatFloat(value)).isEqualTo(expected);
    }
}
