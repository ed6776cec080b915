package examples.thingsadvanced;

import falcon.App;
import falcon.server.Server;

/**
 * Builds and serves the things_advanced app. Falcon: the module-level {@code app} and the
 * {@code __main__} block of {@code examples/things_advanced.py}.
 */
public final class Main {

    private Main() {
    }

    /** Creates the app on a fresh {@link StorageEngine} and the stub search client. */
    public static App createApp() {
        return createApp(new StorageEngine(), SearchClient.STUB);
    }

    /** Creates the app on {@code db}, proxying searches through {@code searchClient}. */
    public static App createApp(StorageEngine db, SearchClient searchClient) {
        App app = App.builder()
                .middleware(new AuthMiddleware(), new RequireJSON(), new JSONTranslator())
                .build();

        ThingsResource things = new ThingsResource(db);
        app.addRoute("/{userId}/things", things);

        // If a responder ever raises an instance of StorageError, pass control to
        // the given handler.
        app.addErrorHandler(StorageError.class, StorageError::handle);

        // Proxy some things to another service; this example shows how you might
        // send parts of an API off to a legacy system that hasn't been upgraded
        // yet, or perhaps is a single cluster that all data centers have to share.
        SinkAdapter sink = new SinkAdapter(searchClient);
        app.addSink(sink, "/search/(?<engine>ddg|y)\\Z");
        return app;
    }

    /**
     * Serves the app on 127.0.0.1:8000 (or {@code $PORT}) until the process is stopped; Ctrl-C
     * lets in-flight requests finish.
     */
    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "8000"));
        Server server = Server.builder(createApp())
                .host("127.0.0.1")
                .port(port)
                .shutdownHook(true)
                .build()
                .start();
        System.out.println("Serving on http://127.0.0.1:" + port + "...");
        server.awaitTermination();
    }
}
