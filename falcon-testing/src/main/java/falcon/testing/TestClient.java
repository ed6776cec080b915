package falcon.testing;

import falcon.App;
import falcon.HTTPError;
import falcon.WebSocketPayloadType;
import falcon.gateway.Handler;
import falcon.gateway.Reply;
import falcon.gateway.ReplyBody;
import falcon.internal.Publishers;
import falcon.media.BinaryBaseHandlerWS;
import java.io.IOException;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

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

    /** How long a simulated request waits for the App's reply. */
    public static final Duration REPLY_TIMEOUT = Duration.ofSeconds(60);

    private final Handler app;
    private final Map<String, String> defaultHeaders;

    /**
     * Creates a client for {@code app}.
     *
     * @param app the App to simulate requests against
     */
    public TestClient(App app) {
        this(app, Map.of());
    }

    /**
     * Creates a client for any {@link Handler}: a lambda, or a Handler that wraps an App.
     *
     * @param app the handler to simulate requests against
     */
    public TestClient(Handler app) {
        this(app, Map.of());
    }

    /**
     * Creates a client that sends {@code defaultHeaders} with every request (a request's own
     * headers of the same name are sent too, after them).
     *
     * @param app the handler to simulate requests against
     * @param defaultHeaders the headers to send with every request, by name
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
        Simulate opts = withDefaults(options);
        Reply reply = handle(method, path, opts);
        ReplyBody body = reply.body();
        byte[] content = null;
        if (body instanceof ReplyBody.Bytes) {
            content = ((ReplyBody.Bytes) body).bytes();
        } else if (body instanceof ReplyBody.Stream || body instanceof ReplyBody.FileRegion) {
            try (InputStream stream = streamOf(body)) {
                content = stream.readAllBytes();
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        } else if (body instanceof ReplyBody.Publisher) {
            content = await(Publishers.readAll(((ReplyBody.Publisher) body).publisher(), -1),
                    method, path);
        }
        Result result = new Result(reply, content == null ? new byte[0] : content);
        reply.afterSent();
        return result;
    }

    /** A stream, a file region or bytes as a stream; an empty one for none. */
    static InputStream streamOf(ReplyBody body) {
        if (body instanceof ReplyBody.Stream) {
            return ((ReplyBody.Stream) body).stream();
        }
        if (body instanceof ReplyBody.FileRegion) {
            return ((ReplyBody.FileRegion) body).openStream();
        }
        return new ByteArrayInputStream(body == null ? new byte[0] : ((ReplyBody.Bytes) body).bytes());
    }

    private Simulate withDefaults(Simulate options) {
        Simulate opts = options == null ? Simulate.with() : options;
        if (!defaultHeaders.isEmpty()) {
            Simulate merged = Simulate.with();
            merged.headers(defaultHeaders);
            copy(opts, merged);
            opts = merged;
        }
        return opts;
    }

    /** Runs the App on this thread and waits for its reply, which may come from another thread. */
    private Reply handle(String method, String path, Simulate opts) {
        if (opts.msgpack != null) {
            opts.body = msgpackBody(opts.msgpack);
            opts.contentType = "application/msgpack";
        }
        InMemoryExchange exchange = new InMemoryExchange(method, path, opts);
        app.handle(exchange);
        return await(exchange.reply(), method, path);
    }

    /** Serializes with the App's MessagePack request handler, as Falcon's client packs {@code msgpack=}. */
    private byte[] msgpackBody(Object value) {
        if (app instanceof App) {
            try {
                return ((App) app).getReqOptions().getMediaHandlers()
                        .resolve("application/msgpack", "application/msgpack").serialize(value, "application/msgpack");
            } catch (HTTPError ex) {
                // no MessagePack handler: said below
            }
        }
        throw new IllegalStateException("Simulate.msgpack needs a MessagePack handler in the App's request media"
                + " handlers: add module falcon-msgpack and call MessagePackHandler.register(...)");
    }

    /** The App's BINARY WebSocket media handler, for the simulator's MessagePack messages. */
    private BinaryBaseHandlerWS binaryHandler() {
        if (app instanceof App) {
            Object handler = ((App) app).getWsOptions().mediaHandlers.get(WebSocketPayloadType.BINARY);
            if (handler instanceof BinaryBaseHandlerWS) {
                return (BinaryBaseHandlerWS) handler;
            }
        }
        return null;
    }

    private static <T> T await(CompletableFuture<T> future, String method, String path) {
        try {
            return future.get(REPLY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException ex) {
            throw new AssertionError("the App did not respond to " + method + " " + path + " within "
                    + REPLY_TIMEOUT.toSeconds() + " s");
        } catch (ExecutionException ex) {
            throw new IllegalStateException(method + " " + path + " failed", ex.getCause());
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", ex);
        }
    }

    // ---------------------------------------------------------------- conductor

    Handler app() {
        return app;
    }

    /**
     * Starts a session that runs the App's lifespan: {@code processStartup} now, {@code
     * processShutdown} when the conductor is closed. Falcon: {@code async with client as conductor}.
     *
     * @return the session; closing it runs {@code processShutdown}
     * @throws IllegalStateException when a component's {@code processStartup} failed
     */
    public Conductor conductor() {
        return new Conductor(this);
    }

    /**
     * Simulates a request without waiting: the App runs on another thread, so several requests
     * can be in flight at once. Falcon: the coroutine {@code ASGIConductor.simulate_request}.
     *
     * @param method the method, e.g. {@code GET}
     * @param path the path, possibly with a query string and percent-escapes
     * @param options the other parts of the request
     * @return a future that completes with the response
     */
    public CompletableFuture<Result> simulateRequestAsync(String method, String path,
            Simulate options) {
        return CompletableFuture.supplyAsync(() -> simulateRequest(method, path, options),
                Publishers.blockingExecutor());
    }

    /**
     * Simulates a GET without waiting.
     *
     * @param path the path, possibly with a query string and percent-escapes
     * @return a future that completes with the response
     */
    public CompletableFuture<Result> simulateGetAsync(String path) {
        return simulateRequestAsync("GET", path, null);
    }

    /**
     * Simulates a GET with options without waiting.
     *
     * @param path the path, possibly with a query string and percent-escapes
     * @param options the other parts of the request
     * @return a future that completes with the response
     */
    public CompletableFuture<Result> simulateGetAsync(String path, Simulate options) {
        return simulateRequestAsync("GET", path, options);
    }

    /**
     * Simulates a POST with options without waiting.
     *
     * @param path the path, possibly with a query string and percent-escapes
     * @param options the other parts of the request
     * @return a future that completes with the response
     */
    public CompletableFuture<Result> simulatePostAsync(String path, Simulate options) {
        return simulateRequestAsync("POST", path, options);
    }

    /**
     * Simulates a GET and returns as soon as the head is out; read the body chunk by chunk.
     * Falcon: {@code simulate_get_stream} / {@code get_stream}.
     *
     * @param path the path, possibly with a query string and percent-escapes
     * @return the response, its body to be read chunk by chunk
     */
    public StreamedResult simulateGetStream(String path) {
        return simulateGetStream(path, null);
    }

    /**
     * Simulates a GET with options, streamed.
     *
     * @param path the path, possibly with a query string and percent-escapes
     * @param options the other parts of the request
     * @return the response, its body to be read chunk by chunk
     */
    public StreamedResult simulateGetStream(String path, Simulate options) {
        Simulate opts = withDefaults(options);
        InMemoryExchange exchange = new InMemoryExchange("GET", path, opts);
        Publishers.blockingExecutor().execute(() -> app.handle(exchange));
        return new StreamedResult(await(exchange.reply(), "GET", path));
    }

    /**
     * Opens a simulated WebSocket to {@code path} and waits until the App accepted it.
     *
     * <p>Falcon: {@code simulate_ws(path)} ({@code async with conductor.simulate_ws(path) as ws}).
     *
     * @param path the path, possibly with a query string and percent-escapes
     * @return the connection, once the App accepted it
     * @throws falcon.WebSocketPathNotFound when no route matched (close code 3404)
     * @throws falcon.WebSocketHandlerNotFound when the resource has no {@code onWebsocket} (3405)
     * @throws falcon.WebSocketDisconnected when the App denied or closed the connection otherwise
     */
    public WebSocketSimulator simulateWs(String path) {
        return simulateWs(path, null);
    }

    /**
     * Opens a simulated WebSocket with options; offer subprotocols with a {@code
     * Sec-WebSocket-Protocol} header.
     *
     * @param path the path, possibly with a query string and percent-escapes
     * @param options the other parts of the request
     * @return the connection, once the App accepted it
     */
    public WebSocketSimulator simulateWs(String path, Simulate options) {
        Simulate opts = withDefaults(options);
        opts.header("Upgrade", "websocket");
        opts.header("Connection", "Upgrade");
        opts.header("Sec-WebSocket-Version", "13");
        InMemoryExchange exchange = new InMemoryExchange("GET", path, opts);
        WebSocketSimulator ws = new WebSocketSimulator(
                WebSocketSimulator.parseSubprotocols(exchange.headers().getAll("Sec-WebSocket-Protocol")),
                binaryHandler());
        exchange.setWebSocket(ws.channel());
        Publishers.blockingExecutor().execute(() -> {
            try {
                app.handle(exchange);
            } finally {
                ws.appDone().complete(null);
            }
        });
        try {
            ws.waitReady();
        } catch (RuntimeException | AssertionError ex) {
            ws.appDone().orTimeout(WebSocketSimulator.DEFAULT_TIMEOUT.toMillis(),
                    TimeUnit.MILLISECONDS).exceptionally(t -> null).join();
            throw ex;
        }
        return ws;
    }

    /**
     * Short alias of {@link #simulateWs(String)}. Falcon: {@code websocket}.
     *
     * @param path the path, possibly with a query string and percent-escapes
     * @return the connection, once the App accepted it
     */
    public WebSocketSimulator websocket(String path) {
        return simulateWs(path);
    }

    private static void copy(Simulate from, Simulate to) {
        to.headers.addAll(from.headers);
        to.params = from.params;
        to.paramsCsv = from.paramsCsv;
        to.queryString = from.queryString;
        to.body = from.body;
        to.contentType = from.contentType;
        to.msgpack = from.msgpack;
        to.cookies.putAll(from.cookies);
        to.host = from.host;
        to.port = from.port;
        to.remoteAddr = from.remoteAddr;
        to.serverProtocol = from.serverProtocol;
        to.scheme = from.scheme;
        to.rootPath = from.rootPath;
    }

    /**
     * Simulates a request with no options.
     *
     * @param method the method, e.g. {@code GET}
     * @param path the path, possibly with a query string and percent-escapes
     * @return the response
     */
    public Result simulateRequest(String method, String path) {
        return simulateRequest(method, path, null);
    }

    /**
     * Simulates a GET.
     *
     * @param path the path, possibly with a query string and percent-escapes
     * @return the response
     */
    public Result simulateGet(String path) {
        return simulateRequest("GET", path, null);
    }

    /**
     * Simulates a GET with options.
     *
     * @param path the path, possibly with a query string and percent-escapes
     * @param options the other parts of the request
     * @return the response
     */
    public Result simulateGet(String path, Simulate options) {
        return simulateRequest("GET", path, options);
    }

    /**
     * Simulates a HEAD.
     *
     * @param path the path, possibly with a query string and percent-escapes
     * @return the response
     */
    public Result simulateHead(String path) {
        return simulateRequest("HEAD", path, null);
    }

    /**
     * Simulates a HEAD with options.
     *
     * @param path the path, possibly with a query string and percent-escapes
     * @param options the other parts of the request
     * @return the response
     */
    public Result simulateHead(String path, Simulate options) {
        return simulateRequest("HEAD", path, options);
    }

    /**
     * Simulates a POST.
     *
     * @param path the path, possibly with a query string and percent-escapes
     * @return the response
     */
    public Result simulatePost(String path) {
        return simulateRequest("POST", path, null);
    }

    /**
     * Simulates a POST with options.
     *
     * @param path the path, possibly with a query string and percent-escapes
     * @param options the other parts of the request
     * @return the response
     */
    public Result simulatePost(String path, Simulate options) {
        return simulateRequest("POST", path, options);
    }

    /**
     * Simulates a PUT.
     *
     * @param path the path, possibly with a query string and percent-escapes
     * @return the response
     */
    public Result simulatePut(String path) {
        return simulateRequest("PUT", path, null);
    }

    /**
     * Simulates a PUT with options.
     *
     * @param path the path, possibly with a query string and percent-escapes
     * @param options the other parts of the request
     * @return the response
     */
    public Result simulatePut(String path, Simulate options) {
        return simulateRequest("PUT", path, options);
    }

    /**
     * Simulates an OPTIONS.
     *
     * @param path the path, possibly with a query string and percent-escapes
     * @return the response
     */
    public Result simulateOptions(String path) {
        return simulateRequest("OPTIONS", path, null);
    }

    /**
     * Simulates an OPTIONS with options.
     *
     * @param path the path, possibly with a query string and percent-escapes
     * @param options the other parts of the request
     * @return the response
     */
    public Result simulateOptions(String path, Simulate options) {
        return simulateRequest("OPTIONS", path, options);
    }

    /**
     * Simulates a PATCH.
     *
     * @param path the path, possibly with a query string and percent-escapes
     * @return the response
     */
    public Result simulatePatch(String path) {
        return simulateRequest("PATCH", path, null);
    }

    /**
     * Simulates a PATCH with options.
     *
     * @param path the path, possibly with a query string and percent-escapes
     * @param options the other parts of the request
     * @return the response
     */
    public Result simulatePatch(String path, Simulate options) {
        return simulateRequest("PATCH", path, options);
    }

    /**
     * Simulates a DELETE.
     *
     * @param path the path, possibly with a query string and percent-escapes
     * @return the response
     */
    public Result simulateDelete(String path) {
        return simulateRequest("DELETE", path, null);
    }

    /**
     * Simulates a DELETE with options.
     *
     * @param path the path, possibly with a query string and percent-escapes
     * @param options the other parts of the request
     * @return the response
     */
    public Result simulateDelete(String path, Simulate options) {
        return simulateRequest("DELETE", path, options);
    }

    /**
     * Short alias of {@link #simulateGet(String)}.
     *
     * @param path the path, possibly with a query string and percent-escapes
     * @return the response
     */
    public Result get(String path) {
        return simulateGet(path);
    }

    /**
     * Short alias of {@link #simulateGet(String, Simulate)}.
     *
     * @param path the path, possibly with a query string and percent-escapes
     * @param options the other parts of the request
     * @return the response
     */
    public Result get(String path, Simulate options) {
        return simulateGet(path, options);
    }

    /**
     * Short alias of {@link #simulateHead(String, Simulate)}.
     *
     * @param path the path, possibly with a query string and percent-escapes
     * @param options the other parts of the request
     * @return the response
     */
    public Result head(String path, Simulate options) {
        return simulateHead(path, options);
    }

    /**
     * Short alias of {@link #simulatePost(String, Simulate)}.
     *
     * @param path the path, possibly with a query string and percent-escapes
     * @param options the other parts of the request
     * @return the response
     */
    public Result post(String path, Simulate options) {
        return simulatePost(path, options);
    }

    /**
     * Short alias of {@link #simulatePut(String, Simulate)}.
     *
     * @param path the path, possibly with a query string and percent-escapes
     * @param options the other parts of the request
     * @return the response
     */
    public Result put(String path, Simulate options) {
        return simulatePut(path, options);
    }

    /**
     * Short alias of {@link #simulateOptions(String, Simulate)}.
     *
     * @param path the path, possibly with a query string and percent-escapes
     * @param options the other parts of the request
     * @return the response
     */
    public Result options(String path, Simulate options) {
        return simulateOptions(path, options);
    }

    /**
     * Short alias of {@link #simulatePatch(String, Simulate)}.
     *
     * @param path the path, possibly with a query string and percent-escapes
     * @param options the other parts of the request
     * @return the response
     */
    public Result patch(String path, Simulate options) {
        return simulatePatch(path, options);
    }

    /**
     * Short alias of {@link #simulateDelete(String, Simulate)}.
     *
     * @param path the path, possibly with a query string and percent-escapes
     * @param options the other parts of the request
     * @return the response
     */
    public Result delete(String path, Simulate options) {
        return simulateDelete(path, options);
    }
}
