package falcon.testing;

import falcon.App;
import falcon.gateway.Handler;
import falcon.gateway.Reply;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Simulates requests against an App in memory, through the gateway SPI, with no socket.
 *
 * <pre>{@code
 * TestClient client = new TestClient(app);
 * Result result = client.simulateGet("/things", Simulate.with().param("limit", 5));
 * assertThat(result.getStatusCode()).isEqualTo(200);
 * }</pre>
 *
 * <p>Falcon: {@code falcon.testing.TestClient}; {@code simulateGet} and its short alias {@code
 * get} are Falcon's {@code simulate_get} and {@code get}.
 */
public class TestClient {

    private final Handler app;
    private final Map<String, String> defaultHeaders;

    /** Creates a client for {@code app}. */
    public TestClient(App app) {
        this(app, Map.of());
    }

    /**
     * Creates a client that sends {@code defaultHeaders} with every request (a request's own
     * headers of the same name are sent too, after them).
     */
    public TestClient(Handler app, Map<String, String> defaultHeaders) {
        this.app = app;
        this.defaultHeaders = new LinkedHashMap<>(defaultHeaders);
    }

    /**
     * Simulates a request.
     *
     * @param method the method, e.g. {@code GET}
     * @param path the path, possibly with a query string and percent-escapes
     * @param options the other parts of the request
     * @return the response
     */
    public Result simulateRequest(String method, String path, Simulate options) {
        Simulate opts = options == null ? Simulate.with() : options;
        if (!defaultHeaders.isEmpty()) {
            Simulate merged = Simulate.with();
            merged.headers(defaultHeaders);
            copy(opts, merged);
            opts = merged;
        }
        InMemoryExchange exchange = new InMemoryExchange(method, path, opts);
        app.handle(exchange);
        Reply reply = exchange.reply();
        if (reply == null) {
            throw new IllegalStateException("the App did not respond to " + method + " " + path);
        }
        byte[] content = reply.body();
        InputStream stream = reply.stream();
        if (stream != null) {
            try (stream) {
                content = stream.readAllBytes();
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
        Result result = new Result(reply, content == null ? new byte[0] : content);
        reply.afterSent();
        return result;
    }

    private static void copy(Simulate from, Simulate to) {
        to.headers.addAll(from.headers);
        to.params = from.params;
        to.paramsCsv = from.paramsCsv;
        to.queryString = from.queryString;
        to.body = from.body;
        to.contentType = from.contentType;
        to.cookies.putAll(from.cookies);
        to.host = from.host;
        to.port = from.port;
        to.remoteAddr = from.remoteAddr;
        to.protocol = from.protocol;
        to.scheme = from.scheme;
        to.rootPath = from.rootPath;
    }

    /** Simulates a request with no options. */
    public Result simulateRequest(String method, String path) {
        return simulateRequest(method, path, null);
    }

    /** Simulates a GET. */
    public Result simulateGet(String path) {
        return simulateRequest("GET", path, null);
    }

    /** Simulates a GET with options. */
    public Result simulateGet(String path, Simulate options) {
        return simulateRequest("GET", path, options);
    }

    /** Simulates a HEAD. */
    public Result simulateHead(String path) {
        return simulateRequest("HEAD", path, null);
    }

    /** Simulates a HEAD with options. */
    public Result simulateHead(String path, Simulate options) {
        return simulateRequest("HEAD", path, options);
    }

    /** Simulates a POST. */
    public Result simulatePost(String path) {
        return simulateRequest("POST", path, null);
    }

    /** Simulates a POST with options. */
    public Result simulatePost(String path, Simulate options) {
        return simulateRequest("POST", path, options);
    }

    /** Simulates a PUT. */
    public Result simulatePut(String path) {
        return simulateRequest("PUT", path, null);
    }

    /** Simulates a PUT with options. */
    public Result simulatePut(String path, Simulate options) {
        return simulateRequest("PUT", path, options);
    }

    /** Simulates an OPTIONS. */
    public Result simulateOptions(String path) {
        return simulateRequest("OPTIONS", path, null);
    }

    /** Simulates an OPTIONS with options. */
    public Result simulateOptions(String path, Simulate options) {
        return simulateRequest("OPTIONS", path, options);
    }

    /** Simulates a PATCH. */
    public Result simulatePatch(String path) {
        return simulateRequest("PATCH", path, null);
    }

    /** Simulates a PATCH with options. */
    public Result simulatePatch(String path, Simulate options) {
        return simulateRequest("PATCH", path, options);
    }

    /** Simulates a DELETE. */
    public Result simulateDelete(String path) {
        return simulateRequest("DELETE", path, null);
    }

    /** Simulates a DELETE with options. */
    public Result simulateDelete(String path, Simulate options) {
        return simulateRequest("DELETE", path, options);
    }

    /** Short alias of {@link #simulateGet(String)}. */
    public Result get(String path) {
        return simulateGet(path);
    }

    /** Short alias of {@link #simulateGet(String, Simulate)}. */
    public Result get(String path, Simulate options) {
        return simulateGet(path, options);
    }

    /** Short alias of {@link #simulateHead(String, Simulate)}. */
    public Result head(String path, Simulate options) {
        return simulateHead(path, options);
    }

    /** Short alias of {@link #simulatePost(String, Simulate)}. */
    public Result post(String path, Simulate options) {
        return simulatePost(path, options);
    }

    /** Short alias of {@link #simulatePut(String, Simulate)}. */
    public Result put(String path, Simulate options) {
        return simulatePut(path, options);
    }

    /** Short alias of {@link #simulateOptions(String, Simulate)}. */
    public Result options(String path, Simulate options) {
        return simulateOptions(path, options);
    }

    /** Short alias of {@link #simulatePatch(String, Simulate)}. */
    public Result patch(String path, Simulate options) {
        return simulatePatch(path, options);
    }

    /** Short alias of {@link #simulateDelete(String, Simulate)}. */
    public Result delete(String path, Simulate options) {
        return simulateDelete(path, options);
    }
}
