package falcon;

/**
 * 451 Unavailable For Legal Reasons: access is denied as a consequence of a legal demand.
 *
 * <p>RFC 7725.
 *
 * <p>Falcon: {@code falcon.HTTPUnavailableForLegalReasons}.
 */
public class HTTPUnavailableForLegalReasons extends HTTPError {

    private static final long serialVersionUID = 1L;

    /** Creates the error with the status line as its title and no description. */
    public HTTPUnavailableForLegalReasons() {
        super(Status.HTTP_451);
    }

    /**
     * Creates the error with a title and a description.
     *
     * @param title a short human-friendly title; {@code null} means the status line
     * @param description a human-friendly explanation, or {@code null} for none
     */
    public HTTPUnavailableForLegalReasons(String title, String description) {
        super(Status.HTTP_451, title, description);
    }
}
