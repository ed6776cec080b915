package benchmarks;

import benchmarks.app.BenchApp;
import falcon.App;
import falcon.gateway.Reply;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One whole request through {@code App.handle} with no socket: middleware, router, responder,
 * media and the reply, for the workloads of {@code benchmarks/ENDPOINTS.md}. With {@code
 * -prof gc} it gives the allocation per request.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class InMemoryRequestBenchmark {

    // What wrk sends: Host, and for the echo a JSON body.
    private static final BenchExchange.Headers GET_HEADERS = new BenchExchange.Headers("Host", "127.0.0.1:8080");
    private static final byte[] ECHO_BODY = ("{\"id\":\"ord_8f3a2c91\",\"type\":\"order\",\"version\":3,"
            + "\"customer\":{\"id\":48213,\"name\":\"Ada Lovelace\",\"vip\":true,\"tags\":[\"b2b\",\"eu\"]},"
            + "\"items\":[{\"sku\":\"FAL-002\",\"title\":\"Caf\u00e9 mug\",\"qty\":1,\"price\":12.5}]}")
            .getBytes(StandardCharsets.UTF_8);
    private static final BenchExchange.Headers ECHO_HEADERS = new BenchExchange.Headers("Host", "127.0.0.1:8080",
            "Content-Type", "application/json", "Content-Length", Integer.toString(ECHO_BODY.length));

    private App app;

    /** Builds the app and checks that each request answers 200. */
    @Setup
    public void setUp() {
        app = BenchApp.create();
        for (Reply reply : new Reply[] {plaintext(), json(), route(), mw(), echo()}) {
            if (reply.status() != 200) {
                throw new IllegalStateException("status " + reply.status());
            }
        }
    }

    private Reply handle(String method, String path, String query, BenchExchange.Headers headers, byte[] body) {
        BenchExchange exchange = new BenchExchange(method, path, query, headers, body);
        app.handle(exchange);
        return exchange.reply;
    }

    /** {@code GET /plaintext}. */
    @Benchmark
    public Reply plaintext() {
        return handle("GET", "/plaintext", "", GET_HEADERS, null);
    }

    /** {@code GET /json}: a map serialized by the compact JSONHandler. */
    @Benchmark
    public Reply json() {
        return handle("GET", "/json", "", GET_HEADERS, null);
    }

    /** {@code GET /users/42/items/abc123?q=test}: two fields, a query parameter, JSON. */
    @Benchmark
    public Reply route() {
        return handle("GET", "/users/42/items/abc123", "q=test", GET_HEADERS, null);
    }

    /** {@code GET /mw}: the three middleware components add their headers. */
    @Benchmark
    public Reply mw() {
        return handle("GET", "/mw", "", GET_HEADERS, null);
    }

    /** {@code POST /echo} with a small JSON document: parse, then serialize back. */
    @Benchmark
    public Reply echo() {
        return handle("POST", "/echo", "", ECHO_HEADERS, ECHO_BODY);
    }
}
