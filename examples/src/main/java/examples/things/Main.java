package examples.things;

import falcon.App;
import falcon.server.Server;

/**
 * Serves the quickstart app on port 8000 until the process is stopped.
 *
 * <p>Falcon: the {@code __main__} block and module-level {@code app} of {@code examples/things.py}.
 */
public final class Main {

    private Main() {
    }

    /**
     * Creates the app: one {@link ThingsResource} at {@code /things}.
     *
     * <p>In larger applications the app is created in a separate class.
     */
    public static App createApp() {
        App app = new App();

        // Resources are represented by long-lived class instances
        ThingsResource things = new ThingsResource();

        // things will handle all requests to the '/things' URL path
        app.addRoute("/things", things);
        return app;
    }

    /** Serves {@link #createApp()} on port 8000 (or {@code $PORT}) until the process is killed. */
    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "8000"));
        Server server = Server.serve(createApp(), port);
        System.out.println("Serving on port " + port + "...");

        // Serve until process is killed
        server.awaitTermination();
    }
}
