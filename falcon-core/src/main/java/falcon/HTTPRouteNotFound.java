package falcon;

/**
 * 404 Not Found raised by the router when no route matches the request path.
 *
 * <p>Register an error handler for this class to customise the "no route" answer only, and
 * leave {@link HTTPNotFound} raised by responders alone.
 *
 * <p>Falcon: {@code falcon.HTTPRouteNotFound}.
 */
public class HTTPRouteNotFound extends HTTPNotFound {

    private static final long serialVersionUID = 1L;

    /** Creates the error with the status line as its title and no description. */
    public HTTPRouteNotFound() {
        super();
    }

    /**
     * Creates the error with a title and a description.
     *
     * @param title a short human-friendly title; {@code null} means the status line
     * @param description a human-friendly explanation, or {@code null} for none
     */
    public HTTPRouteNotFound(String title, String description) {
        super(title, description);
    }
}
