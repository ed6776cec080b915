package falcon;

/**
 * 501 Not Implemented: the server does not support the functionality required.
 *
 * <p>Falcon: {@code falcon.HTTPNotImplemented}.
 */
public class HTTPNotImplemented extends HTTPError {

    private static final long serialVersionUID = 1L;

    /** Creates the error with the status line as its title and no description. */
    public HTTPNotImplemented() {
        super(Status.HTTP_501);
    }

    /**
     * Creates the error with a title and a description.
     *
     * @param title a short human-friendly title; {@code null} means the status line
     * @param description a human-friendly explanation, or {@code null} for none
     */
    public HTTPNotImplemented(String title, String description) {
        super(Status.HTTP_501, title, description);
    }
}
