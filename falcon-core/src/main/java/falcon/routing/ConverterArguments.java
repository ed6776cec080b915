package falcon.routing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The arguments of a field converter in a URI template, parsed: the {@code min=1, max=100} of
 * {@code {n:int(min=1, max=100)}} or the {@code "%Y-%m-%d"} of {@code {d:dt("%Y-%m-%d")}}.
 *
 * <p>The text is a subset of Python's call syntax: positional arguments, then keyword arguments,
 * separated by commas; each value a Python literal: a string in single or double quotes, an
 * integer ({@code Integer}, or {@code Long} when it does not fit), a float ({@code Double}),
 * {@code True}, {@code False} or {@code None} ({@code null}). Falcon evaluates the text as Python
 * code; this port refuses anything but literals rather than interpreting expressions.
 *
 * <p>Errors are {@link IllegalArgumentException}s whose message starts with {@code invalid
 * arguments (TEXT): }; the router wraps them into an {@link UnacceptableRouteError}.
 *
 * <p>Falcon: the {@code argstr} that {@code CompiledRouter._instantiate_converter} evaluates.
 */
final class ConverterArguments {

    /** The positional arguments, in order; mutable, since they are handed to a factory. */
    final List<Object> positional = new ArrayList<>();

    /** The keyword arguments, in the order written; mutable, as {@link #positional}. */
    final Map<String, Object> keywords = new LinkedHashMap<>();

    private final String text;
    private int pos;

    private ConverterArguments(String text) {
        this.text = text;
    }

    /**
     * Parses the text between a converter's parentheses.
     *
     * @param text the arguments, or null when the converter has no parentheses (no arguments)
     * @return the arguments
     * @throws IllegalArgumentException when the text is not a list of literal arguments
     */
    static ConverterArguments parse(String text) {
        ConverterArguments arguments = new ConverterArguments(text);
        if (text != null) {
            arguments.parseAll();
        }
        return arguments;
    }

    /**
     * Returns whether {@code c} is white space as Python's regular expressions' {@code \s} sees
     * it; the router's template check uses the same definition, as Falcon's does.
     */
    static boolean isWhitespace(char c) {
        // ASCII whitespace, the separators 0x1c-0x1f, and Unicode spaces.
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085';
    }

    private void parseAll() {
        while (true) {
            skipSpace();
            if (pos >= text.length()) {
                return;
            }
            int mark = pos;
            String keyword = null;
            if (isIdentifierStart(text.charAt(pos))) {
                String word = identifier();
                skipSpace();
                // "a == 1" is a comparison, not a keyword: it then fails as a non-literal.
                if (pos < text.length() && text.charAt(pos) == '='
                        && (pos + 1 >= text.length() || text.charAt(pos + 1) != '=')) {
                    pos++;
                    keyword = word;
                } else {
                    pos = mark;
                }
            }
            skipSpace();
            Object value = value();
            if (keyword != null) {
                if (keywords.containsKey(keyword)) {
                    throw fail("keyword argument repeated: " + keyword);
                }
                keywords.put(keyword, value);
            } else {
                if (!keywords.isEmpty()) {
                    throw fail("positional argument follows keyword argument");
                }
                positional.add(value);
            }
            skipSpace();
            if (pos >= text.length()) {
                return;
            }
            if (text.charAt(pos) != ',') {
                throw fail("expected ',' at position " + pos);
            }
            pos++;
        }
    }

    private Object value() {
        if (pos >= text.length()) {
            throw fail("expected a value at position " + pos);
        }
        char c = text.charAt(pos);
        if (c == '"' || c == '\'') {
            return string(c);
        }
        if (isIdentifierStart(c)) {
            String word = identifier();
            switch (word) {
                case "True":
                    return Boolean.TRUE;
                case "False":
                    return Boolean.FALSE;
                case "None":
                    return null;
                default:
                    throw fail("'" + word + "' is not a literal (use numbers, strings,"
                            + " True, False or None)");
            }
        }
        if (c == '+' || c == '-' || c == '.' || (c >= '0' && c <= '9')) {
            return number();
        }
        throw fail("unexpected '" + c + "' at position " + pos);
    }

    private Object number() {
        int start = pos;
        if (text.charAt(pos) == '+' || text.charAt(pos) == '-') {
            pos++;
            // Python reads "- 1" as unary minus applied to 1.
            skipSpace();
        }
        int digitsStart = pos;
        boolean decimal = false;
        int digits = digits();
        if (pos < text.length() && text.charAt(pos) == '.') {
            decimal = true;
            pos++;
            digits += digits();
        }
        if (digits == 0) {
            throw fail("malformed number at position " + start);
        }
        if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
            decimal = true;
            pos++;
            if (pos < text.length() && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) {
                pos++;
            }
            if (digits() == 0) {
                throw fail("malformed number at position " + start);
            }
        }
        boolean negative = text.charAt(start) == '-';
        String number = (negative ? "-" : "") + text.substring(digitsStart, pos);
        if (decimal) {
            return Double.parseDouble(number);
        }
        long value;
        try {
            value = Long.parseLong(number);
        } catch (NumberFormatException ex) {
            throw fail("integer " + number + " is too large");
        }
        // Converters' factories expect an Integer for the usual small values.
        if (value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE) {
            return (int) value;
        }
        return value;
    }

    private int digits() {
        int count = 0;
        while (pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
            pos++;
            count++;
        }
        return count;
    }

    private String string(char quote) {
        StringBuilder out = new StringBuilder();
        pos++;
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == quote) {
                return out.toString();
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (pos >= text.length()) {
                break;
            }
            char escaped = text.charAt(pos++);
            switch (escaped) {
                case 'n':
                    out.append('\n');
                    break;
                case 't':
                    out.append('\t');
                    break;
                case 'r':
                    out.append('\r');
                    break;
                case '0':
                    out.append('\0');
                    break;
                case '\\':
                case '\'':
                case '"':
                    out.append(escaped);
                    break;
                default:
                    // Python keeps unknown escapes as written.
                    out.append('\\').append(escaped);
                    break;
            }
        }
        throw fail("unterminated string");
    }

    private String identifier() {
        int start = pos;
        while (pos < text.length() && (isIdentifierStart(text.charAt(pos))
                || (text.charAt(pos) >= '0' && text.charAt(pos) <= '9'))) {
            pos++;
        }
        return text.substring(start, pos);
    }

    private void skipSpace() {
        while (pos < text.length() && isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private static boolean isIdentifierStart(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
    }

    private IllegalArgumentException fail(String message) {
        return new IllegalArgumentException("invalid arguments (" + text + "): " + message);
    }
}
