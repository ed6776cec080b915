package examples.recipes;

import falcon.HTTPBadRequest;
import falcon.Request;
import falcon.Response;
import falcon.Status;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Notes in a table, on the request's connection from {@link DatabaseSessionMiddleware}. */
public class NotesResource {

    /** Lists the notes' texts, oldest first. */
    public void onGet(Request req, Response resp) throws SQLException {
        Connection db = (Connection) req.getContext().get(DatabaseSessionMiddleware.CONTEXT_KEY);
        List<String> notes = new ArrayList<>();
        try (PreparedStatement select = db.prepareStatement("SELECT text FROM notes ORDER BY id");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                notes.add(rows.getString(1));
            }
        }
        resp.setMedia(notes);
    }

    /**
     * Adds the note {@code {"text": ...}}; a text over 140 characters is refused after the insert,
     * and the middleware's rollback takes the row away again.
     */
    public void onPost(Request req, Response resp) throws SQLException {
        Connection db = (Connection) req.getContext().get(DatabaseSessionMiddleware.CONTEXT_KEY);
        String text = String.valueOf(((Map<?, ?>) req.getMedia()).get("text"));
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO notes (text) VALUES (?)")) {
            insert.setString(1, text);
            insert.executeUpdate();
        }
        if (text.length() > 140) {
            throw new HTTPBadRequest("Note too long", "A note has at most 140 characters.");
        }
        resp.setStatus(Status.HTTP_201);
    }
}
