package falcon;

/**
 * 400 Bad Request: the request is malformed or otherwise cannot be processed.
 *
 * <p>Use it when no more specific 4xx fits, e.g. a body that fails validation.
 *
 * <p>Falcon: {@code falcon.HTTPBadRequest}.
 */
public class HTTPBadRequest extends HTTPError {

    private static final long serialVersionUID = 1L;

    /** Creates the error with the status line as its title and no description. */
    public HTTPBadRequest() {
        super(Status.HTTP_400);
    }

    /**
     * Creates the error with a title and a description.
     *
     * @param title a short human-friendly title; {@code null} means the status line
     * @param description a human-friendly explanation, or {@code null} for none
     */
    public HTTPBadRequest(String title, String description) {
        super(Status.HTTP_400, title, description);
    }
}
