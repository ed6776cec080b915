package falcon;

/**
 * 411 Length Required: the request needs a {@code Content-Length} header.
 *
 * <p>Falcon: {@code falcon.HTTPLengthRequired}.
 */
public class HTTPLengthRequired extends HTTPError {

    private static final long serialVersionUID = 1L;

    /** Creates the error with the status line as its title and no description. */
    public HTTPLengthRequired() {
        super(Status.HTTP_411);
    }

    /**
     * Creates the error with a title and a description.
     *
     * @param title a short human-friendly title; {@code null} means the status line
     * @param description a human-friendly explanation, or {@code null} for none
     */
    public HTTPLengthRequired(String title, String description) {
        super(Status.HTTP_411, title, description);
    }
}
