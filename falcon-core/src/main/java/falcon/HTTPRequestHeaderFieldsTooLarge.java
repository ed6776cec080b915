package falcon;

/**
 * 431 Request Header Fields Too Large: one header, or all headers together, are too large.
 *
 * <p>RFC 6585.
 *
 * <p>Falcon: {@code falcon.HTTPRequestHeaderFieldsTooLarge}.
 */
public class HTTPRequestHeaderFieldsTooLarge extends HTTPError {

    private static final long serialVersionUID = 1L;

    /** Creates the error with the status line as its title and no description. */
    public HTTPRequestHeaderFieldsTooLarge() {
        super(Status.HTTP_431);
    }

    /**
     * Creates the error with a title and a description.
     *
     * @param title a short human-friendly title; {@code null} means the status line
     * @param description a human-friendly explanation, or {@code null} for none
     */
    public HTTPRequestHeaderFieldsTooLarge(String title, String description) {
        super(Status.HTTP_431, title, description);
    }
}
