package falcon;

/**
 * 406 Not Acceptable: no representation matches the request's {@code Accept} header.
 *
 * <p>Say in the description which media types are available.
 *
 * <p>Falcon: {@code falcon.HTTPNotAcceptable}.
 */
public class HTTPNotAcceptable extends HTTPError {

    private static final long serialVersionUID = 1L;

    /** Creates the error with the status line as its title and no description. */
    public HTTPNotAcceptable() {
        super(Status.HTTP_406);
    }

    /**
     * Creates the error with a title and a description.
     *
     * @param title a short human-friendly title; {@code null} means the status line
     * @param description a human-friendly explanation, or {@code null} for none
     */
    public HTTPNotAcceptable(String title, String description) {
        super(Status.HTTP_406, title, description);
    }
}
