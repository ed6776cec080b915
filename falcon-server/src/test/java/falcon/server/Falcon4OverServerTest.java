package falcon.server;

import static org.assertj.core.api.Assertions.assertThat;

import falcon.App;
import falcon.HTTPContentTooLarge;
import falcon.Request;
import falcon.Response;
import falcon.Sink;
import falcon.WebSocket;
import falcon.routing.RouteParams;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Falcon 4.x additions over the wire: QUERY, custom methods, onRequest, header helpers, 413's new name. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class Falcon4OverServerTest {

    private static Server server;

    @BeforeAll
    static void start() {
        App app = new App();
        app.getRouterOptions().customHttpMethods().add("PURGE");
        app.getRouterOptions().setDefaultToOnRequest(true);
        app.addRoute("/search", new Object() {
            public void onQuery(Request req, Response resp) {
                resp.setMedia(List.of(req.getMedia(), req.getHeaderAsInt("X-Limit"),
                        req.getHeadersLower().get("x-limit")));
            }

            public void onPurge(Request req, Response resp) {
                resp.setText("purged");
            }

            public void onRequest(Request req, Response resp) {
                resp.setText("catch-all " + req.getMethod());
            }

            public void onPut(Request req, Response resp) {
                throw new HTTPContentTooLarge();
            }
        });
        app.addRoute("/params", new Object() {
            public void onGet(Request req, Response resp) {
                resp.setMedia(List.of(req.getParamAsDict("user", false, true, null, null, null),
                        req.getParamAsList("tags", "pipeDelimited"), req.getParamAsMedia("filter", null)));
            }
        });
        app.addSink(new Sink() {
            @Override
            public void handle(Request req, Response resp, RouteParams params) {
                resp.setText("http sink");
            }

            @Override
            public void handleWs(Request req, WebSocket ws, RouteParams params) {
                ws.accept();
                ws.sendText("ws sink " + params.get("rest"));
            }
        }, "/live/(?<rest>.*)");
        server = Server.builder(app).host("127.0.0.1").port(0).build().start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void queryCarriesABody() throws IOException {
        try (RawHttp http = new RawHttp(server.port())) {
            RawHttp.Response r = http.send("QUERY /search HTTP/1.1\r\nHost: x\r\nX-Limit: 10\r\n"
                    + "Content-Type: application/json\r\nContent-Length: 8\r\n\r\n{\"q\": 1}").read();
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.text()).isEqualTo("[{\"q\": 1}, 10, \"10\"]");
        }
    }

    @Test
    void aBadIntegerHeaderIsA400() throws IOException {
        try (RawHttp http = new RawHttp(server.port())) {
            RawHttp.Response r = http.send("QUERY /search HTTP/1.1\r\nHost: x\r\nX-Limit: ten\r\n"
                    + "Content-Type: application/json\r\nContent-Length: 2\r\n\r\n{}").read();
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.text()).contains("The value of the header must be an integer.");
        }
    }

    @Test
    void customMethodsAndTheCatchAll() throws IOException {
        try (RawHttp http = new RawHttp(server.port())) {
            assertThat(http.send("PURGE /search HTTP/1.1\r\nHost: x\r\n\r\n").read().text()).isEqualTo("purged");
            assertThat(http.send("DELETE /search HTTP/1.1\r\nHost: x\r\n\r\n").read().text())
                    .isEqualTo("catch-all DELETE");
            RawHttp.Response unknown = http.send("BREW /search HTTP/1.1\r\nHost: x\r\n\r\n").read();
            assertThat(unknown.status()).isEqualTo(400);
        }
    }

    @Test
    void contentTooLargeHasItsNewStatusLine() throws IOException {
        try (RawHttp http = new RawHttp(server.port())) {
            RawHttp.Response r = http.send("PUT /search HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n").read();
            assertThat(r.status()).isEqualTo(413);
            assertThat(r.reason()).isEqualTo("Content Too Large");
            assertThat(r.text()).isEqualTo("{\"title\": \"413 Content Too Large\"}");
        }
    }

    @Test
    void falcon43QueryParameterForms() throws IOException {
        try (RawHttp http = new RawHttp(server.port())) {
            RawHttp.Response r = http.send("GET /params?user%5Bname%5D=Ash&user%5Bage%5D=36&tags=a%7Cb"
                    + "&filter=%7B%22q%22%3A1%7D HTTP/1.1\r\nHost: x\r\n\r\n").read();
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.text()).isEqualTo("[{\"name\": \"Ash\", \"age\": \"36\"}, [\"a\", \"b\"], {\"q\": 1}]");
        }
    }

    @Test
    void aSinkTakesAWebSocketNoRouteMatches() throws Exception {
        WebSocketTest.Collector c = new WebSocketTest.Collector();
        HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:" + server.port() + "/live/feed"), c).join();
        assertThat(c.next()).isEqualTo("ws sink feed");
        assertThat(c.closed.get(10, TimeUnit.SECONDS)).isEqualTo(1000);
    }
}
