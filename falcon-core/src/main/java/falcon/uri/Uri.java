package falcon.uri;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Percent-decoding and query-string parsing, as Falcon does them.
 *
 * <p>Falcon: {@code falcon.uri}.
 */
public final class Uri {

    private Uri() {
    }

    /**
     * Decodes percent-escapes as UTF-8; a malformed escape is kept as it is and invalid UTF-8
     * becomes U+FFFD, so decoding never fails.
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
        byte[] out = new byte[n * 3];
        int o = 0;
        for (int k = 0; k < i; k++) {
            o = putChar(out, o, encoded, k);
        }
        while (i < n) {
            char c = encoded.charAt(i);
            if (c == '%' && i + 2 < n) {
                int hi = Character.digit(encoded.charAt(i + 1), 16);
                int lo = Character.digit(encoded.charAt(i + 2), 16);
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
                    String pair = encoded.substring(i, i + 2);
                    byte[] b = pair.getBytes(StandardCharsets.UTF_8);
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

    /** Decodes percent-escapes in a path: {@code +} stays {@code +}. */
    public static String decode(String encoded) {
        return decode(encoded, false);
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

    /**
     * Parses a query string into names and values, repeated names into lists.
     *
     * @param queryString the raw query string, without {@code ?}
     * @param keepBlank whether {@code a=} and {@code a} are kept as empty values
     * @param csv whether values are also split on unencoded commas
     * @return a map from name to {@code String} or {@code List<String>}, in order of appearance
     *
     * <p>Falcon: {@code falcon.uri.parse_query_string}.
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
            if (amp > start) {
                addPair(params, queryString, start, amp, keepBlank, csv);
            }
            start = amp + 1;
        }
        return params;
    }

    private static void addPair(Map<String, Object> params, String qs, int start, int end, boolean keepBlank,
            boolean csv) {
        int eq = qs.indexOf('=', start);
        String name;
        String rawValue;
        if (eq < 0 || eq >= end) {
            name = decode(qs.substring(start, end), true);
            rawValue = "";
        } else {
            name = decode(qs.substring(start, eq), true);
            rawValue = qs.substring(eq + 1, end);
        }
        if (name.isEmpty() && rawValue.isEmpty()) {
            return;
        }
        if (csv && rawValue.indexOf(',') >= 0) {
            List<String> parts = new ArrayList<>();
            int from = 0;
            while (true) {
                int comma = rawValue.indexOf(',', from);
                String part = comma < 0 ? rawValue.substring(from) : rawValue.substring(from, comma);
                if (keepBlank || !part.isEmpty()) {
                    parts.add(decode(part, true));
                }
                if (comma < 0) {
                    break;
                }
                from = comma + 1;
            }
            for (String p : parts) {
                put(params, name, p);
            }
            return;
        }
        if (!keepBlank && rawValue.isEmpty()) {
            return;
        }
        put(params, name, decode(rawValue, true));
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> params, String name, String value) {
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
