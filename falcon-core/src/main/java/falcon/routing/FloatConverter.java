package falcon.routing;

/**
 * Converts a field to a {@code Double}, optionally checking its range.
 *
 * <p>Identifier: {@code float}, e.g. {@code {ratio:float}}, {@code {lat:float(min=-90, max=90)}}.
 * A value matches when it is a decimal number in Python's syntax ({@code "1"}, {@code "-2.5"},
 * {@code ".5"}, {@code "5."}, {@code "1e-3"}) with no surrounding whitespace. By default only
 * finite numbers match; with {@code finite=False}, {@code nan}, {@code inf} and {@code infinity}
 * (any case, optionally signed) match too, as in Python.
 *
 * <p>Difference from Python's {@code float()}, chosen on purpose: underscores ({@code "1_000.5"})
 * and non-ASCII digits are not accepted.
 *
 * <p>Falcon: {@code falcon.routing.FloatConverter(min=None, max=None, finite=True)} (Falcon 4.0,
 * taken early).
 */
public final class FloatConverter implements Converter {

    private final Double min;
    private final Double max;
    private final boolean finite;

    /** Creates a converter for finite numbers with no range. */
    public FloatConverter() {
        this(null, null, true);
    }

    /**
     * Creates a converter.
     *
     * @param min the smallest value accepted, or null
     * @param max the largest value accepted, or null
     * @param finite whether only finite numbers match (Falcon's default: true)
     */
    public FloatConverter(Double min, Double max, boolean finite) {
        this.min = min;
        this.max = max;
        this.finite = finite;
    }

    /**
     * Converts {@code value}.
     *
     * @return the {@code Double}, or null when the value is not a number, is not finite (unless
     *     allowed) or lies outside {@code [min, max]}
     */
    @Override
    public Object convert(String value) {
        double result;
        if (isDecimal(value)) {
            // Safe: isDecimal has ruled out what Java accepts and Python does not (whitespace,
            // hexadecimal, "d"/"f" suffixes).
            result = Double.parseDouble(value);
        } else if (!finite && isNonFinite(value)) {
            int start = value.charAt(0) == '-' || value.charAt(0) == '+' ? 1 : 0;
            boolean negative = value.charAt(0) == '-';
            if (Character.toLowerCase(value.charAt(start)) == 'n') {
                result = Double.NaN;
            } else {
                result = negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            }
        } else {
            return null;
        }
        // NOTE: "1e999" overflows to infinity, as Python's float() does.
        if (finite && !Double.isFinite(result)) {
            return null;
        }
        if (min != null && result < min) {
            return null;
        }
        if (max != null && result > max) {
            return null;
        }
        return result;
    }

    /** Returns {@code Double.class}. */
    @Override
    public Class<?> valueType() {
        return Double.class;
    }

    private static boolean isDecimal(String s) {
        int n = s.length();
        int i = 0;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        int digits = 0;
        while (i < n && isDigit(s.charAt(i))) {
            i++;
            digits++;
        }
        if (i < n && s.charAt(i) == '.') {
            i++;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            int exponentDigits = 0;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
                exponentDigits++;
            }
            if (exponentDigits == 0) {
                return false;
            }
        }
        return i == n;
    }

    private static boolean isNonFinite(String s) {
        int start = !s.isEmpty() && (s.charAt(0) == '+' || s.charAt(0) == '-') ? 1 : 0;
        String word = s.substring(start);
        return word.equalsIgnoreCase("nan") || word.equalsIgnoreCase("inf")
                || word.equalsIgnoreCase("infinity");
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
