package examples.look;

import falcon.App;
import falcon.server.Server;
import java.nio.file.Path;

/** Builds and serves look. Falcon: the tutorial's {@code look/app.py}. */
public final class Main {

    private Main() {
    }

    /** Creates the app on {@code imageStore}. Falcon: {@code create_app(image_store)}. */
    public static App createApp(ImageStore imageStore) {
        App app = new App();
        app.addRoute("/images", new Collection(imageStore));
        app.addRoute("/images/{name}", new Item(imageStore));
        return app;
    }

    /**
     * Creates the app on a store under {@code $LOOK_STORAGE_PATH} (default: the working
     * directory). Falcon: {@code get_app()}.
     */
    public static App getApp() {
        String storagePath = System.getenv().getOrDefault("LOOK_STORAGE_PATH", ".");
        ImageStore imageStore = new ImageStore(Path.of(storagePath));
        return createApp(imageStore);
    }

    /** Serves the app on 127.0.0.1:8000 (or {@code $PORT}), as {@code gunicorn 'look.app:get_app()'}. */
    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "8000"));
        Server server = Server.builder(getApp())
                .host("127.0.0.1")
                .port(port)
                .shutdownHook(true)
                .build()
                .start();
        System.out.println("Serving on http://127.0.0.1:" + port + "...");
        server.awaitTermination();
    }
}
