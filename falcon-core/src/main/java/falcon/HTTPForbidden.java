package falcon;

/**
 * 403 Forbidden: the client is known but not allowed to do this.
 *
 * <p>Unlike {@link HTTPUnauthorized}, authenticating again will not help.
 *
 * <p>Falcon: {@code falcon.HTTPForbidden}.
 */
public class HTTPForbidden extends HTTPError {

    private static final long serialVersionUID = 1L;

    /** Creates the error with the status line as its title and no description. */
    public HTTPForbidden() {
        super(Status.HTTP_403);
    }

    /**
     * Creates the error with a title and a description.
     *
     * @param title a short human-friendly title; {@code null} means the status line
     * @param description a human-friendly explanation, or {@code null} for none
     */
    public HTTPForbidden(String title, String description) {
        super(Status.HTTP_403, title, description);
    }
}
