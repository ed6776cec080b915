package falcon.routing;

/**
 * Converts a field to an {@code Integer}, optionally checking its digit count and range.
 *
 * <p>Identifier: {@code int}, e.g. {@code {id:int}}, {@code {id:int(3)}}, {@code {id:int(min=1,
 * max=999)}}. A value matches when it is an optional sign and ASCII digits ({@code "007"} gives 7),
 * has exactly {@code numDigits} characters when that is set, and lies within {@code [min, max]}.
 *
 * <p>Differences from Python's {@code int()}, chosen on purpose: underscores ({@code "1_000"}) and
 * non-ASCII digits are not accepted, and a value outside the range of a Java {@code int} does not
 * match (Python's integers are unbounded), so responders can take an {@code int}.
 *
 * <p>Falcon: {@code falcon.routing.IntConverter(num_digits=None, min=None, max=None)}.
 */
public final class IntConverter implements Converter {

    private final Integer numDigits;
    private final Integer min;
    private final Integer max;

    /** Creates a converter with no digit count and no range. */
    public IntConverter() {
        this(null, null, null);
    }

    /**
     * Creates a converter.
     *
     * @param numDigits the exact number of characters required, or null for any
     * @param min the smallest value accepted, or null
     * @param max the largest value accepted, or null
     * @throws IllegalArgumentException if {@code numDigits} is less than 1
     */
    public IntConverter(Integer numDigits, Integer min, Integer max) {
        if (numDigits != null && numDigits < 1) {
            throw new IllegalArgumentException("num_digits must be at least 1");
        }
        this.numDigits = numDigits;
        this.min = min;
        this.max = max;
    }

    /**
     * Converts {@code value}.
     *
     * @return the {@code Integer}, or null when the value is not an integer, has the wrong length,
     *     or lies outside {@code [min, max]} or the range of an {@code int}
     */
    @Override
    public Object convert(String value) {
        int length = value.length();
        // NOTE: like Falcon, num_digits counts characters, sign included.
        if (numDigits != null && length != numDigits) {
            return null;
        }
        if (length == 0) {
            return null;
        }
        int i = 0;
        boolean negative = false;
        char first = value.charAt(0);
        if (first == '-' || first == '+') {
            negative = first == '-';
            if (length == 1) {
                return null;
            }
            i = 1;
        }
        // PERF: one pass, no exception for a non-number (Integer.parseInt throws).
        long magnitude = 0;
        for (; i < length; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
            magnitude = magnitude * 10 + (c - '0');
            if (magnitude > 1L + Integer.MAX_VALUE) {
                return null;
            }
        }
        long result = negative ? -magnitude : magnitude;
        if (result > Integer.MAX_VALUE) {
            return null;
        }
        if (min != null && result < min) {
            return null;
        }
        if (max != null && result > max) {
            return null;
        }
        return (int) result;
    }

    /** Returns {@code Integer.class}. */
    @Override
    public Class<?> valueType() {
        return Integer.class;
    }
}
