package falcon.server.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.BugDetectors;
import com.code_intelligence.jazzer.api.SilentCloseable;
import com.code_intelligence.jazzer.junit.FuzzTest;
import falcon.App;
import falcon.Request;
import falcon.Response;
import falcon.server.Server;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Coverage-guided fuzzing of the server's HTTP/1.1 request path, over a real socket: Netty's
 * decoder, the server's own checks (request line, Host, target, bare CR, limits), body framing
 * and the App behind them. Each input is sent as is on a new connection whose client then
 * half-closes; the rule: every answer is a 4xx or below (505 for a version), none is a 500, the
 * server answers or closes within seconds (never hangs), and a plain GET is served afterwards.
 *
 * <p>{@code ./mvnw verify} replays the seeds and findings under {@code
 * src/test/resources/falcon/server/fuzz/WireFuzzTestInputs/}; {@code JAZZER_FUZZ=1 ./mvnw -pl
 * falcon-server surefire:test@fuzz -Dtest=WireFuzzTest} fuzzes for real (CI: 10 s).
 */
class WireFuzzTest {

    private static final Pattern STATUS = Pattern.compile("HTTP/1\\.[01] (\\d{3}) ");

    private static final Server SERVER;

    static {
        App app = new App();
        app.addRoute("/x", new Object() {
            public void onGet(Request req, Response resp) {
                req.getCookies();
                req.getForwarded();
                req.getHost();
                req.getParams();
                resp.setText("ok");
            }

            public void onPost(Request req, Response resp) {
                resp.setMedia(Map.of("got", String.valueOf(req.getMedia())));
            }
        });
        SERVER = Server.builder(app).host("127.0.0.1").port(0).headerReadTimeout(Duration.ofSeconds(1))
                .idleTimeout(Duration.ofSeconds(2)).maxBodyBytes(64 * 1024).shutdownHook(false).build().start();
    }

    @FuzzTest(maxDuration = "10s")
    void http1Requests(byte[] input) throws IOException {
        try (SilentCloseable loopback = BugDetectors.allowNetworkConnections(
                (host, port) -> port == SERVER.port() && ("127.0.0.1".equals(host) || "localhost".equals(host)))) {
            check(input);
        }
    }

    private static void check(byte[] input) throws IOException {
        String answers = exchange(input);
        Matcher m = STATUS.matcher(answers);
        while (m.find()) {
            int status = Integer.parseInt(m.group(1));
            assertThat(status).as("an answer to %s", printable(input)).satisfiesAnyOf(
                    s -> assertThat(s).isLessThan(500), s -> assertThat(s).isEqualTo(505));
        }
        assertThat(exchange("GET /x HTTP/1.1\r\nHost: a\r\n\r\n".getBytes(StandardCharsets.US_ASCII)))
                .as("a plain GET after %s", printable(input)).startsWith("HTTP/1.1 200 ");
    }

    /** Sends {@code bytes}, half-closes, and returns everything the server sent until it closed. */
    private static String exchange(byte[] bytes) throws IOException {
        try (Socket socket = new Socket()) {
            socket.setSoLinger(true, 0); // no TIME_WAIT left behind by thousands of connections
            socket.connect(new InetSocketAddress("127.0.0.1", SERVER.port()), 5000);
            socket.setSoTimeout(5000);
            try {
                socket.getOutputStream().write(bytes);
                socket.shutdownOutput();
            } catch (IOException closedEarly) {
                // the server refused the head already and closed: what it said is still readable
            }
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            byte[] buf = new byte[8192];
            try {
                for (int n; (n = in.read(buf)) >= 0;) {
                    got.write(buf, 0, n);
                }
            } catch (SocketTimeoutException hung) {
                throw new AssertionError("no answer and no close within 5 s; got: "
                        + got.toString(StandardCharsets.ISO_8859_1), hung);
            } catch (IOException reset) {
                // a reset after the answer: what was read counts
            }
            return got.toString(StandardCharsets.ISO_8859_1);
        }
    }

    private static String printable(byte[] input) {
        String s = new String(input, StandardCharsets.ISO_8859_1);
        return s.length() > 300 ? s.substring(0, 300) + "..." : s.replace("\r", "\\r").replace("\n", "\\n");
    }
}
