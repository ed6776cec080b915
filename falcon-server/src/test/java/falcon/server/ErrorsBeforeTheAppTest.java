package falcon.server;

import static org.assertj.core.api.Assertions.assertThat;

import falcon.App;
import falcon.Request;
import falcon.Response;
import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Errors the server finds before a request reaches the App (limits, broken framing) are rendered
 * by the App's error serializer, exactly as the same error raised by a responder: XML when the
 * client asks for XML, a custom serializer's body when the App has one, {@code Vary: Accept}.
 */
class ErrorsBeforeTheAppTest {

    public static class Hello {
        public void onGet(Request req, Response resp) {
            resp.setText("hello");
        }
    }

    private Server server;

    private int serve(App app) {
        app.addRoute("/hello", new Hello());
        server = Server.builder(app).host("127.0.0.1").port(0).maxBodyBytes(1024).build().start();
        return server.port();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    static String manyHeaders(int count) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < count; i++) {
            b.append("X-H").append(i).append(": v\r\n");
        }
        return b.toString();
    }

    @Test
    void tooManyHeaderLinesAskedForInXmlAreA431InXml() throws IOException {
        int port = serve(new App());
        try (RawHttp http = new RawHttp(port)) {
            RawHttp.Response r = http.send("GET /hello HTTP/1.1\r\nHost: x\r\nAccept: application/xml\r\n"
                    + manyHeaders(ServerOptions.DEFAULT_MAX_HEADER_COUNT + 1) + "\r\n").read();

            assertThat(r.status()).isEqualTo(431);
            assertThat(r.header("content-type")).isEqualTo("application/xml");
            assertThat(r.header("vary")).isEqualTo("Accept");
            assertThat(r.header("connection")).isEqualTo("close");
            assertThat(r.text()).startsWith("<?xml").contains("<title>431 Request Header Fields Too Large</title>");
        }
    }

    @Test
    void aBodyOverTheLimitAskedForInXmlIsA413InXml() throws IOException {
        int port = serve(new App());
        try (RawHttp http = new RawHttp(port)) {
            RawHttp.Response r = http.send("POST /hello HTTP/1.1\r\nHost: x\r\nAccept: application/xml\r\n"
                    + "Content-Length: 4096\r\n\r\n").read();

            assertThat(r.status()).isEqualTo(413);
            assertThat(r.header("content-type")).isEqualTo("application/xml");
            assertThat(r.text()).contains("<title>413 Payload Too Large</title>");
        }
    }

    @Test
    void withoutAnAcceptHeaderTheErrorIsFalconsJson() throws IOException {
        int port = serve(new App());
        try (RawHttp http = new RawHttp(port)) {
            RawHttp.Response r = http.send("POST /hello HTTP/1.1\r\nHost: x\r\nContent-Length: 4096\r\n\r\n").read();

            assertThat(r.status()).isEqualTo(413);
            assertThat(r.header("content-type")).isEqualTo("application/json");
            assertThat(r.text()).isEqualTo("{\"title\": \"413 Payload Too Large\"}");
        }
    }

    @Test
    void aCustomErrorSerializerRendersErrorsFoundBeforeTheApp() throws IOException {
        App app = new App();
        app.setErrorSerializer((req, resp, error) -> {
            resp.setContentType("text/plain");
            resp.setText("custom " + error.getStatus() + " for " + req.getHeader("X-Client"));
        });
        int port = serve(app);
        try (RawHttp http = new RawHttp(port)) {
            RawHttp.Response r = http.send("POST /hello HTTP/1.1\r\nHost: x\r\nX-Client: probe\r\n"
                    + "Content-Length: 4096\r\n\r\n").read();

            assertThat(r.status()).isEqualTo(413);
            assertThat(r.header("content-type")).isEqualTo("text/plain");
            assertThat(r.text()).isEqualTo("custom 413 Payload Too Large for probe");
        }
    }

    @Test
    void aSerializerThatThrowsFallsBackToFalconsJsonBody() throws IOException {
        App app = new App();
        app.setErrorSerializer((req, resp, error) -> {
            throw new IllegalStateException("broken serializer");
        });
        int port = serve(app);
        try (RawHttp http = new RawHttp(port)) {
            RawHttp.Response r = http.send("POST /hello HTTP/1.1\r\nHost: x\r\nContent-Length: 4096\r\n\r\n").read();

            assertThat(r.status()).isEqualTo(413);
            assertThat(r.text()).isEqualTo("{\"title\": \"413 Payload Too Large\"}");
        }
    }

    @Test
    void withProblemDetailsOnAnErrorBeforeTheAppIsProblemJson() throws IOException {
        App app = new App();
        app.getRespOptions().setProblemDetails(true);
        int port = serve(app);
        try (RawHttp http = new RawHttp(port)) {
            RawHttp.Response r = http.send("POST /hello HTTP/1.1\r\nHost: x\r\nContent-Length: 4096\r\n\r\n").read();

            assertThat(r.status()).isEqualTo(413);
            assertThat(r.header("content-type")).isEqualTo("application/problem+json");
            assertThat(r.header("vary")).isEqualTo("Accept");
            assertThat(r.text()).isEqualTo("{\"type\": \"about:blank\", \"title\": \"Payload Too Large\","
                    + " \"status\": 413, \"instance\": \"/hello\"}");
        }
    }

    @Test
    void withProblemDetailsOnAnErrorBeforeTheAppAskedForInXmlIsProblemXml() throws IOException {
        App app = new App();
        app.getRespOptions().setProblemDetails(true);
        int port = serve(app);
        try (RawHttp http = new RawHttp(port)) {
            RawHttp.Response r = http.send("GET /hello HTTP/1.1\r\nHost: x\r\nAccept: application/xml\r\n"
                    + manyHeaders(ServerOptions.DEFAULT_MAX_HEADER_COUNT + 1) + "\r\n").read();

            assertThat(r.status()).isEqualTo(431);
            assertThat(r.header("content-type")).isEqualTo("application/problem+xml");
            assertThat(r.text()).startsWith("<?xml").contains("<problem xmlns=\"urn:ietf:rfc:7807\">")
                    .contains("<title>Request Header Fields Too Large</title><status>431</status>");
        }
    }

    @Test
    void withProblemDetailsOnAResponderErrorIsProblemJsonOverTheWire() throws IOException {
        App app = new App();
        app.getRespOptions().setProblemDetails(true);
        int port = serve(app);
        try (RawHttp http = new RawHttp(port)) {
            RawHttp.Response r = http.send("GET /nowhere HTTP/1.1\r\nHost: x\r\n\r\n").read();

            assertThat(r.status()).isEqualTo(404);
            assertThat(r.header("content-type")).isEqualTo("application/problem+json");
            assertThat(r.text()).isEqualTo("{\"type\": \"about:blank\", \"title\": \"Not Found\","
                    + " \"status\": 404, \"instance\": \"/nowhere\"}");
        }
    }
}
