package falcon;

/**
 * 401 Unauthorized: the request lacks valid authentication credentials.
 *
 * <p>Despite its name the status means "unauthenticated"; the challenges, such as
 * {@code Basic realm="api"}, go into the {@code WWW-Authenticate} header, joined by
 * {@code ", "}. Use {@link HTTPForbidden} for a known client that may not do something.
 *
 * <p>Falcon: {@code falcon.HTTPUnauthorized}.
 */
public class HTTPUnauthorized extends HTTPError {

    private static final long serialVersionUID = 1L;

    /** Creates the error with the status line as its title and no description. */
    public HTTPUnauthorized() {
        super(Status.HTTP_401);
    }

    /**
     * Creates the error with a title and a description.
     *
     * @param title a short human-friendly title; {@code null} means the status line
     * @param description a human-friendly explanation, or {@code null} for none
     */
    public HTTPUnauthorized(String title, String description) {
        super(Status.HTTP_401, title, description);
    }

    /**
     * Creates the error with authentication challenges.
     *
     * @param challenges values for {@code WWW-Authenticate}, e.g. {@code Bearer}; {@code null}
     *     or empty sets no header
     */
    public HTTPUnauthorized(Iterable<String> challenges) {
        this(null, null, challenges);
    }

    /**
     * Creates the error with a title, a description and authentication challenges.
     *
     * <p>Falcon: the {@code challenges} keyword argument.
     *
     * @param title a short human-friendly title; {@code null} means the status line
     * @param description a human-friendly explanation, or {@code null} for none
     * @param challenges values for {@code WWW-Authenticate}; {@code null} or empty sets no
     *     header
     */
    public HTTPUnauthorized(String title, String description, Iterable<String> challenges) {
        super(Status.HTTP_401, title, description);
        if (challenges != null) {
            String value = String.join(", ", challenges);
            // Falcon: ``if challenges:``, so an empty list adds no header.
            if (challenges.iterator().hasNext()) {
                putHeader("WWW-Authenticate", value);
            }
        }
    }
}
