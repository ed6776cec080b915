package benchmarks.app;

import falcon.server.ExecutionMode;
import falcon.server.Server;
import java.util.Locale;

/**
 * Serves {@link BenchApp} on the embedded server, on {@code $PORT} (default 8080), in the
 * execution mode {@code $FALCON_EXECUTION_MODE} names ({@code WORKER} or {@code EVENT_LOOP};
 * unset: the server's default), so that both modes can be measured by the same kit.
 */
public final class Main {

    private Main() {
    }

    /** Starts the server and blocks until the process is stopped. */
    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "8080"));
        Server.Builder builder = Server.builder(BenchApp.create()).port(port);
        String mode = System.getenv("FALCON_EXECUTION_MODE");
        if (mode != null && !mode.isBlank()) {
            // None of the bench app's responders blocks, so EVENT_LOOP is safe for it, as the
            // Jooby and Vert.x targets' handlers run on their event loops.
            builder.executionMode(ExecutionMode.valueOf(mode.trim().toUpperCase(Locale.ROOT)));
        }
        Server server = builder.build().start();
        server.awaitTermination();
    }
}
