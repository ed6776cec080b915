package falcon.util;

import falcon.uri.Uri;
import java.text.Normalizer;
import java.util.List;
import java.util.Map;

/**
 * Small helpers from Falcon's {@code falcon.util.misc}: query strings and safe file names.
 *
 * <p>Falcon: {@code falcon.to_query_str}, {@code falcon.secure_filename}.
 */
public final class Misc {

    private Misc() {
    }

    /**
     * Builds a query string from parameters, with a leading {@code ?} and lists comma-joined.
     *
     * @param params names to values ({@code String}, number, {@code Boolean} or {@code List})
     * @return the query string; empty when {@code params} is {@code null} or empty
     * @see #toQueryStr(Map, boolean, boolean)
     */
    public static String toQueryStr(Map<String, ?> params) {
        return toQueryStr(params, true, true);
    }

    /**
     * Builds a query string: names and values encoded with {@link Uri#encodeValue}, booleans as
     * {@code true}/{@code false}, lists either comma-joined or as repeated names.
     *
     * <p>Falcon: {@code falcon.to_query_str(params, comma_delimited_lists, prefix)}. As there,
     * the commas joining a list are not encoded, and an empty map gives an empty string (no
     * {@code ?}).
     *
     * @param params names to values ({@code String}, number, {@code Boolean} or {@code List})
     * @param commaDelimitedLists whether a list becomes {@code a=1,2} rather than {@code a=1&a=2}
     * @param prefix whether to start with {@code ?}
     * @return the query string; empty when {@code params} is {@code null} or empty
     */
    public static String toQueryStr(Map<String, ?> params, boolean commaDelimitedLists, boolean prefix) {
        if (params == null || params.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder(prefix ? "?" : "");
        for (Map.Entry<String, ?> e : params.entrySet()) {
            String name = Uri.encodeValue(e.getKey());
            Object v = e.getValue();
            if (v instanceof List) {
                List<?> list = (List<?>) v;
                if (commaDelimitedLists) {
                    sb.append(name).append('=');
                    for (int i = 0; i < list.size(); i++) {
                        if (i > 0) {
                            sb.append(',');
                        }
                        // Falcon: str(True) here, so a boolean in a comma list is "True".
                        sb.append(Uri.encodeValue(pyStr(list.get(i))));
                    }
                    sb.append('&');
                } else {
                    for (Object item : list) {
                        sb.append(name).append('=').append(scalar(item)).append('&');
                    }
                }
                continue;
            }
            sb.append(name).append('=').append(scalar(v)).append('&');
        }
        sb.setLength(sb.length() - 1);
        return sb.toString();
    }

    private static String scalar(Object v) {
        if (v instanceof Boolean) {
            return (Boolean) v ? "true" : "false";
        }
        return Uri.encodeValue(pyStr(v));
    }

    private static String pyStr(Object v) {
        if (v instanceof Boolean) {
            return (Boolean) v ? "True" : "False";
        }
        if (v == null) {
            return "None";
        }
        return v.toString();
    }

    /**
     * Makes a file name safe to store: NFKD-normalized, every character outside
     * {@code [A-Za-z0-9._-]} replaced by {@code _}, and a leading {@code .} too, so
     * {@code "../etc/passwd"} gives {@code "_._etc_passwd"}.
     *
     * <p>Falcon: {@code falcon.secure_filename}.
     *
     * @param filename the file name
     * @return the safe file name
     * @throws IllegalArgumentException when the name is empty
     */
    public static String secureFilename(String filename) {
        if (filename == null || filename.isEmpty()) {
            throw new IllegalArgumentException("filename may not be an empty string");
        }
        String normalized = Normalizer.normalize(filename, Normalizer.Form.NFKD);
        StringBuilder sb = new StringBuilder(normalized.length());
        for (int i = 0; i < normalized.length(); ) {
            int cp = normalized.codePointAt(i);
            boolean safe = (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9')
                    || cp == '.' || cp == '_' || cp == '-';
            sb.append(safe ? (char) cp : '_');
            i += Character.charCount(cp);
        }
        if (sb.charAt(0) == '.') {
            sb.setCharAt(0, '_');
        }
        return sb.toString();
    }

    /**
     * Makes a file name safe to store, as {@link #secureFilename(String)}, then cuts it to {@code
     * maxLength} characters, keeping its extension when the rest of the name still has at least
     * one character; otherwise only the head is kept. For example {@code ("Ångström unit
     * physics.pdf", 19)} gives {@code "A_ngstro_m_unit.pdf"}.
     *
     * <p>Falcon 4.1: {@code falcon.secure_filename(filename, max_length)}.
     *
     * @param filename the file name
     * @param maxLength the longest result; 0 means no limit (Python's falsy {@code max_length})
     * @return the safe file name, at most {@code maxLength} characters
     * @throws IllegalArgumentException when the name is empty or {@code maxLength} is negative
     */
    public static String secureFilename(String filename, int maxLength) {
        String name = secureFilename(filename);
        if (maxLength < 0) {
            throw new IllegalArgumentException("if provided, max_length must be a positive int");
        }
        if (maxLength == 0 || name.length() <= maxLength) {
            return name;
        }
        // The sanitized name never starts with '.', so the last dot (if any) starts the extension,
        // as os.path.splitext finds it.
        int dot = name.lastIndexOf('.');
        String ext = dot > 0 ? name.substring(dot) : "";
        int rootLength = maxLength - ext.length();
        if (rootLength > 0) {
            return name.substring(0, rootLength) + ext;
        }
        return name.substring(0, maxLength);
    }
}
