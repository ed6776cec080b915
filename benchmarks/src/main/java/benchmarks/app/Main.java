package benchmarks.app;

import falcon.server.ExecutionMode;
import falcon.server.Server;

/** Serves {@link BenchApp} on the embedded server, on {@code $PORT} (default 8080). */
public final class Main {

    private Main() {
    }

    /** Starts the server and blocks until the process is stopped. */
    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "8080"));
        // None of the bench app's responders blocks, so they run on the event loop, as the Jooby
        // and Vert.x targets' handlers do (ExecutionMode's Javadoc says when that is safe).
        Server server = Server.builder(BenchApp.create()).port(port)
                .executionMode(ExecutionMode.EVENT_LOOP).build().start();
        server.awaitTermination();
    }
}
