package falcon.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import falcon.App;
import falcon.HTTPForbidden;
import falcon.Middleware;
import falcon.Request;
import falcon.Response;
import falcon.WebSocket;
import falcon.WebSocketDisconnected;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The WebSocket scenarios of falcon-testing's {@code falcon.asgi.WebSocketTest}, over a real socket. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
@org.junit.jupiter.api.extension.ExtendWith(NoLeaks.class)
class WebSocketTest {

    private static Server server;
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    static final CompletableFuture<Integer> DISCONNECT = new CompletableFuture<>();

    public static final class Echo {
        public void onWebsocket(Request req, WebSocket ws) {
            ws.accept(ws.getSubprotocols().contains("chat") ? "chat" : null);
            try {
                while (true) {
                    Object m = ws.receiveMedia();
                    ws.sendMedia(m);
                }
            } catch (WebSocketDisconnected ex) {
                DISCONNECT.complete(ex.getCode());
            }
        }

        public void onWebsocketText(Request req, WebSocket ws) {
            ws.accept();
            while (true) {
                String text = ws.receiveText();
                if (text.equals("bye")) {
                    return; // the framework closes with 1000
                }
                if (text.equals("forbidden")) {
                    throw new HTTPForbidden();
                }
                if (text.equals("boom")) {
                    throw new IllegalStateException("boom");
                }
                ws.sendText("echo: " + text);
            }
        }

        public void onWebsocketBinary(Request req, WebSocket ws) {
            ws.accept();
            byte[] data = ws.receiveData();
            ws.sendData(data);
        }

        public CompletionStage<Void> onWebsocketAsync(Request req, WebSocket ws) {
            return ws.acceptAsync(null, null).thenCompose(v -> ws.receiveTextAsync())
                    .thenCompose(t -> ws.sendTextAsync(t.toUpperCase(java.util.Locale.ROOT)));
        }

        public void onGet(Request req, Response resp) {
            resp.setText("plain http");
        }
    }

    @BeforeAll
    static void start() {
        App app = new App();
        app.getWsOptions().maxMessageBytes = 64 * 1024;
        Echo echo = new Echo();
        app.addRoute("/echo", echo);
        app.addRoute("/text", echo, "text");
        app.addRoute("/binary", echo, "binary");
        app.addRoute("/async", echo, "async");
        server = Server.serve(app, 0);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static URI ws(String path) {
        return URI.create("ws://127.0.0.1:" + server.port() + path);
    }

    /** Collects what the server sends. */
    static final class Collector implements java.net.http.WebSocket.Listener {
        final LinkedBlockingQueue<Object> messages = new LinkedBlockingQueue<>();
        final CompletableFuture<Integer> closed = new CompletableFuture<>();
        final CompletableFuture<String> reason = new CompletableFuture<>();
        private final StringBuilder text = new StringBuilder();
        private final java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();

        @Override
        public CompletionStage<?> onText(java.net.http.WebSocket ws, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                messages.add(text.toString());
                text.setLength(0);
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(java.net.http.WebSocket ws, ByteBuffer data, boolean last) {
            byte[] b = new byte[data.remaining()];
            data.get(b);
            bytes.writeBytes(b);
            if (last) {
                messages.add(bytes.toByteArray());
                bytes.reset();
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(java.net.http.WebSocket ws, int statusCode, String why) {
            reason.complete(why);
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(java.net.http.WebSocket ws, Throwable error) {
            closed.completeExceptionally(error);
        }

        Object next() throws InterruptedException {
            Object m = messages.poll(10, TimeUnit.SECONDS);
            assertThat(m).as("a message within 10 s").isNotNull();
            return m;
        }
    }

    private static java.net.http.WebSocket open(String path, Collector c, String... protocols) {
        java.net.http.WebSocket.Builder b = CLIENT.newWebSocketBuilder();
        if (protocols.length > 0) {
            b.subprotocols(protocols[0], java.util.Arrays.copyOfRange(protocols, 1, protocols.length));
        }
        return b.buildAsync(ws(path), c).join();
    }

    @Test
    void echoesMediaAndNegotiatesTheSubprotocol() throws Exception {
        Collector c = new Collector();
        java.net.http.WebSocket socket = open("/echo", c, "wamp", "chat");
        assertThat(socket.getSubprotocol()).isEqualTo("chat");
        socket.sendText("{\"a\": [1, 2]}", true).join();
        assertThat(c.next()).isEqualTo("{\"a\": [1, 2]}");
        socket.sendClose(4000, "done").join();
        assertThat(DISCONNECT.get(10, TimeUnit.SECONDS)).isEqualTo(4000);
        assertThat(c.closed.get(10, TimeUnit.SECONDS)).isEqualTo(4000);
    }

    @Test
    void returningClosesWith1000() throws Exception {
        Collector c = new Collector();
        java.net.http.WebSocket socket = open("/text", c);
        socket.sendText("hi", true).join();
        assertThat(c.next()).isEqualTo("echo: hi");
        socket.sendText("bye", true).join();
        assertThat(c.closed.get(10, TimeUnit.SECONDS)).isEqualTo(1000);
        assertThat(c.reason.get()).isEqualTo("Normal Closure");
    }

    @Test
    void anHttpErrorAfterAcceptClosesWith3000PlusStatus() throws Exception {
        Collector c = new Collector();
        open("/text", c).sendText("forbidden", true).join();
        assertThat(c.closed.get(10, TimeUnit.SECONDS)).isEqualTo(3403);
    }

    @Test
    void anUnexpectedErrorClosesWith1011() throws Exception {
        Collector c = new Collector();
        open("/text", c).sendText("boom", true).join();
        assertThat(c.closed.get(10, TimeUnit.SECONDS)).isEqualTo(1011);
    }

    @Test
    void fragmentedMessagesAreJoined() throws Exception {
        Collector c = new Collector();
        java.net.http.WebSocket socket = open("/text", c);
        socket.sendText("frag", false).join();
        socket.sendText("mented", true).join();
        assertThat(c.next()).isEqualTo("echo: fragmented");
        socket.sendClose(1000, "").join();
    }

    @Test
    void binaryIsEchoed() throws Exception {
        Collector c = new Collector();
        java.net.http.WebSocket socket = open("/binary", c);
        socket.sendBinary(ByteBuffer.wrap(new byte[] {1, 2, 3}), true).join();
        assertThat((byte[]) c.next()).containsExactly(1, 2, 3);
        assertThat(c.closed.get(10, TimeUnit.SECONDS)).isEqualTo(1000);
    }

    @Test
    void anAsyncResponderWorks() throws Exception {
        Collector c = new Collector();
        open("/async", c).sendText("shout", true).join();
        assertThat(c.next()).isEqualTo("SHOUT");
        assertThat(c.closed.get(10, TimeUnit.SECONDS)).isEqualTo(1000);
    }

    @Test
    void aTooLargeMessageClosesWith1009() throws Exception {
        Collector c = new Collector();
        java.net.http.WebSocket socket = open("/text", c);
        socket.sendText("x".repeat(70 * 1024), true).join();
        assertThat(c.closed.get(10, TimeUnit.SECONDS)).isEqualTo(1009);
    }

    @Test
    void noRouteDeniesTheHandshakeWith403() {
        assertThatThrownBy(() -> open("/nowhere", new Collector()))
                .isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(WebSocketHandshakeException.class)
                .extracting(ex -> ((WebSocketHandshakeException) ex.getCause()).getResponse().statusCode())
                .isEqualTo(403);
    }

    @Test
    void plainHttpStillWorks() throws Exception {
        java.net.http.HttpResponse<String> r = CLIENT.send(java.net.http.HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + "/echo")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(r.body()).isEqualTo("plain http");
    }

    @Test
    void anUnmaskedClientFrameIsAProtocolError() throws Exception {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(("GET /text HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            String head = readHead(in);
            assertThat(head).startsWith("HTTP/1.1 101");
            assertThat(head).contains("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=");
            out.write(new byte[] {(byte) 0x81, 0x02, 'h', 'i'}); // TEXT, FIN, no mask: RFC 6455 5.1
            out.flush();
            int b0 = in.read();
            int len = in.read();
            byte[] payload = in.readNBytes(len);
            assertThat(b0).isEqualTo(0x88); // a close frame
            assertThat(((payload[0] & 0xff) << 8) | (payload[1] & 0xff)).isEqualTo(1002);
        }
    }

    private static String readHead(InputStream in) throws java.io.IOException {
        StringBuilder sb = new StringBuilder();
        while (!sb.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            sb.append((char) b);
        }
        return sb.toString();
    }

    @Test
    void aStartupFailureKeepsTheServerFromStarting() {
        App app = App.builder().middleware(new Middleware() {
            @Override
            public void processStartup() {
                throw new IllegalStateException("no database");
            }
        }).build();
        assertThatThrownBy(() -> Server.serve(app, 0)).isInstanceOf(IllegalStateException.class)
                .hasRootCauseMessage("no database");
    }

    @Test
    void startupAndShutdownRunWithTheServer() {
        List<String> events = new java.util.concurrent.CopyOnWriteArrayList<>();
        App app = App.builder().middleware(new Middleware() {
            @Override
            public void processStartup() {
                events.add("startup");
            }

            @Override
            public void processShutdown() {
                events.add("shutdown");
            }
        }).build();
        Server s = Server.serve(app, 0);
        assertThat(events).containsExactly("startup");
        s.close();
        assertThat(events).containsExactly("startup", "shutdown");
    }
}
