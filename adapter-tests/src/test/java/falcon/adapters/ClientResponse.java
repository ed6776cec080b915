package falcon.adapters;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A response as every adapter's client reports it: the status, the header lines by name
 * (case-insensitive, every value in order) and the body bytes.
 */
final class ClientResponse {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final int status;
    private final Map<String, List<String>> headers;
    private final byte[] body;

    ClientResponse(int status, Map<String, List<String>> headers, byte[] body) {
        this.status = status;
        this.headers = caseInsensitive(headers);
        this.body = body;
    }

    static Map<String, List<String>> caseInsensitive(Map<String, List<String>> headers) {
        Map<String, List<String>> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> map.computeIfAbsent(name, n -> new ArrayList<>()).addAll(values));
        return map;
    }

    int status() {
        return status;
    }

    /** The first value of header {@code name}, if it was sent. */
    Optional<String> header(String name) {
        return headers(name).stream().findFirst();
    }

    /** Every value of header {@code name}, in order; empty when it was not sent. */
    List<String> headers(String name) {
        return headers.getOrDefault(name, List.of());
    }

    byte[] body() {
        return body;
    }

    String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The body parsed as a JSON object. */
    @SuppressWarnings("unchecked")
    Map<String, Object> json() {
        try {
            return JSON.readValue(body, Map.class);
        } catch (IOException ex) {
            throw new UncheckedIOException("the body is not a JSON object: " + text(), ex);
        }
    }

    @Override
    public String toString() {
        return status + " " + headers + " " + (body.length > 200 ? body.length + " bytes" : text());
    }
}
