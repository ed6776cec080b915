package falcon.uri;

import falcon.internal.Ascii;
import falcon.internal.PythonNumbers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Percent-encoding and decoding, host and query-string parsing, as Falcon does them.
 *
 * <p>Falcon: {@code falcon.uri}.
 */
public final class Uri {

    private static final String UNRESERVED =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";
    private static final String DELIMITERS = ":/?#[]@!$&'()*+,;=";

    // Indexed by ASCII code: whether encode() / encodeValue() leave the character alone.
    private static final boolean[] URI_ALLOWED = table(UNRESERVED + DELIMITERS);
    private static final boolean[] VALUE_ALLOWED = table(UNRESERVED);
    private static final char[] HEX_UPPER = "0123456789ABCDEF".toCharArray();

    private Uri() {
    }

    private static boolean[] table(String chars) {
        boolean[] t = new boolean[128];
        for (int i = 0; i < chars.length(); i++) {
            t[chars.charAt(i)] = true;
        }
        return t;
    }

    /**
     * The host and port parts of a {@code Host} header or a {@code Forwarded} node.
     *
     * @param host the host name or address, without brackets for IPv6
     * @param port the port, or {@code null} when none was given
     */
    public record HostPort(String host, Integer port) {
    }

    // ---------------------------------------------------------------- encoding

    /**
     * Percent-encodes a full URI: RFC 3986 unreserved and reserved characters are kept, everything
     * else (including {@code %}) is encoded as UTF-8 octets, e.g. {@code "/a b"} becomes
     * {@code "/a%20b"}.
     *
     * <p>Falcon: {@code falcon.uri.encode}.
     *
     * @param uri the URI to encode
     * @return the encoded URI; the same instance when there was nothing to encode
     */
    public static String encode(String uri) {
        return encode(uri, URI_ALLOWED, false);
    }

    /**
     * Percent-encodes a URI component: only unreserved characters are kept, so {@code /}, {@code
     * &} and {@code =} are encoded too (like Python's {@code quote(safe='~')}).
     *
     * <p>Falcon: {@code falcon.uri.encode_value}.
     *
     * @param value the component to encode
     * @return the encoded component; the same instance when there was nothing to encode
     */
    public static String encodeValue(String value) {
        return encode(value, VALUE_ALLOWED, false);
    }

    /**
     * Like {@link #encode}, but returns the URI unchanged when it already looks escaped: only
     * allowed characters and {@code %} each followed by two hex digits.
     *
     * <p>Falcon: {@code falcon.uri.encode_check_escaped}.
     *
     * @param uri the URI to encode
     * @return the encoded URI, or {@code uri} itself when it already looks escaped
     */
    public static String encodeCheckEscaped(String uri) {
        return encode(uri, URI_ALLOWED, true);
    }

    /**
     * Like {@link #encodeValue}, but returns the value unchanged when it already looks escaped.
     *
     * <p>Falcon: {@code falcon.uri.encode_value_check_escaped}.
     *
     * @param value the component to encode
     * @return the encoded component, or {@code value} itself when it already looks escaped
     */
    public static String encodeValueCheckEscaped(String value) {
        return encode(value, VALUE_ALLOWED, true);
    }

    private static String encode(String uri, boolean[] allowed, boolean checkEscaped) {
        int n = uri.length();
        int i = 0;
        boolean percent = false;
        while (i < n) {
            char c = uri.charAt(i);
            if (c < 128 && allowed[c]) {
                i++;
            } else if (c == '%' && checkEscaped) {
                percent = true;
                i++;
            } else {
                break;
            }
        }
        if (i == n) {
            if (!percent || looksEscaped(uri)) {
                return uri;   // the common case: nothing to encode, nothing to allocate
            }
        }
        byte[] bytes = uri.getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(bytes.length + 16);
        for (byte b : bytes) {
            int octet = b & 0xFF;
            if (octet < 128 && allowed[octet]) {
                out.append((char) octet);
            } else {
                out.append('%').append(HEX_UPPER[octet >> 4]).append(HEX_UPPER[octet & 0xF]);
            }
        }
        return out.toString();
    }

    // Falcon: every '%' must be followed by two hex digits for the text to count as escaped.
    private static boolean looksEscaped(String uri) {
        for (int i = uri.indexOf('%'); i >= 0; i = uri.indexOf('%', i + 1)) {
            if (i + 2 >= uri.length() || Ascii.hexValue(uri.charAt(i + 1)) < 0 || Ascii.hexValue(uri.charAt(i + 2)) < 0) {
                return false;
            }
        }
        return true;
    }


    // ---------------------------------------------------------------- decoding

    /**
     * Decodes percent-escapes as UTF-8; a malformed escape (e.g. {@code %} or {@code %zz}) is
     * kept as it is and invalid UTF-8 becomes U+FFFD, so decoding never fails.
     *
     * <p>Falcon: {@code falcon.uri.decode(encoded_uri, unquote_plus)}.
     *
     * @param encoded the text
     * @param unquotePlus whether {@code +} means a space (query strings) or itself (paths)
     * @return the decoded text; the same instance when there was nothing to decode
     */
    public static String decode(String encoded, boolean unquotePlus) {
        int n = encoded.length();
        int i = 0;
        // PERF: most paths and values have nothing to decode; scan before allocating.
        while (i < n) {
            char c = encoded.charAt(i);
            if (c == '%' || (unquotePlus && c == '+')) {
                break;
            }
            i++;
        }
        if (i == n) {
            return encoded;
        }
        if (encoded.indexOf('%', i) < 0) {
            return encoded.replace('+', ' ');   // Falcon: no '%', no UTF-8 round trip
        }
        byte[] out = new byte[n * 3];
        int o = 0;
        for (int k = 0; k < i; k++) {
            o = putChar(out, o, encoded, k);
        }
        while (i < n) {
            char c = encoded.charAt(i);
            if (c == '%' && i + 2 < n) {
                int hi = Ascii.hexValue(encoded.charAt(i + 1));
                int lo = Ascii.hexValue(encoded.charAt(i + 2));
                if (hi >= 0 && lo >= 0) {
                    out[o++] = (byte) ((hi << 4) | lo);
                    i += 3;
                    continue;
                }
                out[o++] = '%';
                i++;
            } else if (c == '+' && unquotePlus) {
                out[o++] = ' ';
                i++;
            } else {
                if (Character.isHighSurrogate(c) && i + 1 < n) {
                    byte[] b = encoded.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                    System.arraycopy(b, 0, out, o, b.length);
                    o += b.length;
                    i += 2;
                    continue;
                }
                o = putChar(out, o, encoded, i);
                i++;
            }
        }
        return new String(out, 0, o, StandardCharsets.UTF_8);
    }

    /**
     * Decodes percent-escapes, {@code +} meaning a space: Falcon's default.
     *
     * <p>Falcon: {@code falcon.uri.decode(encoded_uri)}. For a path, where {@code +} stays
     * {@code +}, use {@code decode(path, false)}.
     *
     * @param encoded the text
     * @return the decoded text; the same instance when there was nothing to decode
     */
    public static String decode(String encoded) {
        return decode(encoded, true);
    }

    private static int putChar(byte[] out, int o, String s, int i) {
        char c = s.charAt(i);
        if (c < 0x80) {
            out[o++] = (byte) c;
            return o;
        }
        byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        System.arraycopy(b, 0, out, o, b.length);
        return o + b.length;
    }

    // ---------------------------------------------------------------- hosts and strings

    /**
     * Splits a host into name and port, IPv6 literals included: {@code "[::1]:8080"} gives
     * {@code ("::1", 8080)}, {@code "example.com"} gives {@code ("example.com", defaultPort)}.
     *
     * <p>Falcon: {@code falcon.uri.parse_host(host, default_port)}.
     *
     * @param host the host, e.g. from a Host header
     * @param defaultPort the port when none is given; may be null
     * @return the host and port; the port is {@code defaultPort} when none is given
     * @throws IllegalArgumentException when the port is not a number (Python's ValueError)
     */
    public static HostPort parseHost(String host, Integer defaultPort) {
        if (host.startsWith("[")) {
            int pos = host.lastIndexOf("]:");
            if (pos != -1) {
                return new HostPort(host.substring(1, pos), port(host.substring(pos + 2)));
            }
            return new HostPort(host.substring(1, Math.max(1, host.length() - 1)), defaultPort);
        }
        int pos = host.lastIndexOf(':');
        if (pos == -1 || pos != host.indexOf(':')) {
            return new HostPort(host, defaultPort);   // a bare name, or IPv6 without brackets
        }
        return new HostPort(host.substring(0, pos), port(host.substring(pos + 1)));
    }

    /**
     * Splits a host into name and port; see {@link #parseHost(String, Integer)}.
     *
     * @param host the host, e.g. from a Host header
     * @return the host and port; the port is {@code null} when none is given
     * @throws IllegalArgumentException when the port is not a number (Python's ValueError)
     */
    public static HostPort parseHost(String host) {
        return parseHost(host, null);
    }

    private static Integer port(String text) {
        Long value = PythonNumbers.parseInt(text);
        if (value == null || value > Integer.MAX_VALUE || value < Integer.MIN_VALUE) {
            throw new IllegalArgumentException("invalid port: '" + text + "'");
        }
        return value.intValue();
    }

    /**
     * Unquotes an RFC 7230 quoted-string: {@code "\"a\\\"b\""} gives {@code a"b}; text that is
     * not quoted is returned as is.
     *
     * <p>Falcon: {@code falcon.uri.unquote_string}.
     *
     * @param quoted the text, quoted or not
     * @return the unquoted text, or {@code quoted} itself when it is not quoted
     */
    public static String unquoteString(String quoted) {
        if (quoted.length() < 2 || quoted.charAt(0) != '"' || quoted.charAt(quoted.length() - 1) != '"') {
            return quoted;
        }
        String inner = quoted.substring(1, quoted.length() - 1);
        if (inner.indexOf('\\') < 0) {
            return inner;
        }
        StringBuilder out = new StringBuilder(inner.length());
        for (int i = 0; i < inner.length(); i++) {
            char c = inner.charAt(i);
            if (c == '\\') {
                // Falcon: "\\" is a literal backslash; any other backslash is dropped.
                if (i + 1 < inner.length() && inner.charAt(i + 1) == '\\') {
                    out.append('\\');
                    i++;
                }
                continue;
            }
            out.append(c);
        }
        return out.toString();
    }

    // ---------------------------------------------------------------- query strings

    /**
     * Parses a query string with Falcon's defaults: blank values dropped, values split on commas.
     *
     * <p>Falcon: {@code falcon.uri.parse_query_string(query_string)}.
     *
     * @param queryString the raw query string, without {@code ?}
     * @return a map from name to {@code String} or {@code List<String>}, in order of appearance
     */
    public static Map<String, Object> parseQueryString(String queryString) {
        return parseQueryString(queryString, false, true);
    }

    /**
     * Parses a query string into names and values, repeated names into lists.
     *
     * <p>Falcon: {@code falcon.uri.parse_query_string(query_string, keep_blank, csv)}. As there,
     * a value split on commas is always a list, and with {@code keepBlank} false a name whose
     * only value is blank is left out.
     *
     * @param queryString the raw query string, without {@code ?}
     * @param keepBlank whether {@code a=} and {@code a} are kept as empty values
     * @param csv whether values are also split on unencoded commas
     * @return a map from name to {@code String} or {@code List<String>}, in order of appearance
     */
    public static Map<String, Object> parseQueryString(String queryString, boolean keepBlank, boolean csv) {
        Map<String, Object> params = new LinkedHashMap<>();
        int n = queryString.length();
        int start = 0;
        while (start <= n) {
            int amp = queryString.indexOf('&', start);
            if (amp < 0) {
                amp = n;
            }
            addPair(params, queryString, start, amp, keepBlank, csv);
            start = amp + 1;
        }
        return params;
    }

    @SuppressWarnings("unchecked")
    private static void addPair(Map<String, Object> params, String qs, int start, int end, boolean keepBlank,
            boolean csv) {
        int eq = qs.indexOf('=', start);
        String name;
        String rawValue;
        if (eq < 0 || eq >= end) {
            name = qs.substring(start, end);
            rawValue = "";
        } else {
            name = qs.substring(start, eq);
            rawValue = qs.substring(eq + 1, end);
        }
        if (rawValue.isEmpty() && (!keepBlank || name.isEmpty())) {
            return;
        }
        name = decode(name);
        if (csv && rawValue.indexOf(',') >= 0) {
            List<String> parts = new ArrayList<>();
            int from = 0;
            while (true) {
                int comma = rawValue.indexOf(',', from);
                String part = comma < 0 ? rawValue.substring(from) : rawValue.substring(from, comma);
                if (keepBlank || !part.isEmpty()) {
                    parts.add(decode(part));
                }
                if (comma < 0) {
                    break;
                }
                from = comma + 1;
            }
            Object old = params.get(name);
            if (old instanceof List) {
                ((List<String>) old).addAll(parts);
            } else if (old != null) {
                parts.add(0, (String) old);
                params.put(name, parts);
            } else {
                params.put(name, parts);
            }
            return;
        }
        String value = decode(rawValue);
        Object old = params.get(name);
        if (old == null) {
            params.put(name, value);
        } else if (old instanceof List) {
            ((List<String>) old).add(value);
        } else {
            List<String> list = new ArrayList<>(4);
            list.add((String) old);
            list.add(value);
            params.put(name, list);
        }
    }
}
