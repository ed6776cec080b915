package falcon.util;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.format.SignStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalField;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A Python {@code strptime} format translated once into a strict {@link DateTimeFormatter}.
 *
 * <p>Supported directives: {@code %Y} (4 digits), {@code %y} (69-99 are 1969-1999, 00-68 are
 * 2000-2068), {@code %m}, {@code %d}, {@code %H}, {@code %I}, {@code %M}, {@code %S} (1 or 2
 * digits), {@code %f} (1-6 fraction digits), {@code %j} (1-3 digits), {@code %b} {@code %B}
 * {@code %a} {@code %A} {@code %p} (English names, as Python's C locale), {@code %z} ({@code
 * +HHMM}, {@code +HH:MM}, optional seconds, or {@code Z}), {@code %Z} (a zone id such as {@code
 * UTC}; parsed, then ignored as Python does), {@code %%}, and literal text. As in Python, matching
 * ignores case, a run of whitespace in the format matches one or more whitespace characters, and
 * fields the format lacks default to 1900-01-01 00:00:00; a weekday ({@code %a}) is parsed but not
 * checked against the date, and {@code %p} without {@code %I} is ignored.
 *
 * <p>Differences, on purpose: an unsupported directive ({@code %U}, {@code %c}, ...) fails when the
 * format is translated rather than on every parse; dates are checked strictly (Python does the
 * same, except that {@code %j} there overrides {@code %m}/{@code %d} instead of being checked
 * against them).
 *
 * <p>Falcon: {@code datetime.strptime}, used by {@code DateTimeConverter}.
 */
public final class Strptime {

    private static final String[] MONTHS = {"January", "February", "March", "April", "May",
        "June", "July", "August", "September", "October", "November", "December"};
    private static final String[] DAYS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
        "Saturday", "Sunday"};

    private final String format;
    private final DateTimeFormatter formatter;
    private final boolean hasUtcOffset;
    private final boolean hasWhitespace;

    private Strptime(String format, DateTimeFormatter formatter, boolean hasUtcOffset,
            boolean hasWhitespace) {
        this.format = format;
        this.formatter = formatter;
        this.hasUtcOffset = hasUtcOffset;
        this.hasWhitespace = hasWhitespace;
    }

    /**
     * Translates a {@code strptime} format.
     *
     * @param strptimeFormat e.g. {@code "%Y-%m-%dT%H:%M:%SZ"}
     * @return the translated format, immutable and thread-safe
     * @throws IllegalArgumentException for an unsupported directive or a stray {@code %}
     */
    public static Strptime of(String strptimeFormat) {
        return new Translator(strptimeFormat).translate();
    }

    /**
     * Translates a {@code strptime} format into a formatter.
     *
     * <p>The formatter matches a single space where the format has whitespace; {@link #parse}
     * also accepts runs of any whitespace there, as Python does.
     *
     * @param strptimeFormat e.g. {@code "%Y-%m-%d"}
     * @return a strict, case-insensitive formatter in {@link Locale#ROOT}
     * @throws IllegalArgumentException for an unsupported directive or a stray {@code %}
     */
    public static DateTimeFormatter toFormatter(String strptimeFormat) {
        return of(strptimeFormat).formatter();
    }

    /**
     * Parses {@code text} with a {@code strptime} format, as {@code datetime.strptime} does.
     *
     * <p>A UTC offset ({@code %z}) is checked but dropped: the result is the local date-time
     * as written. Translate the format once with {@link #of} when parsing often.
     *
     * @param text the text to parse
     * @param strptimeFormat the format, e.g. {@code "%Y-%m-%d"}
     * @return the date-time, or null when the text does not match the format
     * @throws IllegalArgumentException for an unsupported directive or a stray {@code %}
     */
    public static LocalDateTime parse(String text, String strptimeFormat) {
        Object result = of(strptimeFormat).parse(text);
        if (result instanceof OffsetDateTime) {
            return ((OffsetDateTime) result).toLocalDateTime();
        }
        return (LocalDateTime) result;
    }

    /**
     * Parses {@code text}.
     *
     * @param text the text to parse
     * @return a {@link LocalDateTime}, or an {@link OffsetDateTime} when the format has {@code
     *     %z}; null when the text does not match (Python raises {@code ValueError})
     */
    public Object parse(String text) {
        String input = hasWhitespace ? collapseWhitespace(text) : text;
        try {
            if (hasUtcOffset) {
                OffsetDateTime result = formatter.parse(input, OffsetDateTime::from);
                return result.getYear() >= 1 ? result : null;
            }
            LocalDateTime result = formatter.parse(input, LocalDateTime::from);
            // NOTE: Python's datetime starts at year 1; "0000" does not parse there.
            return result.getYear() >= 1 ? result : null;
        } catch (DateTimeException ex) {
            return null;
        }
    }

    /**
     * Returns the {@code strptime} format this was translated from.
     *
     * @return the {@code strptime} format
     */
    public String format() {
        return format;
    }

    /**
     * Returns the translated formatter.
     *
     * @return the formatter
     */
    public DateTimeFormatter formatter() {
        return formatter;
    }

    /**
     * Returns whether the format has a UTC offset ({@code %z}), so that {@link #parse} yields an
     * {@link OffsetDateTime}.
     *
     * @return {@code true} when the format has {@code %z}
     */
    public boolean hasUtcOffset() {
        return hasUtcOffset;
    }

    @Override
    public String toString() {
        return "Strptime[" + format + "]";
    }

    private static boolean isWhitespace(char c) {
        // Python's \s: ASCII whitespace, the separators 0x1c-0x1f, and Unicode spaces.
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085';
    }

    private static String collapseWhitespace(String text) {
        StringBuilder out = null;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (isWhitespace(c)) {
                int end = i + 1;
                while (end < n && isWhitespace(text.charAt(end))) {
                    end++;
                }
                if (c != ' ' || end > i + 1) {
                    if (out == null) {
                        out = new StringBuilder(n).append(text, 0, i);
                    }
                    out.append(' ');
                    i = end - 1;
                    continue;
                }
            }
            if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    /** Builds a formatter from one format, remembering which fields it sets. */
    private static final class Translator {
        private final String format;
        private final DateTimeFormatterBuilder builder = new DateTimeFormatterBuilder()
                .parseCaseInsensitive()
                .parseStrict();
        private boolean year;
        private boolean month;
        private boolean day;
        private boolean dayOfYear;
        private boolean hour24;
        private boolean hour12;
        private boolean ampm;
        private boolean minute;
        private boolean second;
        private boolean fraction;
        private boolean offset;
        private boolean whitespace;

        Translator(String format) {
            if (format == null) {
                throw new IllegalArgumentException("the strptime format must not be null");
            }
            this.format = format;
        }

        Strptime translate() {
            int n = format.length();
            int i = 0;
            while (i < n) {
                char c = format.charAt(i);
                if (c == '%') {
                    if (i + 1 >= n) {
                        throw new IllegalArgumentException(
                                "stray % at the end of strptime format '" + format + "'");
                    }
                    directive(format.charAt(i + 1));
                    i += 2;
                } else if (isWhitespace(c)) {
                    while (i < n && isWhitespace(format.charAt(i))) {
                        i++;
                    }
                    whitespace = true;
                    builder.appendLiteral(' ');
                } else {
                    builder.appendLiteral(c);
                    i++;
                }
            }
            List<TemporalField> resolved = new ArrayList<>();
            resolved.add(ChronoField.YEAR);
            if (!year) {
                builder.parseDefaulting(ChronoField.YEAR, 1900);
            }
            if (dayOfYear) {
                resolved.add(ChronoField.DAY_OF_YEAR);
            }
            if (!dayOfYear || month || day) {
                resolved.add(ChronoField.MONTH_OF_YEAR);
                resolved.add(ChronoField.DAY_OF_MONTH);
                if (!month && !dayOfYear) {
                    builder.parseDefaulting(ChronoField.MONTH_OF_YEAR, 1);
                }
                if (!day && !dayOfYear) {
                    builder.parseDefaulting(ChronoField.DAY_OF_MONTH, 1);
                }
            }
            if (hour12) {
                resolved.add(ChronoField.CLOCK_HOUR_OF_AMPM);
                resolved.add(ChronoField.AMPM_OF_DAY);
                if (!ampm) {
                    // Python reads %I without %p as a morning hour.
                    builder.parseDefaulting(ChronoField.AMPM_OF_DAY, 0);
                }
            }
            if (hour24 || !hour12) {
                resolved.add(ChronoField.HOUR_OF_DAY);
                if (!hour24) {
                    builder.parseDefaulting(ChronoField.HOUR_OF_DAY, 0);
                }
            }
            resolved.add(ChronoField.MINUTE_OF_HOUR);
            if (!minute) {
                builder.parseDefaulting(ChronoField.MINUTE_OF_HOUR, 0);
            }
            resolved.add(ChronoField.SECOND_OF_MINUTE);
            if (!second) {
                builder.parseDefaulting(ChronoField.SECOND_OF_MINUTE, 0);
            }
            resolved.add(ChronoField.NANO_OF_SECOND);
            if (!fraction) {
                builder.parseDefaulting(ChronoField.NANO_OF_SECOND, 0);
            }
            if (offset) {
                resolved.add(ChronoField.OFFSET_SECONDS);
            }
            // Fields left out (day of week, a lone %p) are parsed but not resolved: Python
            // ignores them too.
            DateTimeFormatter formatter = builder.toFormatter(Locale.ROOT)
                    .withChronology(IsoChronology.INSTANCE)
                    .withResolverStyle(ResolverStyle.STRICT)
                    .withResolverFields(resolved.toArray(new TemporalField[0]));
            return new Strptime(format, formatter, offset, whitespace);
        }

        private void directive(char d) {
            switch (d) {
                case 'Y':
                    year = true;
                    builder.appendValue(ChronoField.YEAR, 4);
                    break;
                case 'y':
                    year = true;
                    builder.appendValueReduced(ChronoField.YEAR, 2, 2, 1969);
                    break;
                case 'm':
                    month = true;
                    number(ChronoField.MONTH_OF_YEAR, 2);
                    break;
                case 'b':
                    month = true;
                    builder.appendText(ChronoField.MONTH_OF_YEAR, names(MONTHS, 3));
                    break;
                case 'B':
                    month = true;
                    builder.appendText(ChronoField.MONTH_OF_YEAR, names(MONTHS, 0));
                    break;
                case 'd':
                    day = true;
                    number(ChronoField.DAY_OF_MONTH, 2);
                    break;
                case 'j':
                    dayOfYear = true;
                    number(ChronoField.DAY_OF_YEAR, 3);
                    break;
                case 'a':
                    builder.appendText(ChronoField.DAY_OF_WEEK, names(DAYS, 3));
                    break;
                case 'A':
                    builder.appendText(ChronoField.DAY_OF_WEEK, names(DAYS, 0));
                    break;
                case 'H':
                    hour24 = true;
                    number(ChronoField.HOUR_OF_DAY, 2);
                    break;
                case 'I':
                    hour12 = true;
                    number(ChronoField.CLOCK_HOUR_OF_AMPM, 2);
                    break;
                case 'p':
                    ampm = true;
                    builder.appendText(ChronoField.AMPM_OF_DAY, Map.of(0L, "AM", 1L, "PM"));
                    break;
                case 'M':
                    minute = true;
                    number(ChronoField.MINUTE_OF_HOUR, 2);
                    break;
                case 'S':
                    second = true;
                    number(ChronoField.SECOND_OF_MINUTE, 2);
                    break;
                case 'f':
                    fraction = true;
                    builder.appendFraction(ChronoField.NANO_OF_SECOND, 1, 6, false);
                    break;
                case 'z':
                    offset = true;
                    // Python accepts +HHMM[SS] and +HH:MM[:SS], or Z.
                    builder.optionalStart().appendOffset("+HH:MM:ss", "Z").optionalEnd()
                            .optionalStart().appendOffset("+HHMMss", "Z").optionalEnd();
                    break;
                case 'Z':
                    builder.appendZoneId();
                    break;
                case '%':
                    builder.appendLiteral('%');
                    break;
                default:
                    throw new IllegalArgumentException("'%" + d
                            + "' is an unsupported directive in strptime format '" + format
                            + "'");
            }
        }

        private void number(ChronoField field, int maxWidth) {
            builder.appendValue(field, 1, maxWidth, SignStyle.NOT_NEGATIVE);
        }

        private static Map<Long, String> names(String[] names, int abbreviation) {
            Map<Long, String> map = new HashMap<>();
            for (int i = 0; i < names.length; i++) {
                String name = names[i];
                map.put((long) i + 1, abbreviation > 0 ? name.substring(0, abbreviation) : name);
            }
            return map;
        }
    }
}
