package falcon.server;

import static org.assertj.core.api.Assertions.assertThat;

import falcon.App;
import falcon.MediaMalformedError;
import falcon.Request;
import falcon.Response;
import falcon.WebSocket;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Typed media over the embedded server: records in and out, and a body that does not fit is a 400. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TypedMediaOverServerTest {

    record Line(String sku, int quantity) {
    }

    record Order(String id, List<Line> lines) {
    }

    private static Server server;

    @BeforeAll
    static void start() {
        App app = new App();
        app.addRoute("/orders", new Object() {
            public void onPost(Request req, Response resp) {
                Order order = req.getMedia(Order.class);
                resp.setMedia(new Line(order.id(), order.lines().size()));
            }
        });
        app.addRoute("/async", new Object() {
            public CompletionStage<?> onPost(Request req, Response resp) {
                return req.getMediaAsync(Order.class).thenAccept(order -> resp.setMedia(order.lines().get(0)));
            }
        });
        app.addRoute("/ws-lines", new Object() {
            public void onWebsocket(Request req, WebSocket ws) {
                ws.accept();
                while (true) {
                    try {
                        Line line = ws.receiveMedia(Line.class);
                        ws.sendMedia(new Line(line.sku(), line.quantity() * 2));
                    } catch (MediaMalformedError ex) {
                        ws.sendMedia(Map.of("error", ex.getDescription()));
                    }
                }
            }
        });
        server = Server.builder(app).host("127.0.0.1").port(0).build().start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static RawHttp.Response post(RawHttp http, String path, String json) throws IOException {
        return http.send("POST " + path + " HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + json.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + json).read();
    }

    @Test
    void aRecordGoesInAndAnotherComesOut() throws IOException {
        try (RawHttp http = new RawHttp(server.port())) {
            RawHttp.Response r = post(http, "/orders", "{\"id\": \"o-1\", \"lines\": [{\"sku\": \"a\", \"quantity\": 1}]}");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.text()).isEqualTo("{\"sku\": \"o-1\", \"quantity\": 1}");
        }
    }

    @Test
    void aBodyThatDoesNotFitIsA400AndTheConnectionStaysUsable() throws IOException {
        try (RawHttp http = new RawHttp(server.port())) {
            RawHttp.Response bad = post(http, "/orders", "{\"id\": \"o-1\", \"lines\": [{\"quantity\": false}]}");
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.text()).isEqualTo("{\"title\": \"Invalid JSON\", \"description\": \"Could not parse"
                    + " JSON body - field 'lines[0].quantity': expected an integer, got true or false:"
                    + " line 1 column 38\"}");
            RawHttp.Response good = post(http, "/async", "{\"lines\": [{\"sku\": \"b\", \"quantity\": 2}]}");
            assertThat(good.status()).isEqualTo(200);
            assertThat(good.text()).isEqualTo("{\"sku\": \"b\", \"quantity\": 2}");
        }
    }

    @Test
    void aChunkedBodyOverTheLimitIsA413WhenReadIntoARecord() throws IOException {
        // the limit is passed while Jackson fills a nested field: the answer is the limit's 413,
        // not a 400 "Invalid JSON" about that field
        App app = new App();
        app.addRoute("/orders", new Object() {
            public void onPost(Request req, Response resp) {
                resp.setMedia(req.getMedia(Order.class).lines().size());
            }
        });
        try (Server small = Server.builder(app).host("127.0.0.1").port(0).maxBodyBytes(1024).shutdownHook(false)
                .build().start(); RawHttp http = new RawHttp(small.port())) {
            String chunk = "x".repeat(500);
            StringBuilder body = new StringBuilder("POST /orders HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n14\r\n{\"lines\": [{\"sku\": \"\r\n");
            for (int i = 0; i < 8; i++) {
                body.append(Integer.toHexString(chunk.length())).append("\r\n").append(chunk).append("\r\n");
            }
            body.append("4\r\n\"}]}\r\n0\r\n\r\n");
            RawHttp.Response r = http.send(body.toString()).read();
            assertThat(r.status()).isEqualTo(413);
            assertThat(r.text()).contains("Payload Too Large");
        }
    }

    @Test
    void aSecondTypedReadOfTheSameBodyIsConvertedFromTheFirst() throws IOException {
        App app = new App();
        app.addRoute("/orders", new Object() {
            public void onPost(Request req, Response resp) {
                Order order = req.getMedia(Order.class); // e.g. a middleware's read
                Map<?, ?> raw = req.getMedia(Map.class); // then the resource's, of another type
                resp.setMedia(List.of(order.id(), raw.get("id")));
            }
        });
        try (Server other = Server.builder(app).host("127.0.0.1").port(0).shutdownHook(false).build().start();
                RawHttp http = new RawHttp(other.port())) {
            RawHttp.Response r = post(http, "/orders", "{\"id\": \"o-9\", \"lines\": []}");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.text()).isEqualTo("[\"o-9\", \"o-9\"]");
        }
    }

    @Test
    void anAsyncTypedReadThatDoesNotFitIsA400() throws IOException {
        try (RawHttp http = new RawHttp(server.port())) {
            RawHttp.Response r = post(http, "/async", "{\"lines\": \"none\"}");
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.text()).contains("field 'lines': expected an array, got a string");
        }
    }

    @Test
    void aWebSocketMessageIsReadIntoARecordOverTheWire() throws Exception {
        WebSocketTest.Collector c = new WebSocketTest.Collector();
        java.net.http.WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:" + server.port() + "/ws-lines"), c).join();
        socket.sendText("{\"sku\": \"w\", \"quantity\": 4}", true).join();
        assertThat(c.next()).isEqualTo("{\"sku\": \"w\", \"quantity\": 8}");
        socket.sendText("{\"sku\": \"w\", \"quantity\": [4]}", true).join();
        assertThat(c.next()).isEqualTo("{\"error\": \"Could not parse JSON body - field 'quantity': expected an"
                + " integer, got an array\"}");
        socket.sendClose(1000, "done").join();
    }
}
