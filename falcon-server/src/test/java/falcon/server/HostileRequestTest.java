package falcon.server;

import static org.assertj.core.api.Assertions.assertThat;

import falcon.App;
import falcon.Request;
import falcon.Response;
import falcon.WebSocket;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Requests HTTP forbids but the decoder lets through, over a raw socket: each is a 400 (505 for
 * an unimplemented version) with Falcon's error body and a close, before any responder runs, and
 * the next connection is served as usual.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class HostileRequestTest {

    /** Counts the requests that reached a responder. */
    public static class Counting {
        final AtomicInteger calls = new AtomicInteger();

        public void onGet(Request req, Response resp) {
            calls.incrementAndGet();
            resp.setText("ok");
        }

        public void onWebsocket(Request req, WebSocket ws) {
            calls.incrementAndGet();
            ws.accept();
            ws.close();
        }
    }

    private final Counting resource = new Counting();
    private Server server;

    @BeforeEach
    void start() {
        App app = new App();
        app.addRoute("/things", resource);
        server = Server.builder(app).host("127.0.0.1").port(0).build().start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private RawHttp.Response exchange(String request) throws Exception {
        try (RawHttp http = new RawHttp(server.port())) {
            RawHttp.Response r = http.send(request).read();
            assertThat(r.header("connection")).isEqualTo("close");
            assertThat(http.closedByServer()).as("the connection is closed after the error").isTrue();
            return r;
        }
    }

    private void assertRefusedWith(int status, String request, String description) throws Exception {
        RawHttp.Response r = exchange(request);
        assertThat(r.status()).isEqualTo(status);
        assertThat(r.header("content-type")).isEqualTo("application/json");
        assertThat(r.text()).contains(description);
        assertThat(resource.calls).as("no responder ran").hasValue(0);
        assertPlainGetStillServed();
    }

    private void assertPlainGetStillServed() throws Exception {
        try (RawHttp http = new RawHttp(server.port())) {
            RawHttp.Response ok = http.send("GET /things HTTP/1.1\r\nHost: a\r\n\r\n").read();
            assertThat(ok.status()).isEqualTo(200);
            assertThat(ok.text()).isEqualTo("ok");
        }
    }

    @Test
    void aLowerCaseVersionIsA400() throws Exception {
        assertRefusedWith(400, "GET /things http/1.1\r\nHost: a\r\n\r\n", "HTTP version must be written");
    }

    @Test
    void aVersionTheServerDoesNotImplementIsA505() throws Exception {
        assertRefusedWith(505, "GET /things HTTP/9.9\r\nHost: a\r\n\r\n", "505 HTTP Version Not Supported");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/things\u0001", "/thi\u0000ngs", "/things\u007f"})
    void aControlCharacterOrNulInTheTargetIsA400(String target) throws Exception {
        assertRefusedWith(400, "GET " + target + " HTTP/1.1\r\nHost: a\r\n\r\n", "control character");
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET /things HTTP/1.1\rHost: a\r\r", "GET /things HTTP/1.1\r\nHost: a\rX: b\r\n\r\n"})
    void aBareCarriageReturnIsA400AtOnce(String request) throws Exception {
        // The first used to get no answer until the header timeout: the decoder splits at LF only.
        assertRefusedWith(400, request, "bare CR");
    }

    @Test
    void aCarriageReturnInTheBodyIsNotALineEnd() throws Exception {
        try (RawHttp http = new RawHttp(server.port())) {
            http.send("POST /things HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\na\rb\rc"
                    + "GET /things HTTP/1.1\r\nHost: a\r\n\r\n");
            assertThat(http.read().status()).isEqualTo(405); // no onPost: read, not refused
            assertThat(http.read().status()).isEqualTo(200);
        }
    }

    @Test
    void anHttp11RequestWithoutHostIsA400() throws Exception {
        assertRefusedWith(400, "GET /things HTTP/1.1\r\n\r\n", "must have a Host header");
    }

    @Test
    void twoHostHeadersAreA400() throws Exception {
        assertRefusedWith(400, "GET /things HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", "exactly one Host header");
    }

    @ParameterizedTest
    @ValueSource(strings = {"user@example.com", "example.com:80a", "exa/mple.com", "[::1", "example.com:123456",
        "example.com:65536", "ex%zzample.com", "example.com%4", "[fe80::1%eth0]", "[fe80::1%25]", "[::1]x",
        "::1", "[v1]", "[]"})
    void anInvalidHostIsA400(String host) throws Exception {
        assertRefusedWith(400, "GET /things HTTP/1.1\r\nHost: " + host + "\r\n\r\n", "not a valid host");
    }

    @ParameterizedTest
    @ValueSource(strings = {"example.com", "example.com:8080", "127.0.0.1:1", "[::1]:8080", "[::1]", "",
        "example.com:65535", "example.com:", "ex%41mple.com", "[fe80::1%25eth0]:8080", "[v1.fe:x]"})
    void validHostsAreServed(String host) throws Exception {
        try (RawHttp http = new RawHttp(server.port())) {
            assertThat(http.send("GET /things HTTP/1.1\r\nHost: " + host + "\r\n\r\n").read().status()).isEqualTo(200);
        }
    }

    @Test
    void anHttp10RequestWithoutHostIsServed() throws Exception {
        try (RawHttp http = new RawHttp(server.port())) {
            assertThat(http.send("GET /things HTTP/1.0\r\n\r\n").read().status()).isEqualTo(200);
        }
    }

    @Test
    void aClientThatHalfClosesAfterItsRequestStillGetsTheAnswer() throws Exception {
        // RFC 9112 section 9.6: shutting down the sending side is not a close of the connection.
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write("GET /things HTTP/1.1\r\nHost: a\r\n\r\nGET /things HTTP/1.1\r\nHost: a\r\n\r\n"
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.shutdownOutput();
            String answers = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
            // both pipelined requests are answered, then the server closes (readAllBytes returned)
            assertThat(answers.split("HTTP/1.1 200 OK", -1)).hasSize(3);
            assertThat(answers).endsWith("ok");
        }
        assertThat(resource.calls).hasValue(2);
    }

    private static String upgrade(String version, String key) {
        return "GET /things " + version + "\r\nHost: a\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Version: 13\r\n" + (key == null ? "" : "Sec-WebSocket-Key: " + key + "\r\n") + "\r\n";
    }

    @Test
    void aWebSocketHandshakeWithoutAKeyIsA400AndNoResponderWaits() throws Exception {
        // It used to reach onWebsocket, whose accept() then waited for ever on a handshake that
        // Netty had refused: one parked worker per such request.
        assertRefusedWith(400, upgrade("HTTP/1.1", null), "no Sec-WebSocket-Key");
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-base64!", "dGhlIHNhbXBsZSBub25jZQ", "AAAAAAAAAAAAAAAAAAAAAAAAAAA=", "dGhlIHNhbXBsZSBub25jZR=="})
    void aWebSocketKeyThatIsNotSixteenBytesOfBase64IsA400(String key) throws Exception {
        assertRefusedWith(400, upgrade("HTTP/1.1", key), "base64 of 16 bytes");
    }

    @Test
    void aWebSocketHandshakeOnHttp10IsA400() throws Exception {
        assertRefusedWith(400, upgrade("HTTP/1.0", "dGhlIHNhbXBsZSBub25jZQ=="), "needs HTTP/1.1");
    }

    @Test
    void aValidWebSocketHandshakeStillUpgrades() throws Exception {
        try (RawHttp http = new RawHttp(server.port())) {
            RawHttp.Response r = http.send(upgrade("HTTP/1.1", "dGhlIHNhbXBsZSBub25jZQ==")).read(true);
            assertThat(r.status()).isEqualTo(101);
            assertThat(r.header("sec-websocket-accept")).isEqualTo("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=");
        }
    }
}
