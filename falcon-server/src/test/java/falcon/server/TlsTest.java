package falcon.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import falcon.Request;
import falcon.WebSocket;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** HTTPS: HTTP/1.1 over TLS, ALPN, key material, and clients that get TLS wrong. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
@org.junit.jupiter.api.extension.ExtendWith(NoLeaks.class)
class TlsTest {

    private static Server server;
    private static final HttpClient HTTP11 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .sslContext(TestTls.clientContext()).build();
    private static final HttpClient HTTP2 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2)
            .sslContext(TestTls.clientContext()).build();

    @BeforeAll
    static void start() {
        TestApp testApp = new TestApp();
        testApp.app.addRoute("/ws", new Object() {
            public void onWebsocket(Request req, WebSocket ws) {
                ws.accept();
                ws.sendText("echo: " + ws.receiveText() + " over " + req.getScheme());
            }
        });
        server = Server.builder(testApp.app).host("127.0.0.1").port(0).tls(TestTls.CERT, TestTls.KEY).build()
                .start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static URI uri(Server s, String path) {
        return URI.create("https://127.0.0.1:" + s.port() + path);
    }

    @Test
    void http11OverTlsSaysHttps() throws Exception {
        HttpResponse<String> r = HTTP11.send(HttpRequest.newBuilder(uri(server, "/info")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
        assertThat(r.body()).contains("\"scheme\": \"https\"", "\"protocol\": \"HTTP/1.1\"");
        HttpResponse<String> hello = HTTP11.send(HttpRequest.newBuilder(uri(server, "/hello")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(hello.body()).isEqualTo("Hello, world!");
    }

    @Test
    void aStreamedResponseArrivesIntactOverHttp11AndTls() throws Exception {
        HttpResponse<InputStream> r = HTTP11.send(HttpRequest.newBuilder(uri(server, "/stream")).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(TestApp.readStream(r.body())).isEqualTo(TestApp.STREAM_BYTES);
    }

    @Test
    void alpnOffersHttp2ByDefault() throws Exception {
        HttpResponse<String> r = HTTP2.send(HttpRequest.newBuilder(uri(server, "/hello")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.version()).isEqualTo(HttpClient.Version.HTTP_2);
        assertThat(server.toString()).contains("https://127.0.0.1:" + server.port(), "h2, http/1.1");
    }

    @Test
    void http2CanBeTurnedOff() throws Exception {
        try (Server http11Only = Server.builder(new TestApp().app).host("127.0.0.1").port(0)
                .tls(TestTls.CERT, TestTls.KEY).http2(false).build().start()) {
            HttpResponse<String> r = HTTP2.send(HttpRequest.newBuilder(uri(http11Only, "/hello")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
            assertThat(r.body()).isEqualTo("Hello, world!");
        }
    }

    @Test
    void aKeyManagerFactoryServesHttps() throws Exception {
        try (Server kmf = Server.builder(new TestApp().app).host("127.0.0.1").port(0)
                .tls(TestTls.keyManagerFactory()).build().start()) {
            assertThat(kmf.options().tls()).isTrue();
            HttpResponse<String> r = HTTP2.send(HttpRequest.newBuilder(uri(kmf, "/hello")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.version()).isEqualTo(HttpClient.Version.HTTP_2);
            assertThat(r.body()).isEqualTo("Hello, world!");
        }
    }

    @Test
    void aMissingCertificateFailsTheStart() {
        Server s = Server.builder(new TestApp().app).host("127.0.0.1").port(0)
                .tls(Path.of("no-such-cert.pem"), TestTls.KEY).build();
        assertThatThrownBy(s::start).isInstanceOf(UncheckedIOException.class).hasMessageContaining("no-such-cert.pem");
        assertThat(s.isRunning()).isFalse();
    }

    @Test
    void plainHttpToTheTlsPortIsClosedQuietly() throws Exception {
        try (LoggedWarnings warnings = new LoggedWarnings(); Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 5000);
            socket.setSoTimeout(10_000); // a hang fails the test with SocketTimeoutException
            socket.getOutputStream().write("GET /hello HTTP/1.1\r\nHost: a\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            byte[] answer = readUntilClosed(socket.getInputStream());
            assertThat(new String(answer, StandardCharsets.ISO_8859_1)).doesNotContain("HTTP/1.1");
            assertThat(HTTP11.send(HttpRequest.newBuilder(uri(server, "/hello")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
            assertThat(warnings.get()).isEmpty();
        }
    }

    @Test
    void aClientThatDistrustsTheCertificateIsClosedQuietly() throws Exception {
        try (LoggedWarnings warnings = new LoggedWarnings()) {
            HttpClient distrusting = HttpClient.newBuilder().sslContext(SSLContext.getDefault()).build();
            assertThatThrownBy(() -> distrusting.send(HttpRequest.newBuilder(uri(server, "/hello")).build(),
                    HttpResponse.BodyHandlers.ofString())).isInstanceOf(SSLHandshakeException.class);
            assertThat(HTTP2.send(HttpRequest.newBuilder(uri(server, "/hello")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
            assertThat(warnings.get()).isEmpty();
        }
    }

    @Test
    void aWebSocketWorksOverTls() throws Exception {
        CompletableFuture<String> reply = new CompletableFuture<>();
        java.net.http.WebSocket ws = HTTP11.newWebSocketBuilder()
                .buildAsync(URI.create("wss://127.0.0.1:" + server.port() + "/ws"), new java.net.http.WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(java.net.http.WebSocket w, CharSequence data, boolean last) {
                        reply.complete(data.toString());
                        return null;
                    }
                }).get(10, TimeUnit.SECONDS);
        ws.sendText("hi", true);
        assertThat(reply.get(10, TimeUnit.SECONDS)).isEqualTo("echo: hi over https");
        ws.abort();
    }

    @Test
    void curlNegotiatesHttp2() throws Exception {
        assumeTrue(CurlSupport.http2(), "curl with HTTP2 is not installed");
        String out = CurlSupport.run("--http2", "-k", "-w", "\n%{http_version}", uri(server, "/hello").toString());
        assertThat(out).isEqualTo("Hello, world!\n2");
        String post = CurlSupport.run("--http2", "-k", "-H", "Content-Type: application/json", "-d", "{\"a\":[1,2]}",
                uri(server, "/echo").toString());
        assertThat(post).isEqualTo("{\"a\": [1, 2]}");
    }

    private static byte[] readUntilClosed(InputStream in) throws IOException {
        List<Byte> bytes = new ArrayList<>();
        try {
            for (int b; (b = in.read()) != -1;) {
                bytes.add((byte) b);
            }
        } catch (java.net.SocketException reset) {
            // closed with a reset: closed all the same
        }
        byte[] out = new byte[bytes.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = bytes.get(i);
        }
        return out;
    }
}
