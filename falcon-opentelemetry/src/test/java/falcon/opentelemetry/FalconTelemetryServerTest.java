package falcon.opentelemetry;

import static org.assertj.core.api.Assertions.assertThat;

import falcon.App;
import falcon.Request;
import falcon.Response;
import falcon.server.Server;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.exporter.prometheus.PrometheusHttpServer;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The integration over the embedded server, with a real client; the metrics scraped as Prometheus would. */
class FalconTelemetryServerTest {

    InMemorySpanExporter spans;
    PrometheusHttpServer prometheus;
    int metricsPort;
    OpenTelemetrySdk sdk;
    Server server;
    final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    public static final class Things {
        volatile String spanIdSeen;

        public void onGet(Request req, Response resp, int thingId) {
            spanIdSeen = Span.current().getSpanContext().getSpanId();
            resp.setMedia(java.util.Map.of("id", thingId));
        }
    }

    public static final class Later {
        volatile String spanIdSeen;

        public CompletionStage<Void> onGet(Request req, Response resp) {
            return CompletableFuture.runAsync(() -> { },
                    CompletableFuture.delayedExecutor(20, TimeUnit.MILLISECONDS))
                    .thenRun(() -> resp.setText("later"));
        }

        public void onPost(Request req, Response resp) {
            spanIdSeen = Span.current().getSpanContext().getSpanId();
        }
    }

    final Things things = new Things();

    @BeforeEach
    void setUp() throws Exception {
        try (ServerSocket free = new ServerSocket(0)) {
            metricsPort = free.getLocalPort();
        }
        spans = InMemorySpanExporter.create();
        prometheus = PrometheusHttpServer.builder().setHost("127.0.0.1").setPort(metricsPort).build();
        sdk = OpenTelemetrySdk.builder()
                .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build())
                .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(prometheus).build())
                .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
                .build();
        App app = new App();
        app.addRoute("/things/{thingId:int}", things);
        app.addRoute("/later", new Later());
        server = Server.builder(FalconTelemetry.create(sdk).instrument(app))
                .host("127.0.0.1").port(0).shutdownHook(false).build().start();
        // the server's own figures, as docs/operations.md shows
        Server s = server;
        sdk.getMeter("falcon.server").gaugeBuilder("falcon.server.connections").ofLongs()
                .buildWithCallback(m -> m.record(s.openConnections()));
    }

    @AfterEach
    void tearDown() {
        server.close();
        sdk.close();
    }

    HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    List<SpanData> awaitSpans(int n) throws InterruptedException {
        // the span ends once the response is written: just after the client has it
        for (int i = 0; i < 500 && spans.getFinishedSpanItems().size() < n; i++) {
            Thread.sleep(10);
        }
        List<SpanData> finished = spans.getFinishedSpanItems();
        assertThat(finished).hasSize(n);
        return finished;
    }

    @Test
    void aServedRequestHasItsSpanWithTheRemoteParent() throws Exception {
        HttpResponse<String> r = get("/things/5", "traceparent", FalconTelemetryTest.TRACEPARENT);

        assertThat(r.statusCode()).isEqualTo(200);
        SpanData span = awaitSpans(1).get(0);
        assertThat(span.getName()).isEqualTo("GET /things/{thingId:int}");
        assertThat(span.getKind()).isEqualTo(SpanKind.SERVER);
        assertThat(span.getTraceId()).isEqualTo(FalconTelemetryTest.TRACE_ID);
        assertThat(span.getParentSpanId()).isEqualTo(FalconTelemetryTest.PARENT_ID);
        assertThat(things.spanIdSeen).isEqualTo(span.getSpanId());
        assertThat(span.getAttributes().get(TracedExchange.SERVER_ADDRESS)).isEqualTo("127.0.0.1");
        assertThat(span.getAttributes().get(TracedExchange.SERVER_PORT)).isEqualTo((long) server.port());
        assertThat(span.getAttributes().get(TracedExchange.CLIENT_ADDRESS)).isEqualTo("127.0.0.1");
        assertThat(span.getAttributes().get(TracedExchange.NETWORK_PROTOCOL_VERSION)).isEqualTo("1.1");
        assertThat(span.getAttributes().get(TracedExchange.HTTP_RESPONSE_STATUS_CODE)).isEqualTo(200L);
        assertThat(span.getAttributes().get(TracedExchange.HTTP_RESPONSE_BODY_SIZE))
                .isEqualTo((long) r.body().length());
    }

    @Test
    void asyncRespondersAndRequestBodiesOverTheServer() throws Exception {
        assertThat(get("/later").body()).isEqualTo("later");
        HttpResponse<String> posted = client.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + "/later"))
                .POST(HttpRequest.BodyPublishers.ofString("abc")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(posted.statusCode()).isEqualTo(200);

        List<SpanData> finished = awaitSpans(2);
        assertThat(finished).extracting(SpanData::getName).containsExactlyInAnyOrder("GET /later", "POST /later");
        SpanData post = finished.stream().filter(s -> s.getName().startsWith("POST")).findFirst().orElseThrow();
        assertThat(post.getAttributes().get(TracedExchange.HTTP_REQUEST_BODY_SIZE)).isEqualTo(3L);
    }

    @Test
    void thePrometheusEndpointIsScraped() throws Exception {
        get("/things/1");
        get("/things/2");
        get("/nowhere");
        awaitSpans(3);

        HttpResponse<String> scrape = client.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + metricsPort + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(scrape.statusCode()).isEqualTo(200);
        String text = scrape.body();
        assertThat(text).contains("# TYPE http_server_request_duration_seconds histogram");
        assertThat(lineOf(text, "http_server_request_duration_seconds_count{", "http_route=\"/things/{thingId:int}\""))
                .contains("http_response_status_code=\"200\"").endsWith(" 2");
        assertThat(lineOf(text, "http_server_request_duration_seconds_count{", "http_response_status_code=\"404\""))
                .doesNotContain("http_route").endsWith(" 1");
        assertThat(lineOf(text, "http_server_active_requests{", "http_request_method=\"GET\"")).endsWith(" 0.0");
        // the client keeps its connection to the server open
        assertThat(lineOf(text, "falcon_server_connections{", "otel_scope_name")).endsWith(" 1.0");
    }

    static String lineOf(String text, String prefix, String containing) {
        for (String line : text.split("\n")) {
            if (line.startsWith(prefix) && line.contains(containing)) {
                return line;
            }
        }
        throw new AssertionError("no line " + prefix + "..." + containing + " in\n" + text);
    }
}
