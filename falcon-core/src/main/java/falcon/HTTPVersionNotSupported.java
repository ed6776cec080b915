package falcon;

/**
 * 505 HTTP Version Not Supported: the request's HTTP version is not supported.
 *
 * <p>Falcon: {@code falcon.HTTPVersionNotSupported}.
 */
public class HTTPVersionNotSupported extends HTTPError {

    private static final long serialVersionUID = 1L;

    /** Creates the error with the status line as its title and no description. */
    public HTTPVersionNotSupported() {
        super(Status.HTTP_505);
    }

    /**
     * Creates the error with a title and a description.
     *
     * @param title a short human-friendly title; {@code null} means the status line
     * @param description a human-friendly explanation, or {@code null} for none
     */
    public HTTPVersionNotSupported(String title, String description) {
        super(Status.HTTP_505, title, description);
    }
}
