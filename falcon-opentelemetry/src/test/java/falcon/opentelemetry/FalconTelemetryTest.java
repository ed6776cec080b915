package falcon.opentelemetry;

import static org.assertj.core.api.Assertions.assertThat;

import falcon.App;
import falcon.HTTPNotFound;
import falcon.HTTPServiceUnavailable;
import falcon.Middleware;
import falcon.Request;
import falcon.Response;
import falcon.WebSocket;
import falcon.gateway.Handler;
import falcon.testing.Result;
import falcon.testing.Simulate;
import falcon.testing.TestClient;
import falcon.testing.WebSocketSimulator;
import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.api.baggage.propagation.W3CBaggagePropagator;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FalconTelemetryTest {

    static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";
    static final String PARENT_ID = "b7ad6b7169203331";
    static final String TRACEPARENT = "00-" + TRACE_ID + "-" + PARENT_ID + "-01";

    private static final Executor LATER = CompletableFuture.delayedExecutor(20, TimeUnit.MILLISECONDS);

    InMemorySpanExporter spans;
    InMemoryMetricReader metrics;
    OpenTelemetrySdk sdk;

    @BeforeEach
    void setUp() {
        spans = InMemorySpanExporter.create();
        metrics = InMemoryMetricReader.create();
        sdk = OpenTelemetrySdk.builder()
                .setTracerProvider(SdkTracerProvider.builder()
                        .addSpanProcessor(SimpleSpanProcessor.create(spans)).build())
                .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(metrics).build())
                .setPropagators(ContextPropagators.create(TextMapPropagator.composite(
                        W3CTraceContextPropagator.getInstance(), W3CBaggagePropagator.getInstance())))
                .build();
    }

    @AfterEach
    void tearDown() {
        sdk.close();
    }

    /** What a responder saw of the current span, and the propagation headers it would send on. */
    static final class Seen {
        volatile String spanId;
        volatile String outgoingTraceparent;
        volatile String tenant;

        void capture() {
            spanId = Span.current().getSpanContext().getSpanId();
            Map<String, String> outgoing = new HashMap<>();
            W3CTraceContextPropagator.getInstance().inject(Context.current(), outgoing, Map::put);
            outgoingTraceparent = outgoing.get("traceparent");
            tenant = Baggage.current().getEntryValue("tenant");
        }
    }

    public static final class ThingResource {
        final Seen seen;

        ThingResource(Seen seen) {
            this.seen = seen;
        }

        public void onGet(Request req, Response resp, String thingId) {
            seen.capture();
            resp.setText("thing " + thingId);
        }

        public void onPost(Request req, Response resp, String thingId) {
            throw new IllegalStateException("boom");
        }

        public void onDelete(Request req, Response resp, String thingId) {
            throw new HTTPServiceUnavailable();
        }

        public void onPut(Request req, Response resp, String thingId) {
            throw new HTTPNotFound();
        }
    }

    public static final class AsyncResource {
        final Seen before;
        final Seen after;

        AsyncResource(Seen before, Seen after) {
            this.before = before;
            this.after = after;
        }

        public CompletionStage<Void> onGet(Request req, Response resp) {
            before.capture();
            return CompletableFuture.supplyAsync(() -> "late", LATER).thenAccept(resp::setText);
        }
    }

    App app(Seen seen) {
        App app = new App();
        app.addRoute("/things/{thingId}", new ThingResource(seen));
        return app;
    }

    Handler traced(App app) {
        return FalconTelemetry.create(sdk).instrument(app);
    }

    SpanData onlySpan() {
        List<SpanData> finished = spans.getFinishedSpanItems();
        assertThat(finished).hasSize(1);
        return finished.get(0);
    }

    static <T> T attr(SpanData span, AttributeKey<T> key) {
        return span.getAttributes().get(key);
    }

    @Test
    void aSpanPerRequestNamedByItsRouteTemplate() {
        Seen seen = new Seen();
        TestClient client = new TestClient(traced(app(seen)));

        Result r = client.simulateGet("/things/42", Simulate.with().queryString("x=1")
                .header("User-Agent", "curl/8"));

        assertThat(r.getText()).isEqualTo("thing 42");
        SpanData span = onlySpan();
        assertThat(span.getName()).isEqualTo("GET /things/{thingId}");
        assertThat(span.getKind()).isEqualTo(SpanKind.SERVER);
        assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
        assertThat(span.hasEnded()).isTrue();
        assertThat(span.getParentSpanContext().isValid()).isFalse();
        assertThat(attr(span, TracedExchange.HTTP_REQUEST_METHOD)).isEqualTo("GET");
        assertThat(attr(span, TracedExchange.HTTP_ROUTE)).isEqualTo("/things/{thingId}");
        assertThat(attr(span, TracedExchange.HTTP_RESPONSE_STATUS_CODE)).isEqualTo(200L);
        assertThat(attr(span, TracedExchange.HTTP_RESPONSE_BODY_SIZE)).isEqualTo(8L);
        assertThat(attr(span, TracedExchange.URL_SCHEME)).isEqualTo("http");
        assertThat(attr(span, TracedExchange.URL_PATH)).isEqualTo("/things/42");
        assertThat(attr(span, TracedExchange.URL_QUERY)).isEqualTo("x=1");
        assertThat(attr(span, TracedExchange.SERVER_ADDRESS)).isEqualTo("falconframework.org");
        assertThat(attr(span, TracedExchange.SERVER_PORT)).isEqualTo(80L);
        assertThat(attr(span, TracedExchange.CLIENT_ADDRESS)).isEqualTo("127.0.0.1");
        assertThat(attr(span, TracedExchange.NETWORK_PROTOCOL_VERSION)).isEqualTo("1.1");
        assertThat(attr(span, TracedExchange.USER_AGENT_ORIGINAL)).isEqualTo("curl/8");
        assertThat(attr(span, TracedExchange.ERROR_TYPE)).isNull();
        // the responder ran with the request's span current
        assertThat(seen.spanId).isEqualTo(span.getSpanId());
    }

    @Test
    void aRequestBodySizeIsRecordedWhenItsLengthIsKnown() {
        App app = new App();
        app.addRoute("/echo", new Object() {
            public void onPost(Request req, Response resp) throws Exception {
                resp.setData(req.getBoundedStream().readAllBytes());
            }
        });
        new TestClient(traced(app)).simulatePost("/echo", Simulate.with().body("hello"));

        SpanData span = onlySpan();
        assertThat(span.getName()).isEqualTo("POST /echo");
        assertThat(attr(span, TracedExchange.HTTP_REQUEST_BODY_SIZE)).isEqualTo(5L);
        assertThat(attr(span, TracedExchange.HTTP_RESPONSE_BODY_SIZE)).isEqualTo(5L);
    }

    @Test
    void sinksAndStaticRoutesAreNamedByTheirPrefix() throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("static");
        java.nio.file.Files.writeString(dir.resolve("a.txt"), "A");
        App app = app(new Seen());
        app.addSink((req, resp, params) -> resp.setText("sunk " + params.get("name")), "/files/(?<name>[a-z]+)");
        app.addStaticRoute("/static", dir);
        TestClient client = new TestClient(traced(app));

        assertThat(client.simulateGet("/files/abc").getText()).isEqualTo("sunk abc");
        assertThat(client.simulateGet("/static/a.txt").getText()).isEqualTo("A");

        List<SpanData> finished = spans.getFinishedSpanItems();
        assertThat(finished).extracting(SpanData::getName)
                .containsExactly("GET /files/(?<name>[a-z]+)", "GET /static/");
        assertThat(attr(finished.get(1), TracedExchange.HTTP_ROUTE)).isEqualTo("/static/");
    }

    @Test
    void noRouteMeansTheMethodAloneAndNoHttpRoute() {
        Result r = new TestClient(traced(app(new Seen()))).simulateGet("/nowhere");

        assertThat(r.getStatusCode()).isEqualTo(404);
        SpanData span = onlySpan();
        assertThat(span.getName()).isEqualTo("GET");
        assertThat(attr(span, TracedExchange.HTTP_ROUTE)).isNull();
        assertThat(attr(span, TracedExchange.HTTP_RESPONSE_STATUS_CODE)).isEqualTo(404L);
        // a 4xx is the client's mistake: the server span's status stays unset
        assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
    }

    @Test
    void aMethodOutsideRfc9110IsOtherAndTheSpanIsHttp() {
        new TestClient(traced(app(new Seen()))).simulateRequest("PROPFIND", "/things/1");

        SpanData span = onlySpan();
        assertThat(span.getName()).isEqualTo("HTTP /things/{thingId}");
        assertThat(attr(span, TracedExchange.HTTP_REQUEST_METHOD)).isEqualTo("_OTHER");
        assertThat(attr(span, TracedExchange.HTTP_REQUEST_METHOD_ORIGINAL)).isEqualTo("PROPFIND");
    }

    @Test
    void theParentComesFromTraceparentAndTheContextGoesOn() {
        Seen seen = new Seen();
        new TestClient(traced(app(seen))).simulateGet("/things/7", Simulate.with()
                .header("traceparent", TRACEPARENT)
                .header("baggage", "tenant=acme"));

        SpanData span = onlySpan();
        assertThat(span.getTraceId()).isEqualTo(TRACE_ID);
        assertThat(span.getParentSpanId()).isEqualTo(PARENT_ID);
        assertThat(span.getParentSpanContext().isRemote()).isTrue();
        // a client call made by the responder carries the same trace, this span as its parent
        assertThat(seen.outgoingTraceparent).isEqualTo("00-" + TRACE_ID + "-" + span.getSpanId() + "-01");
        assertThat(seen.tenant).isEqualTo("acme");
    }

    @Test
    void theSpanIsCurrentInAsyncMiddlewareAndResponders() {
        Seen inMiddleware = new Seen();
        Seen beforeAwait = new Seen();
        Seen afterAwait = new Seen();
        App app = new App();
        app.addMiddleware(new Middleware() {
            @Override
            public CompletionStage<?> processRequestAsync(Request req, Response resp) {
                // parks the flow: what follows resumes on the exchange's executor
                return CompletableFuture.runAsync(() -> { }, LATER);
            }

            @Override
            public void processResponse(Request req, Response resp, Object resource, boolean ok) {
                afterAwait.capture();
            }
        });
        app.addMiddleware(new Middleware() {
            @Override
            public void processResource(Request req, Response resp, Object resource,
                    falcon.routing.RouteParams params) {
                inMiddleware.capture();
            }
        });
        app.addRoute("/async", new AsyncResource(beforeAwait, afterAwait));

        Result r = new TestClient(traced(app)).simulateGet("/async");

        assertThat(r.getText()).isEqualTo("late");
        SpanData span = onlySpan();
        assertThat(span.getName()).isEqualTo("GET /async");
        assertThat(inMiddleware.spanId).isEqualTo(span.getSpanId());
        assertThat(beforeAwait.spanId).isEqualTo(span.getSpanId());
        assertThat(afterAwait.spanId).isEqualTo(span.getSpanId());
    }

    @Test
    void anUnhandledExceptionIsRecordedAndTheAppStillAnswers500() {
        Result r = new TestClient(traced(app(new Seen()))).simulatePost("/things/1");

        assertThat(r.getStatusCode()).isEqualTo(500);
        assertThat(r.getJsonMap()).containsEntry("title", "500 Internal Server Error");
        SpanData span = onlySpan();
        assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(attr(span, TracedExchange.HTTP_RESPONSE_STATUS_CODE)).isEqualTo(500L);
        assertThat(attr(span, TracedExchange.ERROR_TYPE)).isEqualTo("java.lang.IllegalStateException");
        assertThat(span.getEvents()).extracting(EventData::getName).containsExactly("exception");
        assertThat(span.getEvents().get(0).getAttributes().get(AttributeKey.stringKey("exception.message")))
                .isEqualTo("boom");
    }

    @Test
    void anHttpErrorGivesTheSpanItsStatus() {
        TestClient client = new TestClient(traced(app(new Seen())));

        assertThat(client.simulateDelete("/things/1").getStatusCode()).isEqualTo(503);
        assertThat(client.simulatePut("/things/1").getStatusCode()).isEqualTo(404);

        List<SpanData> finished = spans.getFinishedSpanItems();
        assertThat(finished).hasSize(2);
        SpanData unavailable = finished.get(0);
        assertThat(unavailable.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(attr(unavailable, TracedExchange.HTTP_RESPONSE_STATUS_CODE)).isEqualTo(503L);
        assertThat(attr(unavailable, TracedExchange.ERROR_TYPE)).isEqualTo("503");
        assertThat(unavailable.getEvents()).isEmpty();
        SpanData notFound = finished.get(1);
        assertThat(notFound.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
        assertThat(attr(notFound, TracedExchange.HTTP_RESPONSE_STATUS_CODE)).isEqualTo(404L);
        assertThat(attr(notFound, TracedExchange.ERROR_TYPE)).isNull();
    }

    @Test
    void anErrorHandlerOfTheAppsStillWins() {
        App app = app(new Seen());
        Handler traced = traced(app);
        app.addErrorHandler(IllegalStateException.class, (req, resp, ex, params) -> resp.setStatus("409 Conflict"));

        Result r = new TestClient(traced).simulatePost("/things/1");

        assertThat(r.getStatusCode()).isEqualTo(409);
        SpanData span = onlySpan();
        assertThat(span.getEvents()).isEmpty();
        assertThat(attr(span, TracedExchange.HTTP_RESPONSE_STATUS_CODE)).isEqualTo(409L);
    }

    @Test
    void theDurationHistogramAndActiveRequests() {
        TestClient client = new TestClient(traced(app(new Seen())));
        client.simulateGet("/things/1");
        client.simulateGet("/things/2");
        client.simulateGet("/nowhere");

        Map<String, MetricData> byName = metrics.collectAllMetrics().stream()
                .collect(Collectors.toMap(MetricData::getName, m -> m));
        MetricData duration = byName.get("http.server.request.duration");
        assertThat(duration).isNotNull();
        assertThat(duration.getUnit()).isEqualTo("s");
        Map<String, Long> counts = new HashMap<>();
        for (HistogramPointData p : duration.getHistogramData().getPoints()) {
            counts.put(p.getAttributes().get(TracedExchange.HTTP_ROUTE) + " "
                    + p.getAttributes().get(TracedExchange.HTTP_RESPONSE_STATUS_CODE), p.getCount());
            assertThat(p.getAttributes().get(TracedExchange.HTTP_REQUEST_METHOD)).isEqualTo("GET");
            assertThat(p.getBoundaries()).startsWith(0.005, 0.01, 0.025).endsWith(10.0);
        }
        assertThat(counts).containsOnly(Map.entry("/things/{thingId} 200", 2L), Map.entry("null 404", 1L));
        MetricData active = byName.get("http.server.active_requests");
        assertThat(active.getLongSumData().getPoints()).extracting(LongPointData::getValue).containsOnly(0L);
    }

    @Test
    void theActiveRequestsCountWhileAResponderRuns() throws Exception {
        CompletableFuture<Void> release = new CompletableFuture<>();
        App app = new App();
        app.addRoute("/slow", new Object() {
            public CompletionStage<Void> onGet(Request req, Response resp) {
                return release;
            }
        });
        CompletableFuture<Result> pending = new TestClient(traced(app)).simulateGetAsync("/slow");
        long inFlight = 0;
        for (int i = 0; i < 200 && inFlight == 0; i++) {
            for (MetricData m : metrics.collectAllMetrics()) {
                if (m.getName().equals("http.server.active_requests")) {
                    inFlight = m.getLongSumData().getPoints().iterator().next().getValue();
                }
            }
            Thread.sleep(10);
        }
        assertThat(inFlight).isEqualTo(1);
        release.complete(null);
        assertThat(pending.get(5, TimeUnit.SECONDS).getStatusCode()).isEqualTo(200);
    }

    @Test
    void aWebSocketSessionHasItsSpanCurrentUntilItCloses() throws Exception {
        Seen seen = new Seen();
        App app = new App();
        app.addRoute("/echo/{room}", new Object() {
            public void onWebsocket(Request req, WebSocket ws, String room) throws Exception {
                ws.accept();
                String text = ws.receiveText();
                seen.capture();
                ws.sendText("echo: " + text);
                ws.close(1000);
            }
        });
        try (WebSocketSimulator ws = new TestClient(traced(app)).simulateWs("/echo/lobby",
                Simulate.with().header("traceparent", TRACEPARENT))) {
            ws.sendText("hi");
            assertThat(ws.receiveText()).isEqualTo("echo: hi");
        }
        SpanData span = awaitSpans(1).get(0);
        assertThat(span.getName()).isEqualTo("GET /echo/{room}");
        assertThat(span.getTraceId()).isEqualTo(TRACE_ID);
        assertThat(attr(span, TracedExchange.HTTP_RESPONSE_STATUS_CODE)).isEqualTo(101L);
        assertThat(seen.spanId).isEqualTo(span.getSpanId());
    }

    @Test
    void drainingReachesTheApp() {
        App app = app(new Seen());
        traced(app).draining();
        assertThat(app.isDraining()).isTrue();
    }

    List<SpanData> awaitSpans(int n) throws InterruptedException {
        for (int i = 0; i < 500 && spans.getFinishedSpanItems().size() < n; i++) {
            Thread.sleep(10);
        }
        List<SpanData> finished = spans.getFinishedSpanItems();
        assertThat(finished).hasSize(n);
        return finished;
    }
}
