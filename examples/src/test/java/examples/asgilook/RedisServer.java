package examples.asgilook;

import falcon.testing.Testing;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code redis-server} for the integration tests, on a free loopback port, persisting
 * nothing, stopped by {@link #close()}. It is Debian's {@code redis-server} package from PATH;
 * {@link #isInstalled()} lets tests skip, naming the package, where it is missing.
 */
final class RedisServer implements AutoCloseable {

    static final String MISSING = "redis-server is not on PATH: install Debian's redis-server package "
            + "(apt-get install -y redis-server; .ci/run does) to run the asgilook tests against a real Redis";

    private final Process process;
    private final int port;
    private final Path log;

    private RedisServer(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    static boolean isInstalled() {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, "redis-server"))) {
                return true;
            }
        }
        return false;
    }

    /** Starts a server and waits until it answers PING (10 s at most). */
    static RedisServer start() throws IOException, InterruptedException {
        IOException lastFailure = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            // The port may be taken between getUnusedPort and the bind: then try another.
            int port = Testing.getUnusedPort();
            Path log = Files.createTempFile("asgilook-redis", ".log");
            Process process = new ProcessBuilder(List.of("redis-server", "--port", Integer.toString(port),
                    "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--daemonize", "no"))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            RedisServer server = new RedisServer(process, port, log);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < deadline && process.isAlive()) {
                try {
                    if (server.ping()) {
                        return server;
                    }
                } catch (IOException notYet) {
                    lastFailure = notYet;
                }
                Thread.sleep(50);
            }
            server.close();
        }
        throw new IOException("redis-server did not start", lastFailure);
    }

    private boolean ping() throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(1000);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] answer = in.readNBytes(7);
            return new String(answer, StandardCharsets.US_ASCII).equals("+PONG\r\n");
        }
    }

    /** The server's URL, for {@code Config.redisHost}. */
    String url() {
        return "redis://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException ex) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try {
            Files.deleteIfExists(log);
        } catch (IOException ignored) {
            // a temporary file: the OS cleans it up
        }
    }
}
