package examples.ops;

import examples.things.ThingsResource;
import falcon.AccessLog;
import falcon.App;
import falcon.HealthResource;
import falcon.gateway.Handler;
import falcon.server.Server;
import java.time.Duration;
import java.util.Map;

/**
 * Serves the quickstart's {@code /things} with what an operator expects: {@code /health/live} and
 * {@code /health/ready} ({@link HealthResource}), one access-log line per request with its {@code
 * X-Request-ID} ({@link AccessLog}), gzip for clients that accept it, and, on {@code SIGTERM},
 * readiness 503 for the drain delay before the server stops accepting and lets in-flight requests
 * finish.
 *
 * <p>Settings from the environment: {@code PORT} (8000), {@code HOST} ({@code 0.0.0.0}), {@code
 * DRAIN_MS} (5000), {@code GRACE_MS} (10000), {@code ACCESS_LOG} ({@code combined}, {@code common},
 * {@code json} or {@code off}).
 */
public final class Main {

    private Main() {
    }

    /** Sends the requests a serving instance sees: things (gzip or not), health probes. */
    private static void train(int port) throws Exception {
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        String base = "http://127.0.0.1:" + port;
        String[] paths = {"/things", "/health/live", "/health/ready"};
        for (int i = 0; i < 300; i++) {
            java.net.http.HttpRequest.Builder req = java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(base + paths[i % paths.length]));
            if (i % 2 == 0) {
                req.header("Accept-Encoding", "gzip");
            }
            client.send(req.build(), java.net.http.HttpResponse.BodyHandlers.discarding());
        }
    }

    /**
     * Creates the app: the quickstart's resource and the health routes.
     *
     * @return the app
     */
    public static App createApp() {
        App app = new App();
        app.addRoute("/things", new ThingsResource());
        HealthResource health = new HealthResource(app);
        app.addRoute("/health/live", health);
        app.addRoute("/health/ready", health, "ready");
        return app;
    }

    /**
     * Serves {@link #createApp()} until the process is stopped; with {@code --train}, serves a
     * few hundred requests to itself and exits: the training run of a JDK 25 AOT cache
     * ({@code -XX:AOTCacheOutput}, see docs/deployment.md and the Dockerfile).
     *
     * @param args {@code --train} for a training run; else none
     * @throws Exception when the server cannot start
     */
    public static void main(String[] args) throws Exception {
        Map<String, String> env = System.getenv();
        int port = Integer.parseInt(env.getOrDefault("PORT", "8000"));
        String host = env.getOrDefault("HOST", "0.0.0.0");
        Duration drain = Duration.ofMillis(Long.parseLong(env.getOrDefault("DRAIN_MS", "5000")));
        Duration grace = Duration.ofMillis(Long.parseLong(env.getOrDefault("GRACE_MS", "10000")));
        String format = env.getOrDefault("ACCESS_LOG", "combined");

        Handler handler = createApp();
        if (!format.equals("off")) {
            handler = AccessLog.builder().format(AccessLog.Format.valueOf(format.toUpperCase(java.util.Locale.ROOT)))
                    .sink(System.out::println).build().wrap(handler);
        }
        boolean train = args.length > 0 && args[0].equals("--train");
        if (train) {
            host = "127.0.0.1";
            port = 0;
        }
        Server server = Server.builder(handler).host(host).port(port)
                .compression(true)
                .drainDelay(drain)
                .shutdownGrace(grace)
                .build().start();
        if (train) {
            train(server.port());
            server.close();
            return;
        }
        System.out.println("Serving on " + host + ":" + server.port() + "...");
        server.awaitTermination();
    }
}
