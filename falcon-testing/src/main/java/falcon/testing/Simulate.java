package falcon.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The options of a simulated request: query, headers, body, cookies, client address and so on.
 *
 * <pre>{@code
 * client.simulatePost("/things", Simulate.with().json(Map.of("name", "thing")).header("X-Id", "7"));
 * }</pre>
 *
 * <p>Falcon: the keyword arguments of {@code falcon.testing.simulate_request}.
 */
public final class Simulate {

    private static final ObjectMapper JSON = new ObjectMapper();

    Map<String, Object> params;
    boolean paramsCsv;
    String queryString;
    final List<String[]> headers = new ArrayList<>();
    byte[] body;
    String contentType;
    final Map<String, String> cookies = new LinkedHashMap<>();
    String host = "falconframework.org";
    int port = -1;
    String remoteAddr = "127.0.0.1";
    /** The request line's protocol, {@code "HTTP/" + http_version}; what {@code Request.getProtocol()} returns. */
    String serverProtocol = "HTTP/1.1";
    String scheme = "http";
    String rootPath = "";

    private Simulate() {
    }

    /** Starts a set of options. */
    public static Simulate with() {
        return new Simulate();
    }

    /**
     * Sets the query parameters; a value may be a String, a number or a List (repeated names).
     *
     * <p>Falcon: {@code params}.
     */
    public Simulate params(Map<String, ?> params) {
        this.params = new LinkedHashMap<>(params);
        return this;
    }

    /** Adds one query parameter. */
    public Simulate param(String name, Object value) {
        if (params == null) {
            params = new LinkedHashMap<>();
        }
        params.put(name, value);
        return this;
    }

    /** Sends list values as one comma-separated value instead of repeated names. Falcon: {@code params_csv}. */
    public Simulate paramsCsv(boolean csv) {
        this.paramsCsv = csv;
        return this;
    }

    /** Sets the raw query string (without {@code ?}). Falcon: {@code query_string}. */
    public Simulate queryString(String queryString) {
        this.queryString = queryString;
        return this;
    }

    /** Adds a header line. */
    public Simulate header(String name, String value) {
        headers.add(new String[] {name, value});
        return this;
    }

    /** Adds header lines. Falcon: {@code headers}. */
    public Simulate headers(Map<String, String> headers) {
        for (Map.Entry<String, String> e : headers.entrySet()) {
            header(e.getKey(), e.getValue());
        }
        return this;
    }

    /** Sets the body as UTF-8 text. */
    public Simulate body(String body) {
        this.body = body.getBytes(StandardCharsets.UTF_8);
        return this;
    }

    /** Sets the body bytes. */
    public Simulate body(byte[] body) {
        this.body = body;
        return this;
    }

    /** Sets the body to {@code value} as JSON and Content-Type to {@code application/json}. */
    public Simulate json(Object value) {
        try {
            this.body = JSON.writeValueAsBytes(value);
        } catch (JsonProcessingException ex) {
            throw new IllegalArgumentException("cannot serialize " + value, ex);
        }
        this.contentType = "application/json";
        return this;
    }

    /** Sets the Content-Type header. Falcon: {@code content_type}. */
    public Simulate contentType(String contentType) {
        this.contentType = contentType;
        return this;
    }

    /** Adds a cookie to the Cookie header. */
    public Simulate cookie(String name, String value) {
        cookies.put(name, value);
        return this;
    }

    /** Adds cookies to the Cookie header. Falcon: {@code cookies}. */
    public Simulate cookies(Map<String, String> cookies) {
        this.cookies.putAll(cookies);
        return this;
    }

    /** Sets the Host header ({@code falconframework.org} by default). */
    public Simulate host(String host) {
        this.host = host;
        return this;
    }

    /** Sets the server port (80, or 443 for https, by default). */
    public Simulate port(int port) {
        this.port = port;
        return this;
    }

    /** Sets the client's address ({@code 127.0.0.1} by default). */
    public Simulate remoteAddr(String remoteAddr) {
        this.remoteAddr = remoteAddr;
        return this;
    }

    /**
     * Sets the URL scheme, {@code http} (the default) or {@code https}; the same as {@link
     * #scheme(String)}. This is not the HTTP version: use {@link #httpVersion(String)} for that.
     *
     * <p>Falcon: {@code protocol} of {@code simulate_request}.
     */
    public Simulate protocol(String protocol) {
        return scheme(protocol);
    }

    /** Sets the URL scheme, {@code http} (the default) or {@code https}. Falcon: {@code scheme} of {@code create_environ}. */
    public Simulate scheme(String scheme) {
        this.scheme = scheme;
        return this;
    }

    /**
     * Sets the HTTP version without {@code HTTP/}: {@code "1.1"} (the default), {@code "1.0"} or
     * {@code "2"} ({@code "1"} and {@code "2.0"} are read as {@code "1.0"} and {@code "2"}). The
     * request's {@code getProtocol()} becomes {@code "HTTP/" + version}.
     *
     * <p>Falcon: {@code http_version}.
     *
     * @throws IllegalArgumentException for any other value, as Falcon raises {@code ValueError}
     */
    public Simulate httpVersion(String httpVersion) {
        String version;
        if ("2".equals(httpVersion) || "2.0".equals(httpVersion)) {
            version = "2";
        } else if ("1".equals(httpVersion) || "1.0".equals(httpVersion)) {
            version = "1.0";
        } else if ("1.1".equals(httpVersion)) {
            version = "1.1";
        } else {
            throw new IllegalArgumentException("Invalid http_version specified: " + httpVersion);
        }
        this.serverProtocol = "HTTP/" + version;
        return this;
    }

    /** Sets the root path the App is mounted under. Falcon: {@code root_path}. */
    public Simulate rootPath(String rootPath) {
        this.rootPath = rootPath;
        return this;
    }
}
