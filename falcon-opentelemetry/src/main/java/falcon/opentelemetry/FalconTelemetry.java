package falcon.opentelemetry;

import falcon.App;
import falcon.gateway.Handler;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongUpDownCounter;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.propagation.TextMapPropagator;
import java.util.List;

/**
 * OpenTelemetry tracing and metrics for an {@link App}, with the OpenTelemetry API alone (no
 * agent): the application passes the {@link OpenTelemetry} it configured (an SDK with its
 * exporters, or {@code GlobalOpenTelemetry.get()}).
 *
 * <pre>{@code
 * App app = new App();
 * app.addRoute("/things/{thingId}", new ThingResource());
 * Handler traced = FalconTelemetry.create(openTelemetry).instrument(app);
 * Server.serve(traced, 8000);            // or new TestClient(traced)
 * }</pre>
 *
 * <p>Each request gets one {@code SERVER} span:
 * <ul>
 *   <li>named {@code METHOD /route/{template}} once routing found a route ({@code GET
 *       /things/{thingId}}); just {@code METHOD} when none matched, for sinks and static routes
 *       (OpenTelemetry's rule for a server that knows no low-cardinality route), {@code HTTP} for a
 *       method outside RFC 9110's;</li>
 *   <li>with the stable HTTP semantic-convention attributes: {@code http.request.method}, {@code
 *       http.route}, {@code http.response.status_code}, {@code url.scheme}, {@code url.path},
 *       {@code url.query}, {@code server.address}, {@code server.port}, {@code client.address},
 *       {@code network.protocol.version}, {@code user_agent.original}, {@code
 *       http.request.body.size} and {@code http.response.body.size} (when the lengths are known),
 *       {@code error.type};</li>
 *   <li>a child of the context the request's {@code traceparent} (and {@code baggage}) carry, as
 *       read by the {@link OpenTelemetry}'s propagators; a client the responder calls with an
 *       instrumented client carries it on, since the span is current;</li>
 *   <li>current ({@code Span.current()}, {@code Context.current()}) while middleware, hooks,
 *       responders and error handlers run, asynchronous ones included (the App resumes a stage on
 *       the exchange's executor, which this wraps with the span's context), and while a WebSocket
 *       session's responder and listeners run;</li>
 *   <li>ended once the response has been sent (or failed to be); a WebSocket span ends when the
 *       session closes or the handshake is denied. Its status is {@code ERROR} for a 5xx answer;
 *       an exception no error handler took is recorded on it ({@code exception} event, {@code
 *       error.type} its class) before the App answers 500 as usual.</li>
 * </ul>
 *
 * <p>Metrics: the {@code http.server.request.duration} histogram (seconds, OpenTelemetry's
 * advised buckets) by method, route, status, scheme and protocol version, and the {@code
 * http.server.active_requests} up-down counter (requests in flight). Export them with the SDK's
 * readers, e.g. the Prometheus exporter for a scrape endpoint.
 *
 * <p>Requests the server refuses before they reach the App (a limit, broken framing) get a span
 * and a duration too, ended at once.
 */
public final class FalconTelemetry {

    /** The instrumentation scope name of the tracer and the meter. */
    public static final String INSTRUMENTATION_NAME = "falcon";

    /** OpenTelemetry's advised buckets for {@code http.server.request.duration}, in seconds. */
    private static final List<Double> DURATION_BUCKETS = List.of(0.005, 0.01, 0.025, 0.05, 0.075, 0.1,
            0.25, 0.5, 0.75, 1.0, 2.5, 5.0, 7.5, 10.0);

    final Tracer tracer;
    final TextMapPropagator propagator;
    final DoubleHistogram duration;
    final LongUpDownCounter activeRequests;

    private FalconTelemetry(OpenTelemetry openTelemetry) {
        this.tracer = openTelemetry.getTracer(INSTRUMENTATION_NAME);
        this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
        Meter meter = openTelemetry.getMeter(INSTRUMENTATION_NAME);
        this.duration = meter.histogramBuilder("http.server.request.duration")
                .setUnit("s")
                .setDescription("Duration of HTTP server requests.")
                .setExplicitBucketBoundariesAdvice(DURATION_BUCKETS)
                .build();
        this.activeRequests = meter.upDownCounterBuilder("http.server.active_requests")
                .setUnit("{request}")
                .setDescription("Number of active HTTP server requests.")
                .build();
    }

    /**
     * Returns the integration, tracing and measuring with {@code openTelemetry}.
     *
     * @param openTelemetry the configured OpenTelemetry (its tracer provider, meter provider and
     *     propagators are used)
     * @return the integration
     */
    public static FalconTelemetry create(OpenTelemetry openTelemetry) {
        if (openTelemetry == null) {
            throw new IllegalArgumentException("openTelemetry must not be null");
        }
        return new FalconTelemetry(openTelemetry);
    }

    /**
     * Instruments {@code app}: adds to it a middleware component that names each span by the
     * matched route template (after the components it already has) and, in place of Falcon's
     * default handler for {@code Exception}, one that records the exception on the span and then
     * does what the default does (logs it, answers 500; closes a WebSocket with the error close
     * code), so that a handler of yours for a narrower class still wins; then returns the handler
     * to serve or test, which wraps each exchange in its span.
     *
     * <p>Call it once, after adding your own middleware and before adding a handler of your own
     * for {@code Exception} itself (which then replaces the recording one). The App stays usable
     * unwrapped (its requests are then not traced).
     *
     * @param app the App to instrument
     * @return the handler to give the server ({@code Server.serve}) or the {@code TestClient}
     */
    public Handler instrument(App app) {
        app.addMiddleware(new RouteMiddleware());
        app.addErrorHandler(Exception.class, new RecordingErrorHandler(app.getWsOptions()));
        return new TracedHandler(app, this);
    }
}
