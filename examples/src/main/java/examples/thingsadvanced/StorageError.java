package examples.thingsadvanced;

import falcon.HTTPInternalServerError;
import falcon.Request;
import falcon.Response;
import falcon.routing.RouteParams;

/** A failure of the {@link StorageEngine}. Falcon: {@code StorageError}. */
public class StorageError extends Exception {

    private static final long serialVersionUID = 1L;

    /** Creates the error with a message for the log. */
    public StorageError(String message) {
        super(message);
    }

    /**
     * The error handler registered with {@code app.addErrorHandler(StorageError.class,
     * StorageError::handle)}: answers 500 with Falcon's error body.
     *
     * @throws HTTPInternalServerError always
     */
    public static void handle(Request req, Response resp, StorageError ex, RouteParams params) {
        // TODO: Log the error, clean up, etc. before raising
        throw new HTTPInternalServerError();
    }
}
