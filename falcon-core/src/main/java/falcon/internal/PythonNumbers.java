package falcon.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * Number parsing and printing with Python's rules, where Falcon's answers depend on them.
 *
 * <p>Falcon converts query parameters and headers with {@code int()} and {@code float()}, which
 * accept surrounding whitespace, a sign and underscores between digits, and reject what Java's
 * parsers take ({@code 1.5f}, {@code 0x1p3}). Only ASCII digits are accepted here; Python also
 * accepts other Unicode decimal digits.
 */
public final class PythonNumbers {

    private PythonNumbers() {
    }

    /**
     * Parses an integer as Python's {@code int(text)} does.
     *
     * @return the value, or {@code null} when Python would raise {@code ValueError} or the value
     *     does not fit in a {@code long}
     */
    public static Long parseInt(String text) {
        String s = stripDigitsGroups(text.strip(), false);
        if (s == null) {
            return null;
        }
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException ex) {
            return null;
        }
    }

    /**
     * Parses a number as Python's {@code float(text)} does, {@code nan} and {@code inf} included.
     *
     * @return the value, or {@code null} when Python would raise {@code ValueError}
     */
    public static Double parseFloat(String text) {
        String s = text.strip();
        String word = s.startsWith("+") || s.startsWith("-") ? s.substring(1) : s;
        boolean negative = s.startsWith("-");
        switch (word.toLowerCase(Locale.ROOT)) {
            case "nan":
                return Double.NaN;
            case "inf":
            case "infinity":
                return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            default:
                break;
        }
        String digits = stripDigitsGroups(s, true);
        if (digits == null) {
            return null;
        }
        try {
            return Double.parseDouble(digits);
        } catch (NumberFormatException ex) {
            return null;
        }
    }

    /**
     * Formats a double as Python's {@code str(float)} does for ordinary values: {@code 1.0},
     * {@code 0.5}, {@code 1e+20}.
     */
    public static String formatFloat(double value) {
        if (Double.isNaN(value)) {
            return "nan";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        if (value == 0) {
            return 1 / value < 0 ? "-0.0" : "0.0";
        }
        // Python's repr takes the shortest digits that read back as the same double (the nearest
        // of them); notation: exponent below -4 or from 16 on.
        BigDecimal exact = shortestDigits(Math.abs(value)).stripTrailingZeros();
        String digits = exact.unscaledValue().toString();
        int exponent = digits.length() - 1 - exact.scale();
        String sign = value < 0 ? "-" : "";
        if (exponent < -4 || exponent >= 16) {
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            int e = Math.abs(exponent);
            return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + (e < 10 ? "0" : "") + e;
        }
        String plain = exact.toPlainString();
        return sign + (plain.indexOf('.') < 0 ? plain + ".0" : plain);
    }

    /**
     * Returns the shortest decimal that reads back as {@code value}, the nearest to it when more
     * than one has that many digits, as Python's {@code repr} (David Gay's shortest mode). NOTE:
     * Double.toString is not always shortest before JDK 19: 4.9E-324 for {@code Double.MIN_VALUE},
     * where Python prints 5e-324.
     *
     * @param value a positive finite double
     */
    static BigDecimal shortestDigits(double value) {
        BigDecimal exact = new BigDecimal(value);
        // 17 significant digits always read back (IEEE 754 binary64), so the loop returns
        for (int precision = 1; ; precision++) {
            BigDecimal down = exact.round(new MathContext(precision, RoundingMode.FLOOR));
            BigDecimal up = exact.round(new MathContext(precision, RoundingMode.CEILING));
            boolean downReadsBack = Double.parseDouble(down.toString()) == value;
            boolean upReadsBack = Double.parseDouble(up.toString()) == value;
            if (downReadsBack && upReadsBack) {
                return exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
            }
            if (downReadsBack) {
                return down;
            }
            if (upReadsBack) {
                return up;
            }
        }
    }

    /**
     * Checks the characters Python allows and removes underscores that sit between digits.
     *
     * @return the text Java can parse, or null when Python would reject it
     */
    private static String stripDigitsGroups(String s, boolean decimal) {
        if (s.isEmpty()) {
            return null;
        }
        StringBuilder out = new StringBuilder(s.length());
        int digits = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
                out.append(c);
            } else if (c == '_') {
                boolean between = i > 0 && i + 1 < s.length() && isDigit(s.charAt(i - 1)) && isDigit(s.charAt(i + 1));
                if (!between) {
                    return null;
                }
            } else if (c == '+' || c == '-') {
                boolean leading = i == 0 || (decimal && (s.charAt(i - 1) == 'e' || s.charAt(i - 1) == 'E'));
                if (!leading) {
                    return null;
                }
                out.append(c);
            } else if (decimal && (c == '.' || c == 'e' || c == 'E')) {
                out.append(c);
            } else {
                return null;
            }
        }
        return digits == 0 ? null : out.toString();
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
