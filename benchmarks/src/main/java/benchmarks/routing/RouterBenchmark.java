package benchmarks.routing;

import benchmarks.app.BenchApp;
import falcon.routing.RouteMatch;
import falcon.routing.Router;
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
 * {@code CompiledRouter.find} on the 40 routes of {@code routes.txt} (benchmarks/ENDPOINTS.md): an
 * all-literal path, the measured templated route, a deep template, and a miss.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class RouterBenchmark {

    private Router router;

    // Non-final fields, so that the JIT cannot fold the paths into constants.
    private String literal = "/plaintext";
    private String templated = "/users/42/items/abc123";
    private String deep = "/teams/t/projects/p/tasks/9";
    private String miss = "/users/abc/items/x";

    /** Builds the app's router once; the first find compiles it. */
    @Setup
    public void setUp() {
        router = BenchApp.create().getRouter();
        if (router.find(templated, null) == null || router.find(miss, null) != null) {
            throw new IllegalStateException("the routes are not those of routes.txt");
        }
    }

    /** {@code /plaintext}: one hash lookup. */
    @Benchmark
    public RouteMatch literal() {
        return router.find(literal, null);
    }

    /** {@code /users/42/items/abc123}: two fields, one through the int converter. */
    @Benchmark
    public RouteMatch templated() {
        return router.find(templated, null);
    }

    /** {@code /teams/t/projects/p/tasks/9}: six segments, three fields. */
    @Benchmark
    public RouteMatch deep() {
        return router.find(deep, null);
    }

    /** {@code /users/abc/items/x}: the int converter rejects {@code abc}, so nothing matches. */
    @Benchmark
    public RouteMatch miss() {
        return router.find(miss, null);
    }
}
