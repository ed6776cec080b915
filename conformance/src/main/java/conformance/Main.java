package conformance;

import falcon.App;
import falcon.server.Server;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Serves the six apps on {@code 127.0.0.1}, ports {@code BASE_PORT+0 .. BASE_PORT+5}, in the
 * README's order, until killed.
 *
 * <p>Usage: {@code java -cp conformance.jar conformance.Main BASE_PORT [STATIC_DIR]}; the static
 * directory defaults to {@link ConformanceApps#defaultStaticDir()}.
 */
public final class Main {

    private Main() {
    }

    /** Starts the six servers and waits. */
    public static void main(String[] args) throws InterruptedException {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: conformance.Main BASE_PORT [STATIC_DIR]");
            System.exit(2);
        }
        int base = Integer.parseInt(args[0]);
        Path staticDir = args.length > 1 ? Path.of(args[1]).toAbsolutePath().normalize()
                : ConformanceApps.defaultStaticDir();
        List<App> apps = ConformanceApps.all(staticDir);
        List<Server> servers = new ArrayList<>();
        for (int i = 0; i < apps.size(); i++) {
            servers.add(Server.builder(apps.get(i)).host("127.0.0.1").port(base + i).build().start());
            System.err.println(ConformanceApps.NAMES.get(i) + " on http://127.0.0.1:" + (base + i));
        }
        System.err.println("static routes serve " + staticDir);
        for (Server server : servers) {
            server.awaitTermination();
        }
    }
}
