package examples.recipes;

import falcon.Middleware;
import falcon.Request;
import falcon.Response;
import falcon.routing.RouteParams;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Checks a database connection out of the pool for each routed request, in a transaction: the
 * responder finds it as {@code req.getContext().get("db")}; it is committed when the request
 * succeeded, rolled back when it failed, and returned to the pool either way. Falcon: the FAQ's
 * "How do I manage my database connections?", the middleware approach (as falcon-sqla does it).
 */
public class DatabaseSessionMiddleware implements Middleware {

    /** The name the connection has in the request's context. */
    public static final String CONTEXT_KEY = "db";

    private final DataSource dataSource;

    /** Checks connections out of {@code dataSource}, which should pool them. */
    public DatabaseSessionMiddleware(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void processResource(Request req, Response resp, Object resource, RouteParams params) throws SQLException {
        // Only a routed request gets one: a 404 costs no connection.
        Connection connection = dataSource.getConnection();
        connection.setAutoCommit(false);
        req.getContext().put(CONTEXT_KEY, connection);
    }

    @Override
    public void processResponse(Request req, Response resp, Object resource, boolean reqSucceeded) throws SQLException {
        Connection connection = (Connection) req.getContext().remove(CONTEXT_KEY);
        if (connection == null) {
            return;
        }
        try (connection) {
            if (reqSucceeded) {
                connection.commit();
            } else {
                connection.rollback();
            }
        }
    }
}
