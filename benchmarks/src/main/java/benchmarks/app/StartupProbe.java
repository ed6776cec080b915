package benchmarks.app;

import falcon.App;
import falcon.server.ExecutionMode;
import falcon.server.Server;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Measures the time from {@code main} to the first response served: builds {@link BenchApp},
 * starts the server as {@link Main} does (on a free port), sends one {@code GET /plaintext} over a
 * plain socket, prints the phases and exits. {@code benchmarks/startup} runs it several times.
 *
 * <p>With {@code --train} it then sends a few thousand requests of every workload before exiting,
 * so that a JDK 25 {@code -XX:AOTCacheOutput} training run records the whole request path.
 */
public final class StartupProbe {

    private static final String[] TRAINING = {
        "GET /plaintext HTTP/1.1\r\nHost: probe\r\n\r\n",
        "GET /json HTTP/1.1\r\nHost: probe\r\n\r\n",
        "GET /users/42/items/abc123?q=test HTTP/1.1\r\nHost: probe\r\n\r\n",
        "GET /mw HTTP/1.1\r\nHost: probe\r\n\r\n",
        "POST /echo HTTP/1.1\r\nHost: probe\r\nContent-Type: application/json\r\nContent-Length: 15\r\n\r\n"
                + "{\"hello\":\"you\"}",
        "GET /users/nope/items/x HTTP/1.1\r\nHost: probe\r\n\r\n",
    };

    private StartupProbe() {
    }

    /** Prints {@code main -> first response: N ms (...)}; {@code --train} exercises every route. */
    public static void main(String[] args) throws Exception {
        long t0 = System.nanoTime();
        App app = BenchApp.create();
        long t1 = System.nanoTime();
        Server server = Server.builder(app).host("127.0.0.1").port(0).shutdownHook(false)
                .executionMode(ExecutionMode.EVENT_LOOP).build().start();
        long t2 = System.nanoTime();
        String status;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", server.port()));
            status = exchange(socket, TRAINING[0]);
        }
        long t3 = System.nanoTime();
        long wall = System.currentTimeMillis();
        // read after the measurement: the management classes are not free to load
        long sinceJvmStart = wall - java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
        System.out.printf("main -> first response: %d ms (app %d ms, server start %d ms, first request %d ms;"
                + " JVM start -> first response %d ms) %s%n",
                ms(t3 - t0), ms(t1 - t0), ms(t2 - t1), ms(t3 - t2), sinceJvmStart, status);
        if (args.length > 0 && "--train".equals(args[0])) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", server.port()));
                for (int i = 0; i < 3000; i++) {
                    exchange(socket, TRAINING[i % TRAINING.length]);
                }
            }
            server.close();
        }
        System.exit(0);
    }

    /** Sends one request and reads its whole response (Content-Length framed); returns the status line. */
    private static String exchange(Socket socket, String request) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(request.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        InputStream in = socket.getInputStream();
        StringBuilder head = new StringBuilder();
        while (!endsWithBlankLine(head)) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed after: " + head);
            }
            head.append((char) b);
        }
        String text = head.toString();
        int at = text.toLowerCase(java.util.Locale.ROOT).indexOf("content-length:");
        int length = 0;
        if (at >= 0) {
            int end = text.indexOf("\r\n", at);
            length = Integer.parseInt(text.substring(at + "content-length:".length(), end).trim());
        }
        in.readNBytes(length);
        return text.substring(0, text.indexOf("\r\n"));
    }

    private static boolean endsWithBlankLine(StringBuilder head) {
        int n = head.length();
        return n >= 4 && head.charAt(n - 1) == '\n' && head.charAt(n - 2) == '\r' && head.charAt(n - 3) == '\n'
                && head.charAt(n - 4) == '\r';
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }
}
