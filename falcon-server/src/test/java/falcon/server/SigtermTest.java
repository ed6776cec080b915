package falcon.server;

import static org.assertj.core.api.Assertions.assertThat;

import falcon.App;
import falcon.Request;
import falcon.Response;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code Server.serve(app, port)} in its own JVM, stopped with {@code SIGTERM} (what {@code docker
 * stop} and Kubernetes send) while a request is in flight: the request still gets its whole
 * response, and the JVM then exits.
 */
class SigtermTest {

    static final String BODY = "x".repeat(64 * 1024);

    /** A resource whose answer takes a second; it says on stdout when it has started. */
    public static class Slow {
        public void onGet(Request req, Response resp) throws InterruptedException {
            System.out.println("in-flight");
            System.out.flush();
            Thread.sleep(1000);
            resp.setText(BODY);
        }
    }

    /** The child JVM: the README's two lines, nothing more. */
    public static void main(String[] args) throws Exception {
        App app = new App();
        app.addRoute("/slow", new Slow());
        Server server = Server.serve(app, 0);
        System.out.println("port " + server.port());
        System.out.flush();
        server.awaitTermination();
    }

    @Test
    @Timeout(60)
    void aRequestInFlightWhenSigtermArrivesGetsItsWholeResponse() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                SigtermTest.class.getName())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            int port = Integer.parseInt(readLineStartingWith(out, "port ").substring(5));

            try (Socket socket = new Socket("127.0.0.1", port)) {
                OutputStream os = socket.getOutputStream();
                os.write("GET /slow HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                os.flush();
                readLineStartingWith(out, "in-flight");

                child.destroy(); // SIGTERM

                String response = readResponse(socket.getInputStream());
                assertThat(response).startsWith("HTTP/1.1 200 OK\r\n");
                assertThat(response.toLowerCase()).contains("content-length: " + BODY.length() + "\r\n");
                assertThat(response.toLowerCase()).contains("connection: close\r\n");
                assertThat(response).endsWith("\r\n\r\n" + BODY);
            }
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).as("the JVM exits after the drain").isTrue();
        } finally {
            child.destroyForcibly();
        }
    }

    static String readLineStartingWith(BufferedReader reader, String prefix) throws IOException {
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            if (line.startsWith(prefix)) {
                return line;
            }
        }
        throw new IOException("the child ended before printing '" + prefix + "'");
    }

    /** Reads until the server closes the connection. */
    static String readResponse(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        in.transferTo(all);
        return all.toString(StandardCharsets.UTF_8);
    }
}
