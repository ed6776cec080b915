package falcon.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import falcon.gateway.Reply;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
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

    /** Returns the status line, e.g. {@code 200 OK}. */
    public String getStatus() {
        return status;
    }

    /** Returns the status code. */
    public int getStatusCode() {
        return statusCode;
    }

    /**
     * Returns the headers by name, case-insensitively; a repeated header gives its last value.
     *
     * <p>Falcon: {@code result.headers}.
     */
    public Map<String, String> getHeaders() {
        Map<String, String> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 0; i < headerLines.size(); i += 2) {
            map.put(headerLines.get(i), headerLines.get(i + 1));
        }
        return Collections.unmodifiableMap(map);
    }

    /** Returns header {@code name} (last value when repeated), or {@code null}. */
    public String getHeader(String name) {
        String value = null;
        for (int i = 0; i < headerLines.size(); i += 2) {
            if (headerLines.get(i).equalsIgnoreCase(name)) {
                value = headerLines.get(i + 1);
            }
        }
        return value;
    }

    /** Returns every value of header {@code name}, in order. */
    public List<String> getHeaderValues(String name) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < headerLines.size(); i += 2) {
            if (headerLines.get(i).equalsIgnoreCase(name)) {
                values.add(headerLines.get(i + 1));
            }
        }
        return values;
    }

    /** Returns the header lines in order, flat: name, value, name, value... */
    public List<String> getHeaderLines() {
        return headerLines;
    }

    /** Returns the cookies set by the response, by name. */
    public Map<String, Cookie> getCookies() {
        Map<String, Cookie> cookies = new LinkedHashMap<>();
        for (String line : getHeaderValues("set-cookie")) {
            Cookie c = Cookie.parse(line);
            cookies.put(c.getName(), c);
        }
        return cookies;
    }

    /** Returns the body bytes. Falcon: {@code result.content}. */
    public byte[] getContent() {
        return content;
    }

    /** Returns the body decoded as UTF-8. Falcon: {@code result.text}. */
    public String getText() {
        return new String(content, StandardCharsets.UTF_8);
    }

    /**
     * Returns the body parsed as JSON ({@code Map}, {@code List}, ...), or {@code null} when empty.
     *
     * <p>Falcon: {@code result.json}.
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

    /** Returns the body parsed as a JSON object. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> getJsonMap() {
        return (Map<String, Object>) getJson();
    }

    @Override
    public String toString() {
        return "Result(" + status + ", " + getText() + ")";
    }
}
