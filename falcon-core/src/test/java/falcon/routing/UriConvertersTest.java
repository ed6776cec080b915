package falcon.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import falcon.util.Strptime;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Falcon: tests/test_uri_converters.py */
class UriConvertersTest {

    private static final UUID TEST_UUID = UUID.fromString("5f6d4c1a-2b3e-4f70-8a9b-0c1d2e3f4a5b");
    private static final String TEST_UUID_STR = TEST_UUID.toString();
    private static final String TEST_UUID_STR_SANS_HYPHENS = TEST_UUID_STR.replace("-", "");

    /** Python's string.whitespace. */
    private static final String WHITESPACE = " \t\n\r\u000b\f";

    // ---- int ----

    static Stream<Arguments> ints() {
        return Stream.of(
                Arguments.of("123", null, null, null, 123),
                Arguments.of("01", null, null, null, 1),
                Arguments.of("001", null, null, null, 1),
                Arguments.of("0", null, null, null, 0),
                Arguments.of("00", null, null, null, 0),
                Arguments.of("1", 1, null, null, 1),
                Arguments.of("12", 1, null, null, null),
                Arguments.of("12", 2, null, null, 12),
                Arguments.of("1", 1, 1, 1, 1),
                Arguments.of("1", 1, 1, null, 1),
                Arguments.of("1", 1, 1, 2, 1),
                Arguments.of("1", 1, 2, null, null),
                Arguments.of("1", 1, 2, 1, null),
                Arguments.of("2", 1, 1, 2, 2),
                Arguments.of("2", 1, 2, 2, 2),
                Arguments.of("3", 1, 1, 2, null),
                Arguments.of("12", 1, 1, 12, null),
                Arguments.of("12", 2, 1, 12, 12),
                Arguments.of("12", 2, 12, 12, 12),
                Arguments.of("12", 2, 13, 12, null),
                Arguments.of("12", 2, 13, 13, null),
                // Signs, as Python's int() accepts them; num_digits counts the sign.
                Arguments.of("-5", null, null, null, -5),
                Arguments.of("+5", null, null, null, 5),
                Arguments.of("-5", 1, null, null, null),
                Arguments.of("-5", null, -4, null, null),
                // The range of a Java int.
                Arguments.of("2147483647", null, null, null, Integer.MAX_VALUE),
                Arguments.of("-2147483648", null, null, null, Integer.MIN_VALUE),
                Arguments.of("2147483648", null, null, null, null),
                Arguments.of("-2147483649", null, null, null, null),
                Arguments.of("99999999999999999999999", null, null, null, null),
                Arguments.of("000000000000000000000042", null, null, null, 42));
    }

    @ParameterizedTest
    @MethodSource("ints")
    void intConverter(String value, Integer numDigits, Integer min, Integer max, Integer expected) {
        Object converted = new IntConverter(numDigits, min, max).convert(value);
        assertThat(converted).isEqualTo(expected);
        if (expected != null) {
            assertThat(converted).isExactlyInstanceOf(Integer.class);
        }
    }

    static Stream<String> malformedNumbers() {
        Stream.Builder<String> values = Stream.builder();
        for (String v : new String[] {"0x0F", "something", "", " ", "+", "-", "1_000", "1.5",
            "12a", "\u0661\u0662"}) {
            values.add(v);
        }
        for (char w : WHITESPACE.toCharArray()) {
            values.add("123" + w);
            values.add(w + "123");
        }
        return values.build();
    }

    @ParameterizedTest
    @MethodSource("malformedNumbers")
    void intConverterRejectsMalformedValues(String value) {
        assertThat(new IntConverter().convert(value)).isNull();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, -10})
    void intConverterRejectsInvalidNumDigits(int numDigits) {
        assertThatThrownBy(() -> new IntConverter(numDigits, null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("num_digits must be at least 1");
    }

    @Test
    void intConverterYieldsIntegers() {
        assertThat(new IntConverter().valueType()).isEqualTo(Integer.class);
        assertThat(new IntConverter().consumesMultipleSegments()).isFalse();
    }

    // ---- float ----

    static Stream<Arguments> floats() {
        return Stream.of(
                Arguments.of("123", null, null, 123.0),
                Arguments.of("01", null, null, 1.0),
                Arguments.of("001", null, null, 1.0),
                Arguments.of("0", null, null, 0.0),
                Arguments.of("00", null, null, 0.0),
                Arguments.of("1", null, null, 1.0),
                Arguments.of("12", 2.0, null, 12.0),
                Arguments.of("1", 1.0, 1.0, 1.0),
                Arguments.of("12", 1.0, 20.0, 12.0),
                Arguments.of("12", 2.0, 10.0, null),
                Arguments.of("1", 2.0, 13.0, null),
                Arguments.of("-2.5", null, null, -2.5),
                Arguments.of("+.5", null, null, 0.5),
                Arguments.of("5.", null, null, 5.0),
                Arguments.of("1e3", null, null, 1000.0),
                Arguments.of("1.5E-3", null, null, 0.0015));
    }

    @ParameterizedTest
    @MethodSource("floats")
    void floatConverter(String value, Double min, Double max, Double expected) {
        assertThat(new FloatConverter(min, max, true).convert(value)).isEqualTo(expected);
    }

    static Stream<String> malformedFloats() {
        return Stream.concat(malformedNumbers().filter(v -> !v.equals("1.5")),
                Stream.of(".", "e5", "1e", "1e+", "1d", "1f", "0x1p3", "1..2", "nan", "inf",
                        "-inf", "Infinity", "NaN", "1e999", "-1e999"));
    }

    @ParameterizedTest
    @MethodSource("malformedFloats")
    void floatConverterRejectsMalformedAndNonFiniteValues(String value) {
        assertThat(new FloatConverter().convert(value)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"nan", "NaN", "-nan", "inf", "+INF", "-inf", "infinity", "-Infinity",
        "1e999"})
    void floatConverterMayAcceptNonFiniteValues(String value) {
        Object converted = new FloatConverter(null, null, false).convert(value);
        assertThat(converted).isInstanceOf(Double.class);
        assertThat((Double) converted).matches(d -> d.isNaN() || d.isInfinite());
    }

    @Test
    void floatConverterYieldsDoubles() {
        assertThat(new FloatConverter().valueType()).isEqualTo(Double.class);
    }

    // ---- dt ----

    static Stream<Arguments> dateTimes() {
        return Stream.of(
                Arguments.of("07-03-17", "%m-%d-%y", LocalDateTime.of(2017, 7, 3, 0, 0)),
                Arguments.of("07-03-17 ", "%m-%d-%y ", LocalDateTime.of(2017, 7, 3, 0, 0)),
                Arguments.of("2017-07-03T14:30:01Z", "%Y-%m-%dT%H:%M:%SZ",
                        LocalDateTime.of(2017, 7, 3, 14, 30, 1)),
                Arguments.of("2017-07-03T14:30:01", "%Y-%m-%dT%H:%M:%S",
                        LocalDateTime.of(2017, 7, 3, 14, 30, 1)),
                Arguments.of("2017_19", "%Y_%H", LocalDateTime.of(2017, 1, 1, 19, 0)),
                Arguments.of("2017-07-03T14:30:01", "%Y-%m-%dT%H:%M:%SZ", null),
                Arguments.of("07-03-17 ", "%m-%d-%y", null),
                Arguments.of(" 07-03-17", "%m-%d-%y", null),
                Arguments.of("07 -03-17", "%m-%d-%y", null),
                // Beyond Falcon's table: checked against Python 3's strptime.
                Arguments.of("7-3-17", "%m-%d-%y", LocalDateTime.of(2017, 7, 3, 0, 0)),
                Arguments.of("07-03-69", "%m-%d-%y", LocalDateTime.of(1969, 7, 3, 0, 0)),
                Arguments.of("07-03-68", "%m-%d-%y", LocalDateTime.of(2068, 7, 3, 0, 0)),
                Arguments.of("2017-02-29", "%Y-%m-%d", null),
                Arguments.of("2016-02-29", "%Y-%m-%d", LocalDateTime.of(2016, 2, 29, 0, 0)),
                Arguments.of("2017-06-31", "%Y-%m-%d", null),
                Arguments.of("2017-13-01", "%Y-%m-%d", null),
                Arguments.of("17-07-03", "%Y-%m-%d", null),
                Arguments.of("0000-01-01", "%Y-%m-%d", null),
                Arguments.of("2017-07-03t14:30:01z", "%Y-%m-%dT%H:%M:%SZ",
                        LocalDateTime.of(2017, 7, 3, 14, 30, 1)),
                Arguments.of("03 jul 2017", "%d %b %Y", LocalDateTime.of(2017, 7, 3, 0, 0)),
                Arguments.of("03 July 2017", "%d %B %Y", LocalDateTime.of(2017, 7, 3, 0, 0)),
                Arguments.of("03 Jul 2017", "%d %B %Y", null),
                Arguments.of("Mon, 03 Jul 2017", "%a, %d %b %Y",
                        LocalDateTime.of(2017, 7, 3, 0, 0)),
                // Python does not check the weekday against the date.
                Arguments.of("Tuesday 03 Jul 2017", "%A %d %b %Y",
                        LocalDateTime.of(2017, 7, 3, 0, 0)),
                Arguments.of("2017 184", "%Y %j", LocalDateTime.of(2017, 7, 3, 0, 0)),
                Arguments.of("02:30 PM", "%I:%M %p", LocalDateTime.of(1900, 1, 1, 14, 30)),
                Arguments.of("12:30 am", "%I:%M %p", LocalDateTime.of(1900, 1, 1, 0, 30)),
                Arguments.of("12:30", "%I:%M", LocalDateTime.of(1900, 1, 1, 0, 30)),
                Arguments.of("14:30:01.5", "%H:%M:%S.%f",
                        LocalDateTime.of(1900, 1, 1, 14, 30, 1, 500_000_000)),
                Arguments.of("14:30:01.123456", "%H:%M:%S.%f",
                        LocalDateTime.of(1900, 1, 1, 14, 30, 1, 123_456_000)),
                Arguments.of("14:30:01.1234567", "%H:%M:%S.%f", null),
                Arguments.of("24:00", "%H:%M", null),
                Arguments.of("10%", "%d%%", LocalDateTime.of(1900, 1, 10, 0, 0)),
                Arguments.of("2017-07-03 \t 14", "%Y-%m-%d %H", LocalDateTime.of(2017, 7, 3, 14, 0)),
                Arguments.of("2017-07-03 UTC", "%Y-%m-%d %Z", LocalDateTime.of(2017, 7, 3, 0, 0)));
    }

    @ParameterizedTest
    @MethodSource("dateTimes")
    void dateTimeConverter(String value, String format, LocalDateTime expected) {
        assertThat(new DateTimeConverter(format).convert(value)).isEqualTo(expected);
        assertThat(Strptime.parse(value, format)).isEqualTo(expected);
    }

    @Test
    void dateTimeConverterDefaultFormat() {
        DateTimeConverter converter = new DateTimeConverter();
        assertThat(converter.convert("2017-07-03T14:30:01Z"))
                .isEqualTo(LocalDateTime.of(2017, 7, 3, 14, 30, 1));
        assertThat(converter.valueType()).isEqualTo(LocalDateTime.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2017-07-03 14:30+0200", "2017-07-03 14:30+02:00"})
    void dateTimeConverterWithUtcOffsetYieldsOffsetDateTimes(String value) {
        DateTimeConverter converter = new DateTimeConverter("%Y-%m-%d %H:%M%z");
        assertThat(converter.valueType()).isEqualTo(OffsetDateTime.class);
        assertThat(converter.convert(value)).isEqualTo(
                OffsetDateTime.of(2017, 7, 3, 14, 30, 0, 0, ZoneOffset.ofHours(2)));
    }

    @Test
    void dateTimeConverterWithUtcOffsetAcceptsZ() {
        assertThat(new DateTimeConverter("%Y-%m-%dT%H:%M:%S%z").convert("2017-07-03T14:30:01Z"))
                .isEqualTo(OffsetDateTime.of(2017, 7, 3, 14, 30, 1, 0, ZoneOffset.UTC));
        assertThat(new DateTimeConverter("%Y %z").convert("2017 nope")).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"%Y-%U", "%c", "%", "%Y%"})
    void unsupportedStrptimeDirectivesFailEarly(String format) {
        assertThatThrownBy(() -> new DateTimeConverter(format))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + format + "'");
    }

    @Test
    void strptimeTranslatesToAFormatter() {
        assertThat(LocalDateTime.parse("2017-07-03", Strptime.toFormatter("%Y-%m-%d")))
                .isEqualTo(LocalDateTime.of(2017, 7, 3, 0, 0));
        assertThat(Strptime.of("%Y").hasUtcOffset()).isFalse();
        assertThat(Strptime.of("%%z").hasUtcOffset()).isFalse();
        assertThat(Strptime.of("%z").hasUtcOffset()).isTrue();
    }

    // ---- uuid ----

    static Stream<Arguments> uuids() {
        return Stream.of(
                Arguments.of(TEST_UUID_STR, TEST_UUID),
                Arguments.of(TEST_UUID_STR.replaceFirst("-", ""), TEST_UUID),
                Arguments.of(TEST_UUID_STR_SANS_HYPHENS, TEST_UUID),
                Arguments.of("urn:uuid:" + TEST_UUID_STR, TEST_UUID),
                Arguments.of("urn:uuid:" + TEST_UUID_STR_SANS_HYPHENS, TEST_UUID),
                Arguments.of("{" + TEST_UUID_STR + "}", TEST_UUID),
                Arguments.of(TEST_UUID_STR.toUpperCase(java.util.Locale.ROOT), TEST_UUID),
                Arguments.of(" ", null),
                Arguments.of("", null),
                Arguments.of(TEST_UUID_STR + " ", null),
                Arguments.of(" " + TEST_UUID_STR, null),
                Arguments.of(TEST_UUID_STR.substring(0, TEST_UUID_STR.length() - 1), null),
                Arguments.of(TEST_UUID_STR.substring(0, 1), null),
                Arguments.of(TEST_UUID_STR.substring(0, TEST_UUID_STR.length() - 1) + "g", null),
                Arguments.of(TEST_UUID_STR.replace("-", "_"), null),
                Arguments.of(TEST_UUID_STR + "0", null),
                Arguments.of("{" + TEST_UUID_STR, null));
    }

    @ParameterizedTest
    @MethodSource("uuids")
    void uuidConverter(String value, UUID expected) {
        assertThat(new UUIDConverter().convert(value)).isEqualTo(expected);
    }

    @Test
    void uuidConverterYieldsUuids() {
        assertThat(new UUIDConverter().valueType()).isEqualTo(UUID.class);
    }

    // ---- path ----

    @ParameterizedTest
    @ValueSource(strings = {"", "a", "a/b/c", "a//b/"})
    void pathConverterKeepsTheText(String value) {
        assertThat(new PathConverter().convert(value)).isEqualTo(value);
    }

    @Test
    void pathConverterConsumesMultipleSegments() {
        assertThat(new PathConverter().consumesMultipleSegments()).isTrue();
        assertThat(new PathConverter().valueType()).isEqualTo(String.class);
    }
}
