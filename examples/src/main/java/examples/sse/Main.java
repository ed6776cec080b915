package examples.sse;

import falcon.App;
import falcon.server.Server;

/** Serves the SSE example on port 8000 (or {@code $PORT}). */
public final class Main {

    private Main() {
    }

    /** Creates the app: {@code /events}. */
    public static App createApp(EventsResource events) {
        App app = new App();
        app.addRoute("/events", events);
        return app;
    }

    /** Serves until the process is killed; publishes a tick every second. */
    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "8000"));
        EventsResource events = new EventsResource(15_000);
        Server server = Server.serve(createApp(events), port);
        System.out.println("Serving on port " + port + "...");
        for (int i = 0; server.isRunning(); i++) {
            events.publish("tick " + i);
            Thread.sleep(1000);
        }
    }
}
