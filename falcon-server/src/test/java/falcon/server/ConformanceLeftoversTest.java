package falcon.server;

import static org.assertj.core.api.Assertions.assertThat;

import falcon.App;
import falcon.Request;
import falcon.Response;
import falcon.Status;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The answers the larger Falcon 3.1.1 corpus found different over the wire: a WEBSOCKET request
 * method gets Falcon's 400 JSON; media types are matched case-insensitively and a 205 carries no
 * body (RFC 9110, kept on purpose: docs/differences.md).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ConformanceLeftoversTest {

    private static Server server;

    @BeforeAll
    static void start() {
        App app = new App();
        app.addRoute("/things", new Object() {
            public void onGet(Request req, Response resp) {
                resp.setText("hello");
                resp.setContentType("text/plain");
            }

            public void onPost(Request req, Response resp) {
                resp.setMedia(req.getMedia());
            }

            public void onPut(Request req, Response resp) {
                resp.setStatus(Status.HTTP_205);
                resp.setText("reset");
            }
        });
        app.addRoute("/accepts", new Object() {
            public void onGet(Request req, Response resp) {
                resp.setText(req.clientPrefers(List.of("application/json", "text/plain"))
                        + " " + req.clientAccepts("text/plain"));
            }
        });
        server = Server.builder(app).host("127.0.0.1").port(0).build().start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aWebsocketRequestMethodIsFalconsBadRequest() throws IOException {
        try (RawHttp http = new RawHttp(server.port())) {
            RawHttp.Response r = http.send("WEBSOCKET /things HTTP/1.1\r\nHost: x\r\n\r\n").read();
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.header("content-type")).isEqualTo("application/json");
            assertThat(r.text()).isEqualTo("{\"title\": \"400 Bad Request\"}");
        }
    }

    @Test
    void aWebsocketRequestMethodOnNoRouteIsStillA400() throws IOException {
        try (RawHttp http = new RawHttp(server.port())) {
            RawHttp.Response r = http.send("WEBSOCKET /nowhere HTTP/1.1\r\nHost: x\r\n\r\n").read();
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.text()).isEqualTo("{\"title\": \"400 Bad Request\"}");
            RawHttp.Response next = http.send("GET /things HTTP/1.1\r\nHost: x\r\n\r\n").read();
            assertThat(next.text()).isEqualTo("hello");
        }
    }

    @Test
    void acceptIsMatchedWhateverTheCase() throws IOException {
        try (RawHttp http = new RawHttp(server.port())) {
            RawHttp.Response r = http.send("GET /accepts HTTP/1.1\r\nHost: x\r\nAccept: TEXT/PLAIN\r\n\r\n").read();
            assertThat(r.text()).isEqualTo("text/plain true");
        }
    }

    @Test
    void aContentTypeInCapitalsIsStillJson() throws IOException {
        try (RawHttp http = new RawHttp(server.port())) {
            RawHttp.Response r = http.send("POST /things HTTP/1.1\r\nHost: x\r\nContent-Type: Application/JSON\r\n"
                    + "Content-Length: 8\r\n\r\n{\"a\": 1}").read();
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.text()).isEqualTo("{\"a\": 1}");
        }
    }

    @Test
    void a205HasNoBody() throws IOException {
        try (RawHttp http = new RawHttp(server.port())) {
            RawHttp.Response r = http.send("PUT /things HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n").read();
            assertThat(r.status()).isEqualTo(205);
            assertThat(r.header("content-length")).isEqualTo("0");
            assertThat(r.text()).isEmpty();
            RawHttp.Response next = http.send("GET /things HTTP/1.1\r\nHost: x\r\n\r\n").read();
            assertThat(next.text()).isEqualTo("hello");
        }
    }
}
