package ${package};

import falcon.App;
import falcon.server.Server;

/** Builds the app and serves it on the embedded server. */
public final class Main {

    private Main() {
    }

    /**
     * Builds the app: the routes and their resources.
     *
     * @return the app, ready to serve or to test
     */
    public static App createApp() {
        App app = new App();
        app.addRoute("/things/{thingId:int}", new ThingsResource());
        return app;
    }

    /**
     * Serves the app on port 8000 (or {@code $PORT}) until the process is stopped.
     *
     * @param args not used
     * @throws InterruptedException if interrupted while serving
     */
    public static void main(String[] args) throws InterruptedException {
        int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "8000"));
        Server server = Server.serve(createApp(), port);
        System.out.println("Serving on http://localhost:" + port + " (Ctrl-C stops)");
        server.awaitTermination();
    }
}
