package falcon;

import falcon.uri.Uri;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One element (hop) of an RFC 7239 {@code Forwarded} header.
 *
 * <p>Falcon: {@code falcon.Forwarded}, whose {@code src}, {@code dest}, {@code host} and {@code
 * scheme} are the {@code for}, {@code by}, {@code host} and {@code proto} parameters.
 */
public final class Forwarded {

    private String src;
    private String dest;
    private String host;
    private String scheme;

    /** Creates an element with no parameters. */
    public Forwarded() {
    }

    /**
     * Returns the {@code for} parameter (the node making the request), or {@code null}.
     *
     * @return the {@code for} parameter, or {@code null} when absent
     */
    public String getSrc() {
        return src;
    }

    /**
     * Returns the {@code by} parameter (the proxy's client-facing interface), or {@code null}.
     *
     * @return the {@code by} parameter, or {@code null} when absent
     */
    public String getDest() {
        return dest;
    }

    /**
     * Returns the {@code host} parameter (the Host header the proxy received), or {@code null}.
     *
     * @return the {@code host} parameter, or {@code null} when absent
     */
    public String getHost() {
        return host;
    }

    /**
     * Returns the {@code proto} parameter in lower case, or {@code null}.
     *
     * @return the {@code proto} parameter in lower case, or {@code null} when absent
     */
    public String getScheme() {
        return scheme;
    }

    /**
     * Parses a {@code Forwarded} header value, best effort: it never fails.
     *
     * <p>Values must be tokens or quoted strings (unescaped here); parameter names are
     * case-insensitive; a malformed pair is skipped up to the next comma, and whitespace is
     * allowed anywhere between pairs. Contents of {@code for}, {@code by}, {@code host} and
     * {@code proto} are not validated.
     *
     * <p>Falcon: {@code falcon.forwarded._parse_forwarded_header}.
     *
     * @param header the {@code Forwarded} header value
     * @return the elements in header order; empty when nothing could be parsed
     */
    public static List<Forwarded> parse(String header) {
        List<Forwarded> elements = new ArrayList<>(2);
        int pos = 0;
        int end = header.length();
        boolean needSeparator = false;
        Forwarded element = null;
        while (pos >= 0 && pos < end) {
            int nameEnd = tokenEnd(header, pos);
            int valueEnd = -1;
            if (nameEnd > pos && nameEnd < end && header.charAt(nameEnd) == '=') {
                valueEnd = valueEnd(header, nameEnd + 1);
            }
            char c = header.charAt(pos);
            if (valueEnd > 0) {
                if (needSeparator) {
                    pos = header.indexOf(',', pos);   // bad syntax: skip to the next element
                    continue;
                }
                String name = header.substring(pos, nameEnd).toLowerCase(Locale.ROOT);
                String value = header.substring(nameEnd + 1, valueEnd);
                if (value.charAt(0) == '"') {
                    value = Uri.unquoteString(value);
                }
                pos = valueEnd;
                needSeparator = true;
                if (element == null) {
                    element = new Forwarded();
                }
                switch (name) {
                    case "by": element.dest = value; break;
                    case "for": element.src = value; break;
                    case "host": element.host = value; break;
                    case "proto": element.scheme = value.toLowerCase(Locale.ROOT); break;
                    default: break;
                }
            } else if (c == ',') {
                needSeparator = false;
                pos++;
                if (element != null) {
                    elements.add(element);
                    element = null;
                }
            } else if (c == ';') {
                needSeparator = false;
                pos++;
            } else if (c == ' ' || c == '\t') {
                pos++;   // Falcon allows whitespace even between pairs (Postel's law)
            } else {
                pos = header.indexOf(',', pos);
            }
        }
        if (element != null) {
            elements.add(element);
        }
        return elements;
    }

    // RFC 7230 tchar
    private static boolean isTchar(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
                || "!#$%&'*+.^_`|~-".indexOf(c) >= 0;
    }

    private static int tokenEnd(String s, int from) {
        int i = from;
        while (i < s.length() && isTchar(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /** Returns the end of the token or quoted-string at {@code from}, or -1 when there is none. */
    private static int valueEnd(String s, int from) {
        if (from >= s.length()) {
            return -1;
        }
        if (s.charAt(from) != '"') {
            int end = tokenEnd(s, from);
            return end > from ? end : -1;
        }
        // Python's regex backtracks: when the string cannot be closed further on, the last
        // escaped quote ("\\\"") is read as a backslash followed by the closing quote.
        int lastEscapedQuote = -1;
        int i = from + 1;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '"') {
                return i + 1;
            }
            if (c == '\\' && i + 1 < s.length() && isQuotedPairChar(s.charAt(i + 1))) {
                if (s.charAt(i + 1) == '"') {
                    lastEscapedQuote = i + 2;
                }
                i += 2;
                continue;
            }
            if (!(c == '\t' || c == ' ' || c == '!' || (c >= 0x23 && c <= 0x7E))) {
                return lastEscapedQuote;
            }
            i++;
        }
        return lastEscapedQuote;
    }

    private static boolean isQuotedPairChar(char c) {
        return c == '\t' || (c >= ' ' && c <= '~');
    }

    @Override
    public String toString() {
        return "Forwarded(src=" + src + ", dest=" + dest + ", host=" + host + ", scheme=" + scheme + ")";
    }
}
