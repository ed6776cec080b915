package falcon;

/**
 * 404 Not Found: the target resource does not exist.
 *
 * <p>The router raises its subclass {@link HTTPRouteNotFound} when no route matches.
 *
 * <p>Falcon: {@code falcon.HTTPNotFound}.
 */
public class HTTPNotFound extends HTTPError {

    private static final long serialVersionUID = 1L;

    /** Creates the error with the status line as its title and no description. */
    public HTTPNotFound() {
        super(Status.HTTP_404);
    }

    /**
     * Creates the error with a title and a description.
     *
     * @param title a short human-friendly title; {@code null} means the status line
     * @param description a human-friendly explanation, or {@code null} for none
     */
    public HTTPNotFound(String title, String description) {
        super(Status.HTTP_404, title, description);
    }
}
