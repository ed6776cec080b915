package falcon.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Graceful shutdown: stop accepting, finish what is in flight, then close. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
@org.junit.jupiter.api.extension.ExtendWith(NoLeaks.class)
class ShutdownTest {

    @Test
    void closeLetsAnInFlightRequestFinish() throws Exception {
        TestApp testApp = new TestApp();
        Server server = Server.builder(testApp.app).host("127.0.0.1").port(0).shutdownGrace(Duration.ofSeconds(20))
                .build().start();
        int port = server.port();
        try (RawHttp http = new RawHttp(port); RawHttp idle = new RawHttp(port)) {
            assertThat(idle.send("GET /hello HTTP/1.1\r\nHost: a\r\n\r\n").read().status()).isEqualTo(200);
            http.send("GET /slow HTTP/1.1\r\nHost: a\r\n\r\n");
            assertThat(testApp.slowStarted.await(10, TimeUnit.SECONDS)).isTrue();

            CompletableFuture<Void> closing = CompletableFuture.runAsync(server::close);
            assertThat(idle.closedByServer()).isTrue(); // idle connections go at once
            assertThat(closing).isNotDone();

            testApp.slowRelease.countDown();
            RawHttp.Response r = http.read();
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.text()).isEqualTo("finally");
            assertThat(r.header("connection")).isEqualTo("close");
            assertThat(http.closedByServer()).isTrue();

            closing.get(20, TimeUnit.SECONDS);
            assertThat(server.awaitTermination(Duration.ofSeconds(1))).isTrue();
            assertThat(server.isRunning()).isFalse();
            assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(IOException.class);
        }
    }

    @Test
    void pipelinedRequestsReadBeforeTheCloseAreAllAnsweredTheLastWithConnectionClose() throws Exception {
        TestApp testApp = new TestApp();
        Server server = Server.builder(testApp.app).host("127.0.0.1").port(0).shutdownGrace(Duration.ofSeconds(20))
                .build().start();
        try (RawHttp http = new RawHttp(server.port())) {
            // the slow request holds the connection; the two after it are read and wait their turn
            http.send("GET /slow HTTP/1.1\r\nHost: a\r\n\r\nGET /hello HTTP/1.1\r\nHost: a\r\n\r\n"
                    + "GET /info?n=3 HTTP/1.1\r\nHost: a\r\n\r\n");
            assertThat(testApp.slowStarted.await(10, TimeUnit.SECONDS)).isTrue();
            CompletableFuture<Void> closing = CompletableFuture.runAsync(server::close);
            testApp.slowRelease.countDown();

            RawHttp.Response first = http.read();
            RawHttp.Response second = http.read();
            RawHttp.Response third = http.read();
            assertThat(first.text()).isEqualTo("finally");
            assertThat(first.header("connection")).isNull();
            assertThat(second.status()).isEqualTo(200);
            assertThat(third.text()).contains("\"query\": \"n=3\"");
            assertThat(third.header("connection")).isEqualTo("close");
            assertThat(http.closedByServer()).isTrue();
            closing.get(20, TimeUnit.SECONDS);
        } finally {
            server.close();
        }
    }

    @Test
    void anUploadArrivingWhenTheServerClosesIsStillReadAndAnswered() throws Exception {
        TestApp testApp = new TestApp();
        Server server = Server.builder(testApp.app).host("127.0.0.1").port(0).shutdownGrace(Duration.ofSeconds(20))
                .build().start();
        try (RawHttp http = new RawHttp(server.port())) {
            http.send("POST /count HTTP/1.1\r\nHost: a\r\nContent-Length: 2000\r\n\r\n" + "a".repeat(1000));
            assertThat(testApp.uploadStarted.await(10, TimeUnit.SECONDS)).isTrue();
            CompletableFuture<Void> closing = CompletableFuture.runAsync(server::close);
            Thread.sleep(200); // close() is under way: reading must go on for the body in progress
            http.send("a".repeat(1000));

            RawHttp.Response r = http.read();
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.text()).contains("\"count\": 2000");
            assertThat(r.header("connection")).isEqualTo("close");
            closing.get(20, TimeUnit.SECONDS);
        } finally {
            server.close();
        }
    }

    @Test
    void closeTwiceIsHarmless() {
        Server server = Server.serve(new TestApp().app, 0);
        server.close();
        server.close();
        assertThat(server.isRunning()).isFalse();
    }

    @Test
    void startTwiceIsRefused() {
        Server server = Server.builder(new TestApp().app).port(0).build().start();
        try {
            assertThatThrownBy(server::start).isInstanceOf(IllegalStateException.class);
        } finally {
            server.close();
        }
    }
}
