package falcon.routing;

import falcon.util.Strptime;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;

/**
 * Converts a field to a {@link LocalDateTime} with a Python {@code strptime} format.
 *
 * <p>Identifier: {@code dt}, e.g. {@code {ts:dt}} (format {@value #DEFAULT_FORMAT}) or {@code
 * {day:dt("%Y-%m-%d")}}. The format is translated once, here; see {@link Strptime} for the
 * directives. When the format has {@code %z}, values are {@link OffsetDateTime}s instead, the Java
 * form of Python's timezone-aware datetimes.
 *
 * <p>Falcon: {@code falcon.routing.DateTimeConverter(format_string='%Y-%m-%dT%H:%M:%SZ')}.
 */
public final class DateTimeConverter implements Converter {

    /** The default format, Falcon 3.1's: {@value}. */
    public static final String DEFAULT_FORMAT = "%Y-%m-%dT%H:%M:%SZ";

    private final Strptime format;

    /** Creates a converter for {@value #DEFAULT_FORMAT}. */
    public DateTimeConverter() {
        this(DEFAULT_FORMAT);
    }

    /**
     * Creates a converter.
     *
     * @param formatString a {@code strptime} format
     * @throws IllegalArgumentException if the format has an unsupported directive
     */
    public DateTimeConverter(String formatString) {
        this.format = Strptime.of(formatString);
    }

    /**
     * Converts {@code value}.
     *
     * @return the {@code LocalDateTime} (or {@code OffsetDateTime}), or null when the value does
     *     not match the format or is not a valid date-time
     */
    @Override
    public Object convert(String value) {
        return format.parse(value);
    }

    /** Returns {@code LocalDateTime.class}, or {@code OffsetDateTime.class} for {@code %z}. */
    @Override
    public Class<?> valueType() {
        return format.hasUtcOffset() ? OffsetDateTime.class : LocalDateTime.class;
    }
}
