package falcon.asgi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import falcon.App;
import falcon.Request;
import falcon.Response;
import falcon.SSEvent;
import falcon.media.JSONHandler;
import falcon.testing.Simulate;
import falcon.testing.StreamedResult;
import falcon.testing.TestClient;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.SubmissionPublisher;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Falcon: tests/asgi/test_sse.py */
class SseTest {

    private static String text(SSEvent e) {
        return new String(e.serialize(), StandardCharsets.UTF_8);
    }

    @Test
    void anEmptyEventIsAPing() {
        assertThat(text(new SSEvent())).isEqualTo(": ping\n\n");
        assertThat(text(SSEvent.ping())).isEqualTo(": ping\n\n");
    }

    @Test
    void dataWinsOverTextWhichWinsOverJson() {
        assertThat(text(new SSEvent().setData("raw".getBytes(StandardCharsets.UTF_8)).setText("x")
                .setJson(Map.of("a", 1)))).isEqualTo("data: raw\n\n");
        assertThat(text(new SSEvent().setText("hi").setJson(Map.of("a", 1)))).isEqualTo("data: hi\n\n");
    }

    @Test
    void fieldsComeInFalconsOrderAndJsonUsesFalconsSpacing() {
        SSEvent e = new SSEvent().setJson(Map.of("a", List.of(1, "é"))).setEvent("e").setEventId("7")
                .setRetry(500).setComment("c");
        // the same bytes as Falcon 3.1.1's SSEvent(...).serialize()
        assertThat(text(e)).isEqualTo(": c\nevent: e\nid: 7\nretry: 500\ndata: {\"a\": [1, \"é\"]}\n\n");
        assertThat(text(new SSEvent().setComment("only"))).isEqualTo(": only\n\n");
    }

    @Test
    void falconsCondimentEventsSerializeByteForByte() {
        // Falcon 4.3.1: tests/asgi/test_sse.py, test_multiple_events (its '\\u1f951' is U+1F95, then '1')
        List<SSEvent> events = List.of(
                new SSEvent().setData(bytes("ketchup")),
                new SSEvent().setData(bytes("mustard")).setEvent("condiment"),
                new SSEvent().setData(bytes("mayo")).setEvent("condiment").setEventId("1234"),
                new SSEvent().setData(bytes("onions")).setEvent("topping").setEventId("5678").setRetry(100),
                new SSEvent().setText("guacamole \u1f95" + "1").setRetry(100).setComment("Serve with chips."),
                new SSEvent().setJson(Map.of("condiment", "salsa")).setRetry(100));
        StringBuilder all = new StringBuilder();
        events.forEach(e -> all.append(text(e)));
        assertThat(all.toString()).isEqualTo("data: ketchup\n\n"
                + "event: condiment\ndata: mustard\n\n"
                + "event: condiment\nid: 1234\ndata: mayo\n\n"
                + "event: topping\nid: 5678\nretry: 100\ndata: onions\n\n"
                + ": Serve with chips.\nretry: 100\ndata: guacamole \u1f95" + "1\n\n"
                + "retry: 100\ndata: {\"condiment\": \"salsa\"}\n\n");
    }

    @Test
    void emptyValuesAreStillFieldsNotAPing() {
        // Falcon tests each field with "is not None": an empty value is written, with nothing after the space.
        assertThat(text(new SSEvent().setData(new byte[0]))).isEqualTo("data: \n\n");
        assertThat(text(new SSEvent().setText(""))).isEqualTo("data: \n\n");
        assertThat(text(new SSEvent().setComment(""))).isEqualTo(": \n\n");
        assertThat(text(new SSEvent().setEvent(""))).isEqualTo("event: \n\n");
        assertThat(text(new SSEvent().setEventId(""))).isEqualTo("id: \n\n");
        assertThat(text(new SSEvent().setRetry(0))).isEqualTo("retry: 0\n\n");
    }

    @Test
    void aNullPayloadFallsThroughToTheNextOne() {
        assertThat(text(new SSEvent().setData(null).setText("t"))).isEqualTo("data: t\n\n");
        assertThat(text(new SSEvent().setText(null).setJson(List.of()))).isEqualTo("data: []\n\n");
        assertThat(text(new SSEvent().setJson(null).setEventId("1"))).isEqualTo("id: 1\n\n");
    }

    @Test
    void lineBreaksInAPayloadAreWrittenAsGivenAsFalconDoes() {
        // Falcon 4.3 writes one "data: " prefix and does not split lines; neither do we.
        assertThat(text(SSEvent.ofText("a\nb"))).isEqualTo("data: a\nb\n\n");
        assertThat(text(new SSEvent().setData(bytes("a\r\nb")))).isEqualTo("data: a\r\nb\n\n");
        assertThat(text(new SSEvent().setComment("x\ny"))).isEqualTo(": x\ny\n\n");
    }

    @Test
    void dataThatIsNotUtf8IsRefused() {
        // Falcon: data.decode() raises UnicodeDecodeError
        SSEvent e = new SSEvent().setData(new byte[] {(byte) 0xff, 'a'});
        assertThatThrownBy(e::serialize).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("SSEvent data is not valid UTF-8");
    }

    @Test
    void aNullSentThroughTheEmitterIsAPing() {
        // Falcon: a falsy item from the generator is sent as SSEvent()
        App app = new App();
        app.addRoute("/events", new Object() {
            public void onGet(Request req, Response resp) {
                resp.setSse(emitter -> {
                    emitter.send(null);
                    emitter.send(SSEvent.ofText("after"));
                });
            }
        });
        assertThat(new TestClient(app).simulateGet("/events").getText()).isEqualTo(": ping\n\ndata: after\n\n");
    }

    private static App jsonEventsApp() {
        App app = new App();
        app.addRoute("/", new Object() {
            public void onGet(Request req, Response resp) {
                resp.setSse(emitter -> {
                    emitter.send(SSEvent.ofJson(Map.of("foo", "bar")));
                    emitter.send(SSEvent.ofJson(Map.of("bar", "baz")));
                });
            }
        });
        return app;
    }

    @Test
    void jsonEventsUseTheAppsJsonHandler() {
        // Falcon: TestSerializeJson.test_use_media_handler_dumps
        App app = jsonEventsApp();
        app.getRespOptions().mediaHandlers.put("application/json",
                new JSONHandler(new com.fasterxml.jackson.databind.ObjectMapper(), false));
        assertThat(new TestClient(app).simulateGet("/").getText())
                .isEqualTo("data: {\"foo\":\"bar\"}\n\ndata: {\"bar\":\"baz\"}\n\n");
    }

    @Test
    void jsonEventsWithoutAJsonHandlerUseTheDefaultOne() {
        // Falcon: TestSerializeJson.test_no_json_media_handler
        App app = jsonEventsApp();
        app.getRespOptions().mediaHandlers.keySet().removeIf(type -> type.toLowerCase(Locale.ROOT).contains("json"));
        assertThat(new TestClient(app).simulateGet("/").getText())
                .isEqualTo("data: {\"foo\": \"bar\"}\n\ndata: {\"bar\": \"baz\"}\n\n");
    }

    @Test
    void anEmptyLastEventIdIsNull() {
        // Falcon 4.3: req.last_event_id is a header property: "" reads as None
        App app = new App();
        app.addRoute("/", new Object() {
            public void onGet(Request req, Response resp) {
                resp.setText(String.valueOf(req.getLastEventId()));
            }
        });
        TestClient client = new TestClient(app);
        assertThat(client.simulateGet("/").getText()).isEqualTo("null");
        assertThat(client.simulateGet("/", Simulate.with().header("Last-Event-ID", "")).getText()).isEqualTo("null");
        assertThat(client.simulateGet("/", Simulate.with().header("Last-Event-ID", "41")).getText()).isEqualTo("41");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static final class Emitting {
        final AtomicBoolean stopped = new AtomicBoolean();
        final CountDownLatch done = new CountDownLatch(1);

        public void onGet(Request req, Response resp) {
            String last = req.getLastEventId();
            resp.setSse(emitter -> {
                try {
                    int start = last == null ? 0 : Integer.parseInt(last) + 1;
                    for (int i = start; ; i++) {
                        emitter.send(SSEvent.ofText("tick " + i).setEventId(Integer.toString(i)));
                        if (i == start + 2 && req.getParam("forever") == null) {
                            return;
                        }
                        Thread.sleep(5);
                    }
                } catch (java.io.IOException gone) {
                    stopped.set(true);
                } finally {
                    done.countDown();
                }
            });
        }
    }

    @Test
    void aBlockingEmitterStreamsEventsChunkByChunk() throws Exception {
        App app = new App();
        app.addRoute("/events", new Emitting());
        try (StreamedResult result = new TestClient(app).simulateGetStream("/events")) {
            assertThat(result.getStatusCode()).isEqualTo(200);
            assertThat(result.getHeader("content-type")).isEqualTo("text/event-stream");
            assertThat(result.getHeader("content-length")).isNull();
            assertThat(result.readText()).isEqualTo("id: 0\ndata: tick 0\n\n");
            assertThat(result.readText()).isEqualTo("id: 1\ndata: tick 1\n\n");
            assertThat(result.readText()).isEqualTo("id: 2\ndata: tick 2\n\n");
            assertThat(result.read()).isEmpty();
        }
    }

    @Test
    void theLastEventIdLetsAClientResume() throws Exception {
        App app = new App();
        app.addRoute("/events", new Emitting());
        try (StreamedResult result = new TestClient(app).simulateGetStream("/events",
                Simulate.with().header("Last-Event-ID", "41"))) {
            assertThat(result.readText()).isEqualTo("id: 42\ndata: tick 42\n\n");
        }
    }

    @Test
    void aClientThatGoesAwayStopsTheProducer() throws Exception {
        App app = new App();
        Emitting resource = new Emitting();
        app.addRoute("/events", resource);
        StreamedResult result = new TestClient(app).simulateGetStream("/events?forever=1");
        assertThat(result.readText()).startsWith("id: 0");
        result.close();
        assertThat(resource.done.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(resource.stopped).isTrue();
    }

    @Test
    void aPublisherOfEventsIsStreamed() throws Exception {
        App app = new App();
        app.addRoute("/pub", new Object() {
            public void onGet(Request req, Response resp) {
                SubmissionPublisher<SSEvent> pub = new SubmissionPublisher<>();
                resp.setSsePublisher(pub);
                new Thread(() -> {
                    try {
                        Thread.sleep(20); // the subscriber arrives first
                    } catch (InterruptedException ex) {
                        return;
                    }
                    pub.submit(SSEvent.ofJson(Map.of("n", 1)).setEvent("num"));
                    pub.submit(SSEvent.ping());
                    pub.close();
                }).start();
            }
        });
        String body = new TestClient(app).simulateGet("/pub").getText();
        assertThat(body).isEqualTo("event: num\ndata: {\"n\": 1}\n\n: ping\n\n");
    }

    @Test
    void scheduledCallbacksRunWhenTheStreamStarts() throws Exception {
        App app = new App();
        CountDownLatch ran = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        app.addRoute("/events", new Object() {
            public void onGet(Request req, Response resp) {
                resp.scheduleSync(ran::countDown);
                resp.setSse(emitter -> {
                    release.await();
                    emitter.send(SSEvent.ofText("after"));
                });
            }
        });
        try (StreamedResult result = new TestClient(app).simulateGetStream("/events")) {
            assertThat(ran.await(5, TimeUnit.SECONDS)).isTrue(); // before the first event
            release.countDown();
            assertThat(result.readText()).isEqualTo("data: after\n\n");
        }
    }

    @Test
    void headGetsNoStream() {
        App app = new App();
        app.addRoute("/events", new Emitting());
        assertThat(new TestClient(app).simulateHead("/events").getContent()).isEmpty();
    }
}
