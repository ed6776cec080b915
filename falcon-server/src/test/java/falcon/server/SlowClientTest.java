package falcon.server;

import static org.assertj.core.api.Assertions.assertThat;

import falcon.App;
import falcon.Request;
import falcon.Response;
import falcon.WebSocket;
import falcon.WebSocketDisconnected;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Clients that hold a connection without using it: a request body that stalls or trickles is
 * answered 408 and closed once it falls under the minimum data rate; a WebSocket that stays
 * silent is pinged, and closed with 1001 when it answers nothing; one that answers pings stays.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SlowClientTest {

    /** Reads the whole body, counting it. */
    public static class Upload {
        public void onPost(Request req, Response resp) throws Exception {
            resp.setText("read " + req.getBoundedStream().readAllBytes().length);
        }
    }

    /** Echoes text messages until the client goes. */
    public static class Echo {
        final CompletableFuture<Integer> closed = new CompletableFuture<>();

        public void onWebsocket(Request req, WebSocket ws) {
            ws.accept();
            try {
                while (true) {
                    ws.sendText(ws.receiveText());
                }
            } catch (WebSocketDisconnected ex) {
                closed.complete(ex.getCode());
            }
        }
    }

    private final Echo echo = new Echo();
    private Server server;

    private int serve(Server.Builder settings) {
        server = settings.build().start();
        return server.port();
    }

    private Server.Builder builder() {
        App app = new App();
        app.addRoute("/upload", new Upload());
        app.addRoute("/ws", echo);
        app.addRoute("/hello", new Object() {
            public void onGet(Request req, Response resp) {
                resp.setText("hello");
            }
        });
        return Server.builder(app).host("127.0.0.1").port(0);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aBodyThatStallsIsA408AndTheConnectionCloses() throws Exception {
        int port = serve(builder().minBodyDataRate(100, Duration.ofSeconds(1)));
        try (RawHttp http = new RawHttp(port)) {
            http.send("POST /upload HTTP/1.1\r\nHost: a\r\nContent-Length: 100000\r\n\r\n" + "x".repeat(50));
            RawHttp.Response r = http.read(); // nothing more is sent
            assertThat(r.status()).isEqualTo(408);
            assertThat(r.text()).contains("more slowly than 100 bytes per second");
            assertThat(http.closedByServer()).isTrue();
        }
    }

    @Test
    void aBodyThatTricklesUnderTheRateIsA408() throws Exception {
        int port = serve(builder().minBodyDataRate(1000, Duration.ofSeconds(1)));
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write("POST /upload HTTP/1.1\r\nHost: a\r\nContent-Length: 100000\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(8);
            // 50 bytes every 100 ms: 500 B/s, half the minimum; stops at the server's answer
            while (System.nanoTime() < until && in.available() == 0) {
                try {
                    out.write(new byte[50]);
                    out.flush();
                } catch (java.io.IOException closed) {
                    break;
                }
                Thread.sleep(100);
            }
            String answer = new String(in.readNBytes(12), StandardCharsets.ISO_8859_1);
            assertThat(answer).isEqualTo("HTTP/1.1 408");
        }
    }

    @Test
    void aBodyFasterThanTheRateIsServedWhole() throws Exception {
        int port = serve(builder().minBodyDataRate(1000, Duration.ofSeconds(1)));
        try (RawHttp http = new RawHttp(port)) {
            http.send("POST /upload HTTP/1.1\r\nHost: a\r\nContent-Length: 30000\r\n\r\n");
            for (int i = 0; i < 10; i++) { // 10 kB/s over 3 s
                http.send("y".repeat(3000));
                Thread.sleep(300);
            }
            RawHttp.Response r = http.read();
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.text()).isEqualTo("read 30000");
        }
    }

    @Test
    void aClientThatHalfClosesInTheMiddleOfItsBodyIsAnsweredAtOnce() throws Exception {
        int port = serve(builder());
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("POST /upload HTTP/1.1\r\nHost: a\r\nContent-Length: 1000\r\n\r\n"
                    + "x".repeat(10)).getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            Thread.sleep(300); // the App is reading the body
            socket.shutdownOutput(); // the rest of the body will never come
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            // the App's read fails at the FIN: a 400 that says so, not the body-rate check's 408
            assertThat(answer).startsWith("HTTP/1.1 400")
                    .contains("The connection closed before the request body was complete.");
        }
    }

    @Test
    void aStalledHttp2StreamIsResetWhileOtherStreamsKeepItsConnectionBusy() throws Exception {
        // the rate check off: the stream's own idle timer is what must end it
        int port = serve(builder().h2c(true).minBodyDataRate(0, Duration.ofSeconds(1))
                .idleTimeout(Duration.ofSeconds(1)));
        try (RawHttp2 h2 = RawHttp2.cleartext(port)) {
            h2.headers(1, false, ":method", "POST", ":scheme", "http", ":path", "/upload", ":authority", "a",
                    "content-length", "100000");
            h2.data(1, false, "x".repeat(50).getBytes(StandardCharsets.US_ASCII));
            boolean reset = false;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            // a request every 200 ms: the connection is never idle for a second
            for (int stream = 3; !reset && System.nanoTime() < deadline; stream += 2) {
                Thread.sleep(200);
                h2.headers(stream, true, ":method", "GET", ":scheme", "http", ":path", "/hello", ":authority", "a");
                for (RawHttp2.Frame f = h2.read(); ; f = h2.read()) {
                    assertThat(f).as("the connection stays open").isNotNull();
                    if (f.type() == RawHttp2.RST_STREAM && f.stream() == 1) {
                        reset = true;
                    }
                    if (f.type() == RawHttp2.DATA && f.stream() == stream) {
                        assertThat(new String(f.payload(), StandardCharsets.UTF_8)).isEqualTo("hello");
                        break;
                    }
                }
            }
            assertThat(reset).as("the stalled stream was reset").isTrue();
        }
    }

    @Test
    void aSilentWebSocketIsPingedThenClosedWith1001() throws Exception {
        int port = serve(builder().webSocketIdleTimeout(Duration.ofSeconds(1)));
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET /ws HTTP/1.1\r\nHost: a\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            // the raw client never answers: it reads the 101, a ping (0x89), then a close (0x88, 1001)
            byte[] all = socket.getInputStream().readAllBytes(); // until the server closes
            String text = new String(all, StandardCharsets.ISO_8859_1);
            assertThat(text).startsWith("HTTP/1.1 101");
            int frames = text.indexOf("\r\n\r\n") + 4;
            assertThat(all[frames] & 0xff).as("a ping first").isEqualTo(0x89);
            int close = frames + 2 + (all[frames + 1] & 0x7f);
            assertThat(all[close] & 0xff).as("then a close").isEqualTo(0x88);
            assertThat(((all[close + 2] & 0xff) << 8) | (all[close + 3] & 0xff)).isEqualTo(1001);
        }
        assertThat(echo.closed.get(10, TimeUnit.SECONDS)).isIn(1001, 1006);
    }

    @Test
    void aWebSocketThatAnswersPingsStaysOpenPastTheIdleTimeout() throws Exception {
        int port = serve(builder().webSocketIdleTimeout(Duration.ofSeconds(1)));
        CompletableFuture<String> reply = new CompletableFuture<>();
        java.net.http.WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws"), new java.net.http.WebSocket.Listener() {
                    @Override
                    public java.util.concurrent.CompletionStage<?> onText(java.net.http.WebSocket w, CharSequence data,
                            boolean last) {
                        reply.complete(data.toString());
                        return null;
                    }
                }).get(10, TimeUnit.SECONDS);
        Thread.sleep(3000); // three idle timeouts; the JDK client answers each ping with a pong
        ws.sendText("still here", true);
        assertThat(reply.get(10, TimeUnit.SECONDS)).isEqualTo("still here");
        ws.abort();
    }
}
