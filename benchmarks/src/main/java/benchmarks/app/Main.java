package benchmarks.app;

import falcon.server.Server;

/** Serves {@link BenchApp} on the embedded server, on {@code $PORT} (default 8080). */
public final class Main {

    private Main() {
    }

    /** Starts the server and blocks until the process is stopped. */
    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "8080"));
        Server server = Server.serve(BenchApp.create(), port);
        server.awaitTermination();
    }
}
