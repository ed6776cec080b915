package falcon;

/**
 * 414 URI Too Long: the request target is longer than the server will read.
 *
 * <p>Falcon: {@code falcon.HTTPUriTooLong}.
 */
public class HTTPUriTooLong extends HTTPError {

    private static final long serialVersionUID = 1L;

    /** Creates the error with the status line as its title and no description. */
    public HTTPUriTooLong() {
        super(Status.HTTP_414);
    }

    /**
     * Creates the error with a title and a description.
     *
     * @param title a short human-friendly title; {@code null} means the status line
     * @param description a human-friendly explanation, or {@code null} for none
     */
    public HTTPUriTooLong(String title, String description) {
        super(Status.HTTP_414, title, description);
    }
}
