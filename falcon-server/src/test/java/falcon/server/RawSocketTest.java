package falcon.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Framing, limits and connection handling, over a raw socket (STYLE section 7). */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
@org.junit.jupiter.api.extension.ExtendWith(NoLeaks.class)
class RawSocketTest {

    private TestApp testApp;
    private Server server;

    @BeforeEach
    void start() {
        testApp = new TestApp();
        server = Server.builder(testApp.app).host("127.0.0.1").port(0).maxBodyBytes(64 * 1024).build().start();
    }

    @AfterEach
    void stop() {
        testApp.slowRelease.countDown();
        server.close();
    }

    private RawHttp connect() throws Exception {
        return new RawHttp(server.port());
    }

    @Test
    void aResponseHeaderThatWouldSplitTheResponseIsA500AndTheConnectionServesOn() throws Exception {
        try (RawHttp http = connect()) {
            RawHttp.Response r = http.send("GET /header?name=x-a&value=ok%0D%0Ax-injected:%201 HTTP/1.1\r\n"
                    + "Host: a\r\n\r\n").read();
            assertThat(r.status()).isEqualTo(500);
            assertThat(r.header("x-injected")).isNull();
            assertThat(r.header("x-a")).isNull();
            r = http.send("GET /header?name=bad%20name&value=v HTTP/1.1\r\nHost: a\r\n\r\n").read();
            assertThat(r.status()).isEqualTo(500);
            r = http.send("GET /header?name=x-a&value=fine HTTP/1.1\r\nHost: a\r\n\r\n").read();
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("x-a")).isEqualTo("fine");
            assertThat(r.text()).isEqualTo("set");
        }
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrder() throws Exception {
        try (RawHttp http = connect()) {
            http.send("GET /info?n=1 HTTP/1.1\r\nHost: a\r\n\r\n"
                    + "POST /echo HTTP/1.1\r\nHost: a\r\nContent-Type: application/json\r\nContent-Length: 7\r\n\r\n{\"n\":2}"
                    + "GET /info?n=3 HTTP/1.1\r\nHost: a\r\n\r\n");
            assertThat(http.read().text()).contains("\"query\": \"n=1\"");
            assertThat(http.read().text()).isEqualTo("{\"n\": 2}");
            assertThat(http.read().text()).contains("\"query\": \"n=3\"");
        }
    }

    @Test
    void pipelinedRequestsWaitWhileTheClientDoesNotReadTheAnswers() throws Exception {
        int requests = 64; // 64 MiB of answers if every request were served at once
        try (RawHttp http = connect()) {
            http.send("GET /big HTTP/1.1\r\nHost: a\r\n\r\n".repeat(requests));
            // The client reads nothing: the server serves what the socket buffers and the outbound
            // high-water mark hold, then stops; without back-pressure it would serve all 64.
            long served = Progress.settle(testApp.bigServed::get, requests / 2, () -> true);
            assertThat(served).isLessThan(requests / 2);
            for (int i = 0; i < requests; i++) {
                RawHttp.Response r = http.read();
                assertThat(r.status()).isEqualTo(200);
                assertThat(r.body()).hasSize(TestApp.BIG_BYTES);
            }
            assertThat(testApp.bigServed.get()).isEqualTo(requests);
        }
    }

    @Test
    void aClientThatStopsReadingButKeepsSendingIsDisconnected() throws Exception {
        TestApp app = new TestApp();
        try (Server s = Server.builder(app.app).host("127.0.0.1").port(0).idleTimeout(Duration.ofSeconds(1))
                .build().start(); java.net.Socket socket = new java.net.Socket("127.0.0.1", s.port())) {
            socket.setReceiveBufferSize(4096);
            java.io.OutputStream out = socket.getOutputStream();
            out.write("GET /stream HTTP/1.1\r\nHost: a\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            // the next request's head, a byte every 200 ms: input, but never a request
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(4);
            boolean closed = false;
            byte[] next = "GET /hello HTTP/1.1\r\nHost: a\r\n".getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; System.nanoTime() < until; i++) {
                try {
                    out.write(next[i % next.length]);
                    out.flush();
                } catch (java.io.IOException reset) {
                    closed = true;
                    break;
                }
                Thread.sleep(200);
            }
            // what was buffered, then the end: the server gave up on the stalled response
            socket.setSoTimeout(10_000);
            long received = 0;
            boolean ended;
            try {
                received = socket.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
                ended = true;
            } catch (java.net.SocketTimeoutException stillOpen) {
                ended = false; // the server still holds the connection (and a worker)
            } catch (java.io.IOException reset) {
                ended = true;
            }
            assertThat(ended || closed).isTrue();
            assertThat(received).isLessThan(TestApp.STREAM_BYTES);
        }
    }

    @Test
    void keepAliveServesSeveralRequestsOnOneConnection() throws Exception {
        try (RawHttp http = connect()) {
            for (int i = 0; i < 3; i++) {
                RawHttp.Response r = http.send("GET /hello HTTP/1.1\r\nHost: a\r\n\r\n").read();
                assertThat(r.status()).isEqualTo(200);
                assertThat(r.text()).isEqualTo("Hello, world!");
                assertThat(r.header("connection")).isNull();
                assertThat(r.header("date")).endsWith("GMT");
            }
        }
    }

    @Test
    void malformedRequestLineIsA400AndCloses() throws Exception {
        try (RawHttp http = connect()) {
            RawHttp.Response r = http.send("HELLO\r\n\r\n").read();
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.text()).contains("\"title\": \"400 Bad Request\"");
            assertThat(r.header("content-type")).isEqualTo("application/json");
            assertThat(r.header("connection")).isEqualTo("close");
            assertThat(http.closedByServer()).isTrue();
        }
    }

    @Test
    void contentLengthWithTransferEncodingIsA400AndCloses() throws Exception {
        try (RawHttp http = connect()) {
            RawHttp.Response r = http.send("POST /count HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n").read();
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.text()).contains("400 Bad Request");
            assertThat(http.closedByServer()).isTrue();
        }
    }

    @Test
    void differingDuplicateContentLengthsAreA400() throws Exception {
        try (RawHttp http = connect()) {
            RawHttp.Response r = http.send("POST /count HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n"
                    + "Content-Length: 6\r\n\r\nhello!").read();
            assertThat(r.status()).isEqualTo(400);
            assertThat(http.closedByServer()).isTrue();
        }
    }

    @Test
    void nonNumericContentLengthIsA400() throws Exception {
        try (RawHttp http = connect()) {
            RawHttp.Response r = http.send("POST /count HTTP/1.1\r\nHost: a\r\nContent-Length: five\r\n\r\nhello")
                    .read();
            assertThat(r.status()).isEqualTo(400);
            assertThat(http.closedByServer()).isTrue();
        }
    }

    @Test
    void badChunkSizeIsA400AndCloses() throws Exception {
        try (RawHttp http = connect()) {
            RawHttp.Response r = http.send("POST /count HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "zz\r\nhello\r\n0\r\n\r\n").read();
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.text()).contains("400 Bad Request");
            assertThat(http.closedByServer()).isTrue();
        }
    }

    @Test
    void badChunkSizeWhileTheAppReadsIsA400() throws Exception {
        try (RawHttp http = connect()) {
            http.send("POST /count HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n");
            assertThat(testApp.uploadStarted.await(10, TimeUnit.SECONDS)).isTrue();
            RawHttp.Response r = http.send("zz\r\nhello\r\n0\r\n\r\n").read();
            assertThat(r.status()).isEqualTo(400);
            assertThat(http.closedByServer()).isTrue();
        }
    }

    @Test
    void headersTooLargeAreA431() throws Exception {
        try (RawHttp http = connect()) {
            RawHttp.Response r = http.send("GET /hello HTTP/1.1\r\nHost: a\r\nX-Big: " + "x".repeat(10_000)
                    + "\r\n\r\n").read();
            assertThat(r.status()).isEqualTo(431);
            assertThat(r.text()).contains("431 Request Header Fields Too Large");
            assertThat(http.closedByServer()).isTrue();
        }
    }

    @Test
    void tooManyHeadersAreA431() throws Exception {
        StringBuilder req = new StringBuilder("GET /hello HTTP/1.1\r\nHost: a\r\n");
        for (int i = 0; i < ServerOptions.DEFAULT_MAX_HEADER_COUNT; i++) {
            req.append("X-H").append(i).append(": v\r\n");
        }
        try (RawHttp http = connect()) {
            RawHttp.Response r = http.send(req.append("\r\n").toString()).read();
            assertThat(r.status()).isEqualTo(431);
            assertThat(http.closedByServer()).isTrue();
        }
    }

    @Test
    void requestLineTooLongIsA414() throws Exception {
        try (RawHttp http = connect()) {
            RawHttp.Response r = http.send("GET /hello?q=" + "x".repeat(9000) + " HTTP/1.1\r\nHost: a\r\n\r\n")
                    .read();
            assertThat(r.status()).isEqualTo(414);
            assertThat(r.text()).contains("414 URI Too Long");
            assertThat(http.closedByServer()).isTrue();
        }
    }

    @Test
    void bodyTooLargeByContentLengthIsA413BeforeTheBodyIsSent() throws Exception {
        try (RawHttp http = connect()) {
            RawHttp.Response r = http.send("POST /count HTTP/1.1\r\nHost: a\r\nContent-Length: 1000000\r\n\r\n")
                    .read();
            assertThat(r.status()).isEqualTo(413);
            assertThat(r.header("connection")).isEqualTo("close");
            assertThat(testApp.uploadStarted.getCount()).isEqualTo(1); // the App never ran
            assertThat(http.closedByServer()).isTrue();
        }
    }

    @Test
    void chunkedBodyOverTheLimitIsA413() throws Exception {
        try (RawHttp http = connect()) {
            http.send("POST /count HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n10\r\n0123456789abcdef\r\n");
            assertThat(testApp.uploadStarted.await(10, TimeUnit.SECONDS)).isTrue();
            String chunk = Integer.toHexString(8192) + "\r\n" + "x".repeat(8192) + "\r\n";
            RawHttp.Response r = http.send(chunk.repeat(9)).read(); // 72 KiB > 64 KiB
            assertThat(r.status()).isEqualTo(413);
            assertThat(r.header("connection")).isEqualTo("close");
            assertThat(http.closedByServer()).isTrue();
        }
    }

    @Test
    void chunkedBodyUnderTheLimitIsStreamedToTheApp() throws Exception {
        String chunk = Integer.toHexString(1000) + "\r\n" + "a".repeat(1000) + "\r\n";
        try (RawHttp http = connect()) {
            RawHttp.Response r = http.send("POST /count HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + chunk.repeat(50) + "0\r\n\r\n").read();
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.text()).contains("\"count\": 50000").contains("\"sum\": " + 50_000L * 'a');
            assertThat(http.send("GET /hello HTTP/1.1\r\nHost: a\r\n\r\n").read().status()).isEqualTo(200);
        }
    }

    @Test
    void expectContinueGetsA100ThenTheResponse() throws Exception {
        try (RawHttp http = connect()) {
            http.send("POST /echo HTTP/1.1\r\nHost: a\r\nContent-Type: application/json\r\nContent-Length: 7\r\n"
                    + "Expect: 100-continue\r\n\r\n");
            RawHttp.Response interim = http.read();
            assertThat(interim.status()).isEqualTo(100);
            RawHttp.Response r = http.send("{\"a\":1}").read();
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.text()).isEqualTo("{\"a\": 1}");
        }
    }

    @Test
    void expectContinueWithATooLargeBodyIsA413WithoutContinue() throws Exception {
        try (RawHttp http = connect()) {
            RawHttp.Response r = http.send("POST /count HTTP/1.1\r\nHost: a\r\nContent-Length: 10000000\r\n"
                    + "Expect: 100-continue\r\n\r\n").read();
            assertThat(r.status()).isEqualTo(413);
            assertThat(http.closedByServer()).isTrue();
        }
    }

    @Test
    void http10ClosesAfterTheResponse() throws Exception {
        try (RawHttp http = connect()) {
            RawHttp.Response r = http.send("GET /hello HTTP/1.0\r\n\r\n").read();
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.text()).isEqualTo("Hello, world!");
            assertThat(http.closedByServer()).isTrue();
        }
    }

    @Test
    void http10KeepAliveIsHonoured() throws Exception {
        try (RawHttp http = connect()) {
            RawHttp.Response r = http.send("GET /hello HTTP/1.0\r\nConnection: keep-alive\r\n\r\n").read();
            assertThat(r.header("connection")).isEqualToIgnoringCase("keep-alive");
            assertThat(http.send("GET /hello HTTP/1.0\r\n\r\n").read().status()).isEqualTo(200);
            assertThat(http.closedByServer()).isTrue();
        }
    }

    @Test
    void headKeepsContentLengthAndSendsNoBody() throws Exception {
        try (RawHttp http = connect()) {
            RawHttp.Response r = http.send("HEAD /hello HTTP/1.1\r\nHost: a\r\n\r\n").read(true);
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("content-length")).isEqualTo("13");
            assertThat(r.header("transfer-encoding")).isNull();
            // the next bytes are the next response's status line: no body was sent
            RawHttp.Response next = http.send("GET /hello HTTP/1.1\r\nHost: a\r\n\r\n").read();
            assertThat(next.text()).isEqualTo("Hello, world!");
        }
    }

    @Test
    void streamedResponseArrivesChunkedAndIntact() throws Exception {
        try (RawHttp http = connect()) {
            RawHttp.Response r = http.send("GET /stream HTTP/1.1\r\nHost: a\r\n\r\n").read();
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.chunked()).isTrue();
            assertThat(r.header("content-length")).isNull();
            assertThat(r.body()).hasSize(TestApp.STREAM_BYTES);
            byte[] body = r.body();
            for (int i = 0; i < body.length; i++) {
                if (body[i] != TestApp.streamByte(i)) {
                    throw new AssertionError("byte " + i + " differs");
                }
            }
            assertThat(http.send("GET /hello HTTP/1.1\r\nHost: a\r\n\r\n").read().status()).isEqualTo(200);
        }
    }

    @Test
    void exchangeValuesFollowTheRequestTarget() throws Exception {
        try (RawHttp http = connect()) {
            RawHttp.Response r = http.send("GET http://example.com/info?x=1&y=%20 HTTP/1.1\r\nHost: example.com\r\n"
                    + "X-Multi: a\r\nX-Multi: b\r\n\r\n").read();
            assertThat(r.text()).contains("\"path\": \"/info\"", "\"query\": \"x=1&y=%20\"", "\"protocol\": \"HTTP/1.1\"",
                    "\"scheme\": \"http\"", "\"remoteAddr\": \"127.0.0.1\"", "\"multi\": \"a,b\"",
                    "\"host\": \"example.com\"");
        }
    }

    @Test
    void unknownRouteIsA404WithFalconsBody() throws Exception {
        try (RawHttp http = connect()) {
            RawHttp.Response r = http.send("GET /nope HTTP/1.1\r\nHost: a\r\n\r\n").read();
            assertThat(r.status()).isEqualTo(404);
            assertThat(r.text()).contains("404 Not Found");
        }
    }

    @Test
    void unreadBodyIsDiscardedAndTheConnectionKeptAlive() throws Exception {
        try (RawHttp http = connect()) {
            // /hello has no onPost: 405 without reading the body, sent in two writes
            http.send("POST /hello HTTP/1.1\r\nHost: a\r\nContent-Length: 20000\r\n\r\n");
            RawHttp.Response r = http.read();
            assertThat(r.status()).isEqualTo(405);
            http.send("x".repeat(20000));
            assertThat(http.send("GET /hello HTTP/1.1\r\nHost: a\r\n\r\n").read().text()).isEqualTo("Hello, world!");
        }
    }

    @Test
    void largeBodyIsStreamedWithBackPressure() throws Exception {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (int i = 0; i < 60_000; i++) {
            body.write('b');
        }
        try (RawHttp http = connect()) {
            http.send(("POST /count HTTP/1.1\r\nHost: a\r\nContent-Length: 60000\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            for (int off = 0; off < 60_000; off += 1000) {
                http.send(java.util.Arrays.copyOfRange(body.toByteArray(), off, off + 1000));
            }
            RawHttp.Response r = http.read();
            assertThat(r.text()).contains("\"count\": 60000");
        }
    }

    @Test
    void idleConnectionIsClosed() throws Exception {
        server.close();
        server = Server.builder(testApp.app).host("127.0.0.1").port(0).idleTimeout(Duration.ofMillis(200)).build()
                .start();
        try (RawHttp http = connect()) {
            assertThat(http.send("GET /hello HTTP/1.1\r\nHost: a\r\n\r\n").read().status()).isEqualTo(200);
            assertThat(http.closedByServer()).isTrue();
        }
    }

    @Test
    void slowHeadersTimeOutWith408() throws Exception {
        server.close();
        server = Server.builder(testApp.app).host("127.0.0.1").port(0).headerReadTimeout(Duration.ofMillis(200))
                .build().start();
        try (RawHttp http = connect()) {
            RawHttp.Response r = http.send("GET /hello HTTP/1.1\r\nHost: a\r\n").read();
            assertThat(r.status()).isEqualTo(408);
            assertThat(http.closedByServer()).isTrue();
        }
    }
}
