package falcon;

/**
 * 428 Precondition Required: the server requires the request to be conditional.
 *
 * <p>Used against lost updates: the client should send {@code If-Match} (RFC 6585).
 *
 * <p>Falcon: {@code falcon.HTTPPreconditionRequired}.
 */
public class HTTPPreconditionRequired extends HTTPError {

    private static final long serialVersionUID = 1L;

    /** Creates the error with the status line as its title and no description. */
    public HTTPPreconditionRequired() {
        super(Status.HTTP_428);
    }

    /**
     * Creates the error with a title and a description.
     *
     * @param title a short human-friendly title; {@code null} means the status line
     * @param description a human-friendly explanation, or {@code null} for none
     */
    public HTTPPreconditionRequired(String title, String description) {
        super(Status.HTTP_428, title, description);
    }
}
