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
    Object msgpack; // serialized by the App's MessagePack handler when the request is made
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

    /**
     * Starts a set of options.
     *
     * @return a new set of options, all at their defaults
     */
    public static Simulate with() {
        return new Simulate();
    }

    /**
     * Sets the query parameters; a value may be a String, a number or a List (repeated names).
     *
     * <p>Falcon: {@code params}.
     *
     * @param params the query parameters, by name
     * @return this options object
     */
    public Simulate params(Map<String, ?> params) {
        this.params = new LinkedHashMap<>(params);
        return this;
    }

    /**
     * Adds one query parameter.
     *
     * @param name the parameter name
     * @param value the value: a String, a number or a List (repeated names)
     * @return this options object
     */
    public Simulate param(String name, Object value) {
        if (params == null) {
            params = new LinkedHashMap<>();
        }
        params.put(name, value);
        return this;
    }

    /**
     * Sends list values as one comma-separated value instead of repeated names. Falcon: {@code
     * params_csv}.
     *
     * @param csv whether list values are sent as one comma-separated value
     * @return this options object
     */
    public Simulate paramsCsv(boolean csv) {
        this.paramsCsv = csv;
        return this;
    }

    /**
     * Sets the raw query string (without {@code ?}). Falcon: {@code query_string}.
     *
     * @param queryString the raw query string, without {@code ?}
     * @return this options object
     */
    public Simulate queryString(String queryString) {
        this.queryString = queryString;
        return this;
    }

    /**
     * Adds a header line.
     *
     * @param name the header name
     * @param value the header value
     * @return this options object
     */
    public Simulate header(String name, String value) {
        headers.add(new String[] {name, value});
        return this;
    }

    /**
     * Adds header lines. Falcon: {@code headers}.
     *
     * @param headers the header lines to add, by name
     * @return this options object
     */
    public Simulate headers(Map<String, String> headers) {
        for (Map.Entry<String, String> e : headers.entrySet()) {
            header(e.getKey(), e.getValue());
        }
        return this;
    }

    /**
     * Sets the body as UTF-8 text.
     *
     * @param body the body text, sent encoded as UTF-8
     * @return this options object
     */
    public Simulate body(String body) {
        this.body = body.getBytes(StandardCharsets.UTF_8);
        return this;
    }

    /**
     * Sets the body bytes.
     *
     * @param body the body bytes
     * @return this options object
     */
    public Simulate body(byte[] body) {
        this.body = body;
        return this;
    }

    /**
     * Sets the body to {@code value} as JSON and Content-Type to {@code application/json}.
     *
     * @param value the value to serialize as JSON
     * @return this options object
     */
    public Simulate json(Object value) {
        try {
            this.body = JSON.writeValueAsBytes(value);
        } catch (JsonProcessingException ex) {
            throw new IllegalArgumentException("cannot serialize " + value, ex);
        }
        this.contentType = "application/json";
        return this;
    }

    /**
     * Sends {@code value} as a MessagePack body ({@code application/msgpack}), serialized with the
     * App's request media handler for MessagePack (module {@code falcon-msgpack}, registered with
     * {@code MessagePackHandler.register(...)}); it takes precedence over {@link #json}.
     *
     * <p>Falcon 4: the {@code msgpack} argument of {@code simulate_request}.
     *
     * @param value the value to send
     * @return this options object
     */
    public Simulate msgpack(Object value) {
        this.msgpack = value;
        this.contentType = "application/msgpack";
        return this;
    }

    /**
     * Sets the Content-Type header. Falcon: {@code content_type}.
     *
     * @param contentType the Content-Type header value
     * @return this options object
     */
    public Simulate contentType(String contentType) {
        this.contentType = contentType;
        return this;
    }

    /**
     * Adds a cookie to the Cookie header.
     *
     * @param name the cookie name
     * @param value the cookie value
     * @return this options object
     */
    public Simulate cookie(String name, String value) {
        cookies.put(name, value);
        return this;
    }

    /**
     * Adds cookies to the Cookie header. Falcon: {@code cookies}.
     *
     * @param cookies the cookies to add, by name
     * @return this options object
     */
    public Simulate cookies(Map<String, String> cookies) {
        this.cookies.putAll(cookies);
        return this;
    }

    /**
     * Sets the Host header ({@code falconframework.org} by default).
     *
     * @param host the host name for the Host header
     * @return this options object
     */
    public Simulate host(String host) {
        this.host = host;
        return this;
    }

    /**
     * Sets the server port (80, or 443 for https, by default).
     *
     * @param port the server port; a positive one is also added to the Host header
     * @return this options object
     */
    public Simulate port(int port) {
        this.port = port;
        return this;
    }

    /**
     * Sets the client's address ({@code 127.0.0.1} by default).
     *
     * @param remoteAddr the client's IP address
     * @return this options object
     */
    public Simulate remoteAddr(String remoteAddr) {
        this.remoteAddr = remoteAddr;
        return this;
    }

    /**
     * Sets the URL scheme, {@code http} (the default) or {@code https}; the same as {@link
     * #scheme(String)}. This is not the HTTP version: use {@link #httpVersion(String)} for that.
     *
     * <p>Falcon: {@code protocol} of {@code simulate_request}.
     *
     * @param protocol the URL scheme, {@code http} or {@code https}
     * @return this options object
     */
    public Simulate protocol(String protocol) {
        return scheme(protocol);
    }

    /**
     * Sets the URL scheme, {@code http} (the default) or {@code https}. Falcon: {@code scheme} of
     * {@code create_environ}.
     *
     * @param scheme the URL scheme, {@code http} or {@code https}
     * @return this options object
     */
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
     * @param httpVersion the HTTP version, e.g. {@code "1.1"}
     * @return this options object
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

    /**
     * Sets the root path the App is mounted under. Falcon: {@code root_path}.
     *
     * @param rootPath the root path, e.g. {@code "/api"}
     * @return this options object
     */
    public Simulate rootPath(String rootPath) {
        this.rootPath = rootPath;
        return this;
    }
}
