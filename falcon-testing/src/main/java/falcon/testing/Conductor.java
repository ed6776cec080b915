package falcon.testing;

import java.util.concurrent.CompletableFuture;

/**
 * A test client session that runs the App's lifespan: {@code processStartup} on creation,
 * {@code processShutdown} on {@link #close()}; simulate requests, streams and WebSockets in
 * between, concurrently if you like.
 *
 * <pre>{@code
 * try (Conductor conductor = client.conductor()) {
 *     CompletableFuture<Result> slow = conductor.simulateGetAsync("/slow");
 *     Result fast = conductor.simulateGet("/fast");
 *     try (WebSocketSimulator ws = conductor.simulateWs("/chat")) { ... }
 * }
 * }</pre>
 *
 * <p>Falcon: {@code falcon.testing.ASGIConductor} ({@code async with client as conductor}).
 */
public final class Conductor implements AutoCloseable {

    private final TestClient client;
    private boolean closed;

    Conductor(TestClient client) {
        this.client = client;
        client.app().startup();
    }

    /**
     * Returns the client this conductor drives.
     *
     * @return the client
     */
    public TestClient client() {
        return client;
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
        return client.simulateRequest(method, path, options);
    }

    /**
     * Simulates a GET.
     *
     * @param path the path, possibly with a query string and percent-escapes
     * @return the response
     */
    public Result simulateGet(String path) {
        return client.simulateGet(path);
    }

    /**
     * Simulates a GET with options.
     *
     * @param path the path, possibly with a query string and percent-escapes
     * @param options the other parts of the request
     * @return the response
     */
    public Result simulateGet(String path, Simulate options) {
        return client.simulateGet(path, options);
    }

    /**
     * Simulates a POST with options.
     *
     * @param path the path, possibly with a query string and percent-escapes
     * @param options the other parts of the request
     * @return the response
     */
    public Result simulatePost(String path, Simulate options) {
        return client.simulatePost(path, options);
    }

    /**
     * Simulates a request without waiting.
     *
     * @param method the method, e.g. {@code GET}
     * @param path the path, possibly with a query string and percent-escapes
     * @param options the other parts of the request
     * @return a future that completes with the response
     */
    public CompletableFuture<Result> simulateRequestAsync(String method, String path, Simulate options) {
        return client.simulateRequestAsync(method, path, options);
    }

    /**
     * Simulates a GET without waiting.
     *
     * @param path the path, possibly with a query string and percent-escapes
     * @return a future that completes with the response
     */
    public CompletableFuture<Result> simulateGetAsync(String path) {
        return client.simulateGetAsync(path);
    }

    /**
     * Simulates a GET whose body is read chunk by chunk. Falcon: {@code simulate_get_stream}.
     *
     * @param path the path, possibly with a query string and percent-escapes
     * @return the response, its body to be read chunk by chunk
     */
    public StreamedResult simulateGetStream(String path) {
        return client.simulateGetStream(path);
    }

    /**
     * Short alias of {@link #simulateGetStream}. Falcon: {@code get_stream}.
     *
     * @param path the path, possibly with a query string and percent-escapes
     * @return the response, its body to be read chunk by chunk
     */
    public StreamedResult getStream(String path) {
        return client.simulateGetStream(path);
    }

    /**
     * Opens a simulated WebSocket. Falcon: {@code simulate_ws}.
     *
     * @param path the path, possibly with a query string and percent-escapes
     * @return the connection, once the App accepted it
     */
    public WebSocketSimulator simulateWs(String path) {
        return client.simulateWs(path);
    }

    /**
     * Opens a simulated WebSocket with options.
     *
     * @param path the path, possibly with a query string and percent-escapes
     * @param options the other parts of the request
     * @return the connection, once the App accepted it
     */
    public WebSocketSimulator simulateWs(String path, Simulate options) {
        return client.simulateWs(path, options);
    }

    /**
     * Short alias of {@link #simulateWs(String)}. Falcon: {@code websocket}.
     *
     * @param path the path, possibly with a query string and percent-escapes
     * @return the connection, once the App accepted it
     */
    public WebSocketSimulator websocket(String path) {
        return client.simulateWs(path);
    }

    /**
     * Runs the App's {@code processShutdown}.
     *
     * @throws IllegalStateException when a component's {@code processShutdown} failed
     */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            client.app().shutdown();
        }
    }
}
