package examples.recipes;

import falcon.Request;
import falcon.Response;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Numbers read on the request's connection, or on one of the pool's. Falcon: {@code Numbers} of the FAQ. */
public class Numbers {

    // "value" is quoted: a reserved word in H2 2 (the recipe's PostgreSQL takes it bare).
    private static List<Object> values(Connection conn) throws SQLException {
        List<Object> values = new ArrayList<>();
        try (Statement cur = conn.createStatement(); ResultSet rows = cur.executeQuery("SELECT \"value\" FROM numbers")) {
            while (rows.next()) {
                values.add(rows.getInt(1));
            }
        }
        return values;
    }

    /** Uses the connection the middleware lent the request. */
    public void onGet(Request req, Response resp) throws SQLException {
        resp.setMedia(values((Connection) req.getContext().get("conn")));
    }

    /** Takes a connection from the pool itself. */
    public void onGetWithPool(Request req, Response resp) throws SQLException {
        try (Connection conn = ((DataSource) req.getContext().get("pool")).getConnection()) {
            resp.setMedia(values(conn));
        }
    }
}
