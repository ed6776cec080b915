package falcon.media;

import static org.assertj.core.api.Assertions.assertThat;

import falcon.App;
import falcon.MediaMalformedError;
import falcon.Request;
import falcon.Response;
import falcon.testing.Result;
import falcon.testing.Simulate;
import falcon.testing.TestClient;
import falcon.testing.WebSocketSimulator;
import falcon.WebSocket;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Typed media: request bodies, multipart parts and WebSocket messages read into records, beans
 * and generic types; a body that does not fit is a 400 naming the field.
 */
class TypedMediaTest {

    enum Size { SMALL, LARGE }

    record Line(String sku, int quantity) {
    }

    record Order(String id, LocalDate due, Size size, List<Line> lines) {
    }

    record Payment(BigDecimal amount) {
    }

    record Positive(int value) {
        Positive {
            if (value <= 0) {
                throw new IllegalArgumentException("value must be positive");
            }
        }
    }

    /** An ordinary bean: a no-argument constructor and setters. */
    public static class Customer {
        private String name;
        private int age;

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public int getAge() {
            return age;
        }

        public void setAge(int age) {
            this.age = age;
        }
    }

    /** Jackson cannot make it: no constructor it can use. */
    public static class Unmakeable {
        public Unmakeable(Object a, Object b) {
        }
    }

    static final TypeRef<List<Line>> LINES = new TypeRef<>() {
    };

    private static TestClient client(Object resource) {
        App app = new App();
        app.addRoute("/r", resource);
        return new TestClient(app);
    }

    private static Result post(Object resource, String json) {
        return client(resource).simulatePost("/r", Simulate.with().body(json).contentType("application/json"));
    }

    public static class OrderEcho {
        public void onPost(Request req, Response resp) {
            Order order = req.getMedia(Order.class);
            resp.setMedia(Map.of("id", order.id(), "due", order.due().getDayOfMonth(), "size",
                    order.size().name(), "first", order.lines().get(0).quantity(), "class",
                    order.getClass().getSimpleName()));
        }
    }

    private static final String ORDER = "{\"id\": \"o-1\", \"due\": \"2026-12-24\", \"size\": \"LARGE\","
            + " \"lines\": [{\"sku\": \"a\", \"quantity\": 2}]}";

    @Test
    void aRecordIsReadFromJson() {
        Result r = post(new OrderEcho(), ORDER);
        assertThat(r.getStatusCode()).isEqualTo(200);
        assertThat(r.getJsonMap()).containsEntry("id", "o-1").containsEntry("due", 24)
                .containsEntry("size", "LARGE").containsEntry("first", 2).containsEntry("class", "Order");
    }

    @Test
    void aBeanIsReadFromJson() {
        Result r = post(new Object() {
            public void onPost(Request req, Response resp) {
                Customer c = req.getMedia(Customer.class);
                resp.setText(c.getName() + "/" + c.getAge());
            }
        }, "{\"name\": \"Ada\", \"age\": 36}");
        assertThat(r.getText()).isEqualTo("Ada/36");
    }

    @Test
    void aTypeRefReadsAGenericType() {
        Result r = post(new Object() {
            public void onPost(Request req, Response resp) {
                List<Line> lines = req.getMedia(LINES);
                resp.setText(lines.get(1).sku() + lines.get(1).quantity() + lines.get(1).getClass().getSimpleName());
            }
        }, "[{\"sku\": \"a\", \"quantity\": 1}, {\"sku\": \"b\", \"quantity\": 7}]");
        assertThat(r.getText()).isEqualTo("b7Line");
    }

    @Test
    void aFieldOfTheWrongKindIsA400NamingTheField() {
        Result r = post(new OrderEcho(), "{\"id\": \"o-1\", \"lines\": [{\"sku\": \"a\", \"quantity\": \"two\"}]}");
        assertThat(r.getStatusCode()).isEqualTo(400);
        assertThat(r.getJsonMap()).containsEntry("title", "Invalid JSON");
        assertThat((String) r.getJsonMap().get("description")).isEqualTo(
                "Could not parse JSON body - field 'lines[0].quantity': expected an integer, got \"two\":"
                        + " line 1 column 50");
    }

    @Test
    void anObjectWhereAnArrayBelongsIsA400() {
        Result r = post(new OrderEcho(), "{\"lines\": {\"sku\": \"a\"}}");
        assertThat(r.getStatusCode()).isEqualTo(400);
        assertThat((String) r.getJsonMap().get("description"))
                .startsWith("Could not parse JSON body - field 'lines': expected an array, got an object");
    }

    @Test
    void anUnknownEnumValueListsTheValues() {
        Result r = post(new OrderEcho(), "{\"size\": \"HUGE\"}");
        assertThat((String) r.getJsonMap().get("description"))
                .startsWith("Could not parse JSON body - field 'size': expected one of \"SMALL\", \"LARGE\", got \"HUGE\"");
    }

    @Test
    void aBadDateIsA400() {
        Result r = post(new OrderEcho(), "{\"due\": \"tomorrow\"}");
        assertThat(r.getStatusCode()).isEqualTo(400);
        assertThat((String) r.getJsonMap().get("description"))
                .startsWith("Could not parse JSON body - field 'due': expected an ISO-8601 LocalDate string, got \"tomorrow\"");
    }

    @Test
    void anUnknownFieldIsA400() {
        Result r = post(new OrderEcho(), "{\"id\": \"o-1\", \"bogus\": 1}");
        assertThat(r.getStatusCode()).isEqualTo(400);
        assertThat((String) r.getJsonMap().get("description"))
                .startsWith("Could not parse JSON body - unknown field 'bogus'");
    }

    @Test
    void aRecordConstructorRefusingTheValueIsA400WithItsMessage() {
        Result r = post(new Object() {
            public void onPost(Request req, Response resp) {
                req.getMedia(Positive.class);
            }
        }, "{\"value\": -1}");
        assertThat(r.getStatusCode()).isEqualTo(400);
        assertThat((String) r.getJsonMap().get("description"))
                .startsWith("Could not parse JSON body - value must be positive");
    }

    @Test
    void noErrorShowsJacksonsInternals() {
        for (String body : new String[] {"{\"lines\": 5}", "{\"lines\": [true]}", "[1]", "\"x\"",
                "{\"size\": 3}", "{\"lines\": [{\"quantity\": {}}]}", "{\"id\": []}"}) {
            Result r = post(new OrderEcho(), body);
            assertThat(r.getStatusCode()).as(body).isEqualTo(400);
            assertThat(r.getText()).as(body).doesNotContain("`", "com.fasterxml", "JsonToken", "Source",
                    "jackson", "falcon.media");
        }
    }

    @Test
    void malformedJsonStillReadsAsBefore() {
        Result r = post(new OrderEcho(), "{\"id\":");
        assertThat(r.getStatusCode()).isEqualTo(400);
        assertThat((String) r.getJsonMap().get("description")).startsWith("Could not parse JSON body - ");
    }

    @Test
    void anEmptyBodyIsMediaNotFound() {
        Result r = post(new OrderEcho(), "");
        assertThat(r.getStatusCode()).isEqualTo(400);
        assertThat(r.getJsonMap()).containsEntry("description", "Could not parse an empty JSON body");
    }

    @Test
    void aTypeJacksonCannotMakeIsTheApplicationsError() {
        Result r = post(new Object() {
            public void onPost(Request req, Response resp) {
                req.getMedia(Unmakeable.class);
            }
        }, "{}");
        assertThat(r.getStatusCode()).isEqualTo(500);
    }

    @Test
    void bigDecimalKeepsEveryDigit() {
        Result r = post(new Object() {
            public void onPost(Request req, Response resp) {
                resp.setText(req.getMedia(Payment.class).amount().toPlainString());
            }
        }, "{\"amount\": 12345678901234567890.123456789}");
        assertThat(r.getText()).isEqualTo("12345678901234567890.123456789");
    }

    @Test
    void theUntypedFormIsThereAfterATypedRead() {
        Result r = post(new Object() {
            public void onPost(Request req, Response resp) {
                Order first = req.getMedia(Order.class);
                assertThat(req.getMedia(Order.class)).isSameAs(first);
                resp.setMedia(req.getMedia());
            }
        }, "{\"id\": \"o-1\", \"lines\": [{\"sku\": \"a\", \"quantity\": 2}]}");
        assertThat(r.getText()).isEqualTo(
                "{\"id\": \"o-1\", \"due\": null, \"size\": null, \"lines\": [{\"sku\": \"a\", \"quantity\": 2}]}");
    }

    @Test
    void aTypedReadAfterTheUntypedOneConverts() {
        Result r = post(new Object() {
            public void onPost(Request req, Response resp) {
                Object raw = req.getMedia();
                Order order = req.getMedia(Order.class);
                Map<?, ?> map = req.getMedia(Map.class);
                resp.setText(order.lines().get(0).sku() + " " + (map == raw));
            }
        }, ORDER);
        assertThat(r.getText()).isEqualTo("a true");
    }

    @Test
    void aFailedTypedReadFailsTheSameWayAgain() {
        Result r = post(new Object() {
            public void onPost(Request req, Response resp) {
                try {
                    req.getMedia(Line.class);
                } catch (MediaMalformedError first) {
                    req.getMedia();
                }
            }
        }, "{\"quantity\": \"x\"}");
        assertThat(r.getStatusCode()).isEqualTo(400);
        assertThat((String) r.getJsonMap().get("description")).contains("field 'quantity'");
    }

    @Test
    void aFormIsReadIntoARecordWithItsStringsCoerced() {
        TestClient client = client(new Object() {
            public void onPost(Request req, Response resp) {
                Line line = req.getMedia(Line.class);
                resp.setText(line.sku() + "x" + (line.quantity() + 1));
            }
        });
        Result ok = client.simulatePost("/r", Simulate.with().body("sku=a&quantity=5")
                .contentType("application/x-www-form-urlencoded"));
        assertThat(ok.getText()).isEqualTo("ax6");
        Result bad = client.simulatePost("/r", Simulate.with().body("sku=a&quantity=five")
                .contentType("application/x-www-form-urlencoded"));
        assertThat(bad.getStatusCode()).isEqualTo(400);
        assertThat(bad.getJsonMap()).containsEntry("title", "Invalid URL-encoded").containsEntry("description",
                "Could not parse URL-encoded body - field 'quantity': expected an integer, got \"five\"");
    }

    @Test
    void anAsyncResponderReadsTypedMediaWithoutBlocking() {
        Result r = post(new Object() {
            public CompletionStage<?> onPost(Request req, Response resp) {
                return req.getMediaAsync(Order.class).thenAccept(order -> resp.setText(order.id()));
            }
        }, ORDER);
        assertThat(r.getText()).isEqualTo("o-1");
    }

    @Test
    void anAsyncTypedReadThatDoesNotFitIsA400() {
        Result r = post(new Object() {
            public CompletionStage<?> onPost(Request req, Response resp) {
                return req.getMediaAsync(LINES).thenAccept(lines -> resp.setText("" + lines.size()));
            }
        }, "{\"a\": 1}");
        assertThat(r.getStatusCode()).isEqualTo(400);
        assertThat((String) r.getJsonMap().get("description"))
                .startsWith("Could not parse JSON body - expected an array, got an object");
    }

    @Test
    void anAsyncUntypedReadGivesMaps() {
        Result r = post(new Object() {
            public CompletionStage<?> onPost(Request req, Response resp) {
                return req.getMediaAsync().thenAccept(resp::setMedia);
            }
        }, "{\"a\": [1, 2]}");
        assertThat(r.getText()).isEqualTo("{\"a\": [1, 2]}");
    }

    @Test
    void aMultipartPartIsReadIntoARecord() {
        String body = "--B\r\nContent-Disposition: form-data; name=\"line\"\r\nContent-Type: application/json\r\n\r\n"
                + "{\"sku\": \"p\", \"quantity\": 3}\r\n"
                + "--B\r\nContent-Disposition: form-data; name=\"bad\"\r\nContent-Type: application/json\r\n\r\n"
                + "{\"sku\": \"p\", \"quantity\": [3]}\r\n--B--\r\n";
        Result r = client(new Object() {
            public void onPost(Request req, Response resp) {
                StringBuilder out = new StringBuilder();
                for (BodyPart part : (MultipartForm) req.getMedia()) {
                    try {
                        Line line = part.getMedia(Line.class);
                        out.append(line.sku()).append(line.quantity()).append(' ');
                    } catch (MediaMalformedError ex) {
                        out.append(ex.getStatusCode()).append(' ').append(ex.getDescription());
                    }
                }
                resp.setText(out.toString());
            }
        }).simulatePost("/r", Simulate.with().body(body).contentType("multipart/form-data; boundary=B"));
        assertThat(r.getText()).isEqualTo(
                "p3 400 Could not parse JSON body - field 'quantity': expected an integer, got an array");
    }

    @Test
    void aMultipartBodyIsNotReadIntoARecordButItsPartsAre() {
        String body = "--B\r\nContent-Disposition: form-data; name=\"sku\"\r\n\r\na\r\n--B--\r\n";
        TestClient client = client(new Object() {
            public void onPost(Request req, Response resp) {
                req.getMedia(Line.class);
            }

            public void onPut(Request req, Response resp) {
                MultipartForm form = req.getMedia(MultipartForm.class);
                resp.setText(form.iterator().next().getText());
            }
        });
        Result r = client.simulatePost("/r", Simulate.with().body(body).contentType("multipart/form-data; boundary=B"));
        assertThat(r.getStatusCode()).isEqualTo(415);
        assertThat((String) r.getJsonMap().get("description")).startsWith("A multipart/form-data body cannot be read as");
        assertThat(client.simulatePut("/r", Simulate.with().body(body).contentType("multipart/form-data; boundary=B"))
                .getText()).isEqualTo("a");
    }

    @Test
    void aRecordIsWrittenAsJson() {
        Result r = client(new Object() {
            public void onGet(Request req, Response resp) {
                resp.setMedia(new Line("a", 2));
            }
        }).simulateGet("/r");
        assertThat(r.getText()).isEqualTo("{\"sku\": \"a\", \"quantity\": 2}");
    }

    public static class WsLines {
        public void onWebsocket(Request req, WebSocket ws) {
            ws.accept();
            while (true) {
                try {
                    Line line = ws.receiveMedia(Line.class);
                    ws.sendMedia(Map.of("sku", line.sku(), "doubled", line.quantity() * 2));
                } catch (MediaMalformedError ex) {
                    ws.sendMedia(Map.of("error", ex.getDescription()));
                }
            }
        }
    }

    @Test
    void aWebSocketMessageIsReadIntoARecord() {
        try (WebSocketSimulator ws = client(new WsLines()).simulateWs("/r")) {
            ws.sendJson(Map.of("sku", "w", "quantity", 4));
            assertThat(ws.receiveJson()).isEqualTo(Map.of("sku", "w", "doubled", 8));
            ws.sendText("{\"sku\": \"w\", \"quantity\": \"many\"}");
            assertThat(ws.receiveJson()).isEqualTo(Map.of("error",
                    "Could not parse JSON body - field 'quantity': expected an integer, got \"many\""));
        }
    }

    @Test
    void aWebSocketMessageIsReadIntoAGenericTypeAsynchronously() throws Exception {
        CompletableFuture<List<Line>> got = new CompletableFuture<>();
        try (WebSocketSimulator ws = client(new Object() {
            public CompletionStage<?> onWebsocket(Request req, WebSocket ws) {
                ws.accept();
                return ws.receiveMediaAsync(LINES).thenAccept(got::complete);
            }
        }).simulateWs("/r")) {
            ws.sendText("[{\"sku\": \"x\", \"quantity\": 1}]");
            assertThat(got.get(5, TimeUnit.SECONDS)).containsExactly(new Line("x", 1));
        }
    }
}
