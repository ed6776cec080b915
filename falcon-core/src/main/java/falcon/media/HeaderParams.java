package falcon.media;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A header value with parameters, e.g. {@code form-data; name="a"}: split as Python's {@code
 * cgi.parse_header} does, which Falcon's multipart parser uses.
 */
final class HeaderParams {

    final String value;
    final Map<String, String> params;

    private HeaderParams(String value, Map<String, String> params) {
        this.value = value;
        this.params = params;
    }

    /** Parses {@code line}: the value before the first {@code ;}, then {@code name=value} pairs. */
    static HeaderParams parse(String line) {
        String s = ";" + line;
        String value = null;
        Map<String, String> params = new LinkedHashMap<>();
        while (s.startsWith(";")) {
            s = s.substring(1);
            int end = s.indexOf(';');
            // A ';' inside a quoted string does not end the parameter.
            while (end > 0 && (count(s, "\"", end) - count(s, "\\\"", end)) % 2 != 0) {
                end = s.indexOf(';', end + 1);
            }
            if (end < 0) {
                end = s.length();
            }
            String part = s.substring(0, end).strip();
            s = s.substring(end);
            if (value == null) {
                value = part;
                continue;
            }
            int eq = part.indexOf('=');
            if (eq >= 0) {
                String name = part.substring(0, eq).strip().toLowerCase(Locale.ROOT);
                String v = part.substring(eq + 1).strip();
                if (v.length() >= 2 && v.charAt(0) == '"' && v.charAt(v.length() - 1) == '"') {
                    v = v.substring(1, v.length() - 1).replace("\\\\", "\\").replace("\\\"", "\"");
                }
                params.put(name, v);
            }
        }
        return new HeaderParams(value == null ? "" : value, params);
    }

    private static int count(String s, String sub, int end) {
        int n = 0;
        for (int i = s.indexOf(sub); i >= 0 && i + sub.length() <= end; i = s.indexOf(sub, i + sub.length())) {
            n++;
        }
        return n;
    }
}
