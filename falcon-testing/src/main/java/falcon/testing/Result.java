package falcon.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import falcon.gateway.Reply;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The response to a simulated request: status, headers, cookies and body.
 *
 * <p>Falcon: {@code falcon.testing.Result}.
 */
public final class Result {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final int statusCode;
    private final String status;
    private final List<String> headerLines;
    private final byte[] content;

    Result(Reply reply, byte[] content) {
        this.statusCode = reply.status();
        this.status = reply.status() + (reply.reason().isEmpty() ? "" : " " + reply.reason());
        this.headerLines = reply.headers();
        this.content = content;
    }

    /**
     * Returns the status line, e.g. {@code 200 OK}.
     *
     * @return the status code and reason phrase
     */
    public String getStatus() {
        return status;
    }

    /**
     * Returns the status code.
     *
     * @return the status code
     */
    public int getStatusCode() {
        return statusCode;
    }

    /**
     * Returns the headers by name, case-insensitively; a repeated header gives its last value.
     *
     * <p>Falcon: {@code result.headers}.
     *
     * @return an unmodifiable map from header name (case-insensitive) to its last value
     */
    public Map<String, String> getHeaders() {
        Map<String, String> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 0; i < headerLines.size(); i += 2) {
            map.put(headerLines.get(i), headerLines.get(i + 1));
        }
        return Collections.unmodifiableMap(map);
    }

    /**
     * Returns header {@code name} (last value when repeated), or {@code null}.
     *
     * @param name the header name, case-insensitive
     * @return the last value, or {@code null} when the header is absent
     */
    public String getHeader(String name) {
        String value = null;
        for (int i = 0; i < headerLines.size(); i += 2) {
            if (headerLines.get(i).equalsIgnoreCase(name)) {
                value = headerLines.get(i + 1);
            }
        }
        return value;
    }

    /**
     * Returns every value of header {@code name}, in order.
     *
     * @param name the header name, case-insensitive
     * @return the values, empty when the header is absent
     */
    public List<String> getHeaderValues(String name) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < headerLines.size(); i += 2) {
            if (headerLines.get(i).equalsIgnoreCase(name)) {
                values.add(headerLines.get(i + 1));
            }
        }
        return values;
    }

    /**
     * Returns the header lines in order, flat: name, value, name, value...
     *
     * @return the header lines, flat: name, value, name, value, ...
     */
    public List<String> getHeaderLines() {
        return headerLines;
    }

    /**
     * Returns the cookies set by the response, by name.
     *
     * @return the cookies by name, in order; a repeated name gives the last one
     */
    public Map<String, Cookie> getCookies() {
        Map<String, Cookie> cookies = new LinkedHashMap<>();
        for (String line : getHeaderValues("set-cookie")) {
            Cookie c = Cookie.parse(line);
            cookies.put(c.getName(), c);
        }
        return cookies;
    }

    /**
     * Returns the body bytes. Falcon: {@code result.content}.
     *
     * @return the body bytes, empty when there was no body
     */
    public byte[] getContent() {
        return content;
    }

    /**
     * Returns the body decoded with {@link #getEncoding()}, or as UTF-8 when it is {@code null}.
     *
     * <p>Falcon: {@code result.text}.
     *
     * @return the body as text
     * @throws java.nio.charset.UnsupportedCharsetException when the charset is not one Java knows
     */
    public String getText() {
        String encoding = getEncoding();
        return new String(content, encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding));
    }

    /**
     * Returns the text encoding of the body: the Content-Type's {@code charset}; {@code UTF-8} for
     * JSON and {@code text/event-stream}; {@code ISO-8859-1} for other {@code text} types; else
     * {@code null}.
     *
     * <p>Falcon: {@code result.encoding} ({@code testing.get_encoding_from_headers}).
     *
     * @return the encoding's name, or {@code null} when it cannot be told
     */
    public String getEncoding() {
        String header = getContentType();
        if (header == null || header.isEmpty()) {
            return null;
        }
        String[] parts = header.split(";");
        for (int i = 1; i < parts.length; i++) {
            String param = parts[i].strip();
            int eq = param.indexOf('=');
            if (eq > 0 && param.substring(0, eq).strip().equalsIgnoreCase("charset")) {
                return param.substring(eq + 1).strip().replace("\"", "").replace("'", "");
            }
        }
        String type = parts[0].strip().toLowerCase(Locale.ROOT);
        if (type.equals("text/event-stream") || type.equals("application/json")) {
            return "UTF-8";
        }
        if (type.contains("text")) {
            return "ISO-8859-1";
        }
        return null;
    }

    /**
     * Returns the Content-Type header, or {@code null} when there is none.
     *
     * <p>Falcon 4.0: {@code result.content_type}.
     *
     * @return the Content-Type, or {@code null}
     */
    public String getContentType() {
        return getHeader("Content-Type");
    }

    /**
     * Returns the body parsed as JSON ({@code Map}, {@code List}, ...), or {@code null} when empty.
     *
     * <p>Falcon: {@code result.json}.
     *
     * @return the parsed body, or {@code null} when the body is empty
     */
    public Object getJson() {
        if (content.length == 0) {
            return null;
        }
        try {
            return JSON.readValue(content, Object.class);
        } catch (IOException ex) {
            throw new UncheckedIOException("the body is not JSON: " + getText(), ex);
        }
    }

    /**
     * Returns the body parsed as a JSON object.
     *
     * @return the parsed body as a map, or {@code null} when the body is empty
     */
    @SuppressWarnings("unchecked")
    public Map<String, Object> getJsonMap() {
        return (Map<String, Object>) getJson();
    }

    @Override
    public String toString() {
        return "Result(" + status + ", " + getText() + ")";
    }
}
