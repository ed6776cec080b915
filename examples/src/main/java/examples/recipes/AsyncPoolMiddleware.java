package examples.recipes;

import falcon.Middleware;
import falcon.Request;
import falcon.Response;
import java.sql.Connection;
import java.sql.SQLException;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * A connection pool that lives as long as the app: made at start-up, disposed of at shutdown
 * (the lifespan events), and lending each request a connection. Falcon: the FAQ's "How do I manage
 * my database connections with ASGI?" ({@code AsyncPoolMiddleware}). JDBC is blocking; in Java that
 * is fine here, since middleware and responders run on worker threads, never on the event loop.
 */
public class AsyncPoolMiddleware implements Middleware {

    private final String url;
    private volatile JdbcConnectionPool pool;

    /** Creates the middleware for the database at {@code url}; nothing connects until start-up. */
    public AsyncPoolMiddleware(String url) {
        this.url = url;
    }

    /** The pool, or {@code null} outside the app's lifespan. */
    public JdbcConnectionPool getPool() {
        return pool;
    }

    @Override
    public void processStartup() throws SQLException {
        JdbcConnectionPool created = JdbcConnectionPool.create(url, "sa", "");
        // The recipe's pool.wait(): the first connection proves the database is there.
        created.getConnection().close();
        pool = created;
    }

    @Override
    public void processShutdown() {
        if (pool != null) {
            pool.dispose();
        }
    }

    @Override
    public void processRequest(Request req, Response resp) throws SQLException {
        req.getContext().put("pool", pool);

        try {
            req.getContext().put("conn", pool.getConnection());
        } catch (SQLException | RuntimeException ex) {
            req.getContext().put("conn", null);
            throw ex;
        }
    }

    @Override
    public void processResponse(Request req, Response resp, Object resource, boolean reqSucceeded) throws SQLException {
        Connection conn = (Connection) req.getContext().get("conn");
        if (conn != null) {
            conn.close();   // back to the pool
        }
    }
}
