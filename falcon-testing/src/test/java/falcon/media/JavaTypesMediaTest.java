package falcon.media;

import static org.assertj.core.api.Assertions.assertThat;

import falcon.App;
import falcon.Request;
import falcon.Response;
import falcon.testing.Result;
import falcon.testing.Simulate;
import falcon.testing.TestClient;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * Java values in JSON media: records, {@code java.time} values and {@code Optional}, written as an
 * API's clients expect (ISO-8601 strings) and read back into the same types.
 */
class JavaTypesMediaTest {

    record Order(String id, Instant placedAt, LocalDate due, OffsetDateTime pickup, Duration window,
            Optional<String> note, OptionalInt priority, List<Line> lines) {
    }

    record Line(String sku, int quantity) {
    }

    static final Order ORDER = new Order("o-1", Instant.parse("2026-12-05T10:15:30.250Z"),
            LocalDate.of(2026, 12, 24), OffsetDateTime.of(2026, 12, 6, 9, 0, 0, 0, ZoneOffset.ofHours(2)),
            Duration.ofMinutes(90), Optional.of("ring twice"), OptionalInt.empty(),
            List.of(new Line("falcon-t", 2)));

    public static class Media {
        final Object media;

        Media(Object media) {
            this.media = media;
        }

        public void onGet(Request req, Response resp) {
            resp.setMedia(media);
        }
    }

    public static class Orders {
        public void onPost(Request req, Response resp) {
            Order order = JSONHandler.defaultMapper().convertValue(req.getMedia(), Order.class);
            resp.setMedia(order);
        }
    }

    static Result get(Object media) {
        App app = new App();
        app.addRoute("/m", new Media(media));
        return new TestClient(app).simulateGet("/m");
    }

    @Test
    void anInstantInAMapIsWrittenAsAnIsoString() {
        Map<String, Object> media = Map.of("at", Instant.parse("2026-12-05T10:15:30Z"));

        Result r = get(media);

        assertThat(r.getStatusCode()).isEqualTo(200);
        assertThat(r.getText()).isEqualTo("{\"at\": \"2026-12-05T10:15:30Z\"}");
    }

    @Test
    void aRecordIsWrittenAsAnObjectWithIsoDatesAndOptionalValues() {
        Result r = get(ORDER);

        assertThat(r.getStatusCode()).isEqualTo(200);
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("id", "o-1");
        expected.put("placedAt", "2026-12-05T10:15:30.250Z");
        expected.put("due", "2026-12-24");
        expected.put("pickup", "2026-12-06T09:00:00+02:00");
        expected.put("window", "PT1H30M");
        expected.put("note", "ring twice");
        expected.put("priority", null);
        expected.put("lines", List.of(Map.of("sku", "falcon-t", "quantity", 2)));
        assertThat(r.getJsonMap()).containsExactlyEntriesOf(expected);
    }

    @Test
    void whatTheHandlerWritesTheDefaultMapperReadsBackIntoTheSameRecord() throws Exception {
        byte[] written = new JSONHandler().serialize(ORDER, "application/json");

        Order read = JSONHandler.defaultMapper().readValue(written, Order.class);

        assertThat(read).isEqualTo(ORDER);
    }

    @Test
    void aPostedRecordRoundTripsThroughTheRequestAndTheResponse() {
        App app = new App();
        app.addRoute("/orders", new Orders());
        String body = new String(new JSONHandler().serialize(ORDER, "application/json"),
                java.nio.charset.StandardCharsets.UTF_8);

        Result r = new TestClient(app).simulatePost("/orders",
                Simulate.with().body(body).contentType("application/json"));

        assertThat(r.getStatusCode()).isEqualTo(200);
        assertThat(r.getText()).isEqualTo(body);
    }

    @Test
    void anEmptyOptionalIsNullAndLocalDateTimeHasNoOffset() {
        Map<String, Object> media = new LinkedHashMap<>();
        media.put("missing", Optional.empty());
        media.put("local", LocalDateTime.of(2026, 1, 2, 3, 4, 5));

        Result r = get(media);

        assertThat(r.getText()).isEqualTo("{\"missing\": null, \"local\": \"2026-01-02T03:04:05\"}");
    }
}
