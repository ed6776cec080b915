package falcon.server;

import static org.assertj.core.api.Assertions.assertThat;

import falcon.App;
import falcon.Request;
import falcon.Response;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Graceful shutdown under load: 50 keep-alive clients send requests back to back while the server
 * closes. Every request the App answered reaches its client whole, no request that was sent goes
 * unanswered, and the answers a closing server sends carry {@code connection: close}; a client
 * that reconnects afterwards is refused before it sends anything.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ShutdownUnderLoadTest {

    private static final int CLIENTS = 50;
    private static final int BODY_BYTES = 32 * 1024;

    /** What one client saw. */
    enum Outcome {
        /** a whole response */
        ANSWERED,
        /** the connection was refused, or closed before the request could be written */
        REFUSED_BEFORE_SENT,
        /** the request was sent and the connection closed with no byte of an answer */
        UNANSWERED,
        /**
         * as UNANSWERED, on a new connection: one the kernel completed while the listening socket
         * closed, reset by the kernel, the request never accepted (allowed, as "refused")
         */
        UNANSWERED_FIRST,
        /** part of a response, then the connection closed */
        CUT
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void noAcceptedRequestIsLostAndNoResponseIsCut(ExecutionMode mode) throws Exception {
        AtomicInteger served = new AtomicInteger();
        App app = new App();
        app.addRoute("/work", new Object() {
            public void onGet(Request req, Response resp) throws InterruptedException {
                if (mode == ExecutionMode.WORKER) {
                    Thread.sleep(2); // some work in flight when the close comes
                }
                resp.setData(new byte[BODY_BYTES]);
                served.incrementAndGet();
            }
        });
        Server server = Server.builder(app).host("127.0.0.1").port(0).executionMode(mode)
                .shutdownGrace(Duration.ofSeconds(10)).shutdownHook(false).build().start();
        int port = server.port();

        ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
        AtomicInteger closeAnswers = new AtomicInteger();
        CountDownLatch warm = new CountDownLatch(CLIENTS);
        List<Thread> clients = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            Thread client = new Thread(() -> {
                boolean counted = false;
                while (true) {
                    try (Socket socket = new Socket()) {
                        try {
                            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
                        } catch (ConnectException refused) {
                            outcomes.add(Outcome.REFUSED_BEFORE_SENT);
                            return;
                        }
                        socket.setSoTimeout(20_000);
                        OutputStream out = socket.getOutputStream();
                        InputStream in = new BufferedInputStream(socket.getInputStream());
                        boolean again = true;
                        boolean first = true;
                        while (again) {
                            try {
                                out.write("GET /work HTTP/1.1\r\nHost: a\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                                out.flush();
                            } catch (IOException closed) {
                                outcomes.add(Outcome.REFUSED_BEFORE_SENT);
                                return;
                            }
                            Answer answer;
                            try {
                                answer = Answer.read(in);
                            } catch (IOException reset) {
                                answer = new Answer(Outcome.UNANSWERED, true);
                            }
                            outcomes.add(first && answer.outcome == Outcome.UNANSWERED ? Outcome.UNANSWERED_FIRST
                                    : answer.outcome);
                            first = false;
                            if (answer.outcome != Outcome.ANSWERED) {
                                return;
                            }
                            if (!counted) {
                                counted = true;
                                warm.countDown();
                            }
                            if (answer.close) {
                                closeAnswers.incrementAndGet();
                                again = false; // reconnect: refused once the server has stopped listening
                            }
                        }
                    } catch (IOException ex) {
                        outcomes.add(Outcome.UNANSWERED);
                        return;
                    }
                }
            });
            client.setDaemon(true);
            client.start();
            clients.add(client);
        }
        assertThat(warm.await(20, TimeUnit.SECONDS)).as("every client got an answer").isTrue();
        Thread.sleep(200);
        server.close();
        for (Thread t : clients) {
            t.join(20_000);
        }

        List<Outcome> all = new ArrayList<>(outcomes);
        long answered = all.stream().filter(o -> o == Outcome.ANSWERED).count();
        java.util.Map<Outcome, Long> counts = new java.util.EnumMap<>(Outcome.class);
        all.forEach(o -> counts.merge(o, 1L, Long::sum));
        assertThat(all).as("outcomes %s", counts).doesNotContain(Outcome.CUT, Outcome.UNANSWERED);
        assertThat(answered).as("every answer the App made reached its client whole").isEqualTo(served.get());
        assertThat(closeAnswers.get()).as("connection: close on the last answers").isPositive();
        assertThat(all.stream().filter(o -> o == Outcome.REFUSED_BEFORE_SENT || o == Outcome.UNANSWERED_FIRST).count())
                .as("each client's last try was refused, %s", counts).isEqualTo(CLIENTS);
    }

    /** One response read off a socket: its outcome, and whether it said {@code connection: close}. */
    private record Answer(Outcome outcome, boolean close) {

        static Answer read(InputStream in) throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            int b;
            int state = 0; // how much of CRLF CRLF has been seen
            while (state < 4 && (b = in.read()) >= 0) {
                head.write(b);
                state = (b == '\r' && (state == 0 || state == 2)) || (b == '\n' && (state == 1 || state == 3))
                        ? state + 1 : 0;
            }
            if (state < 4) {
                return new Answer(head.size() == 0 ? Outcome.UNANSWERED : Outcome.CUT, true);
            }
            String text = head.toString(StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
            int length = 0;
            for (String line : text.split("\r\n")) {
                if (line.startsWith("content-length:")) {
                    length = Integer.parseInt(line.substring("content-length:".length()).trim());
                }
            }
            if (!text.startsWith("http/1.1 200") || length != BODY_BYTES) {
                return new Answer(Outcome.CUT, true); // not the answer asked for: as bad as a cut one
            }
            long left = length;
            byte[] buf = new byte[8192];
            while (left > 0) {
                int n = in.read(buf, 0, (int) Math.min(buf.length, left));
                if (n < 0) {
                    return new Answer(Outcome.CUT, true);
                }
                left -= n;
            }
            return new Answer(Outcome.ANSWERED, text.contains("\r\nconnection: close\r\n"));
        }
    }
}
