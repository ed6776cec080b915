package falcon;

/**
 * 409 Conflict: the request conflicts with the resource's current state.
 *
 * <p>For example, an edit based on an outdated version of the resource.
 *
 * <p>Falcon: {@code falcon.HTTPConflict}.
 */
public class HTTPConflict extends HTTPError {

    private static final long serialVersionUID = 1L;

    /** Creates the error with the status line as its title and no description. */
    public HTTPConflict() {
        super(Status.HTTP_409);
    }

    /**
     * Creates the error with a title and a description.
     *
     * @param title a short human-friendly title; {@code null} means the status line
     * @param description a human-friendly explanation, or {@code null} for none
     */
    public HTTPConflict(String title, String description) {
        super(Status.HTTP_409, title, description);
    }
}
