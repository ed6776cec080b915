package falcon;

/**
 * 500 Internal Server Error: an unexpected condition prevented the server from answering.
 *
 * <p>The App answers unhandled exceptions with this status, without any trace in the body.
 *
 * <p>Falcon: {@code falcon.HTTPInternalServerError}.
 */
public class HTTPInternalServerError extends HTTPError {

    private static final long serialVersionUID = 1L;

    /** Creates the error with the status line as its title and no description. */
    public HTTPInternalServerError() {
        super(Status.HTTP_500);
    }

    /**
     * Creates the error with a title and a description.
     *
     * @param title a short human-friendly title; {@code null} means the status line
     * @param description a human-friendly explanation, or {@code null} for none
     */
    public HTTPInternalServerError(String title, String description) {
        super(Status.HTTP_500, title, description);
    }
}
