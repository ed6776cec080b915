package examples.asgilook;

import falcon.App;
import falcon.server.Server;

/** Builds and serves asgilook. Falcon: the tutorial's {@code app.py} ({@code create_app}) and {@code asgi.py}. */
public final class Main {

    private Main() {
    }

    /** Creates the app from the environment's configuration. */
    public static App createApp() {
        return createApp(new Config());
    }

    /** Creates the app on {@code config}. Falcon: {@code create_app(config)}. */
    public static App createApp(Config config) {
        RedisCache cache = new RedisCache(config);
        Store store = new Store(config);
        Images images = new Images(config, store);
        Thumbnails thumbnails = new Thumbnails(store);

        App app = App.builder().middleware(cache).build();
        app.addRoute("/images", images);
        app.addRoute("/images/{imageId:uuid}.jpeg", images, "image");
        app.addRoute("/thumbnails/{imageId:uuid}/{width:int}x{height:int}.jpeg", thumbnails);

        return app;
    }

    /**
     * Serves the app on 127.0.0.1:8000 (or {@code $PORT}), as {@code uvicorn asgilook.asgi:app};
     * exits with a message when Redis does not answer.
     */
    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "8000"));
        Server server;
        try {
            server = Server.builder(createApp())
                    .host("127.0.0.1")
                    .port(port)
                    .shutdownHook(true)
                    .build()
                    .start();
        } catch (IllegalStateException ex) {
            System.err.println(ex.getCause() != null ? ex.getCause().getMessage() : ex.getMessage());
            System.exit(1);
            return;
        }
        System.out.println("Serving on http://127.0.0.1:" + port + "...");
        server.awaitTermination();
    }
}
