package examples.ws;

import falcon.App;
import falcon.server.Server;

/** Serves the WebSocket example on port 8000 (or {@code $PORT}). */
public final class Main {

    private Main() {
    }

    /** Creates the app: {@code /{accountId}/messages} and {@code /events}. */
    public static App createApp(LoggingMiddleware middleware, EventFeed feed) {
        App app = App.builder().middleware(middleware).build();
        app.addRoute("/{accountId}/messages", new MessagesResource(feed));
        app.addRoute("/events", feed);
        return app;
    }

    /** Serves until the process is killed. */
    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "8000"));
        Server server = Server.serve(createApp(new LoggingMiddleware(), new EventFeed()), port);
        System.out.println("Serving on port " + port + "...");
        server.awaitTermination();
    }
}
