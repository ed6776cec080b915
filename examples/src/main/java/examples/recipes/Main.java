package examples.recipes;

import falcon.App;
import falcon.gateway.Handler;
import falcon.server.Server;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * All the recipes in one app, for trying them with curl: {@code /test} (header names), {@code
 * /report} and {@code /fibonacci} (CSV), {@code /quote} (indented JSON), {@code /cache/{url}} (raw
 * path), {@code /notes} (a connection per request), {@code /upload} (a streamed part), {@code
 * /forms} (a nested multipart form), {@code /greeting} (a request ID in the log).
 */
public final class Main {

    private Main() {
    }

    /** An in-memory H2 database with the notes table, pooled. */
    public static JdbcConnectionPool createDatabase(String name) {
        JdbcConnectionPool pool = JdbcConnectionPool.create("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", "sa", "");
        try (var connection = pool.getConnection(); var statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS notes (id IDENTITY PRIMARY KEY, text VARCHAR(1000) NOT NULL)");
        } catch (SQLException ex) {
            throw new IllegalStateException("cannot create the notes table", ex);
        }
        return pool;
    }

    /** Creates the recipes' app on a database and a blob store. */
    public static App createApp(DataSource database, UploadResource.BlobStore store) {
        App app = App.builder()
                .middleware(new RawPathComponent(), new NegotiationMiddleware(), new DatabaseSessionMiddleware(database),
                        new RequestIDMiddleware())
                .build();
        app.getRespOptions().mediaHandlers.put("application/json", new CustomJSONHandler());
        Forms.installNestedFormParser(app);
        app.addRoute("/test", new FunkyResource());
        app.addRoute("/report", new Report());
        app.addRoute("/fibonacci", new FibonacciReport());
        app.addRoute("/quote", new QuoteResource());
        app.addRoute("/cache/{url}", new URLResource());
        app.addRoute("/cache/{url}/status", new URLResource(), "status");
        app.addRoute("/notes", new NotesResource());
        app.addRoute("/upload", new UploadResource(store));
        app.addRoute("/forms", new Forms());
        app.addRoute("/greeting", new GreetingResource());
        return app;
    }

    /** Serves the recipes on 127.0.0.1:8000 (or {@code $PORT}), storing uploads under {@code ./uploads}. */
    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "8000"));
        App app = createApp(createDatabase("recipes"), UploadResource.directory(Path.of("uploads")));
        Handler handler = new CustomHeadersMiddleware(app, true, Map.of("x-funky-header", "X-FuNkY-HeADeR"));
        Server server = Server.builder(handler).host("127.0.0.1").port(port).shutdownHook(true).build().start();
        System.out.println("Serving on http://127.0.0.1:" + port + "...");
        server.awaitTermination();
    }
}
