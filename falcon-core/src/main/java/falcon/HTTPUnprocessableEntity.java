package falcon;

/**
 * 422 Unprocessable Entity: the body is well-formed but semantically wrong.
 *
 * <p>Falcon: {@code falcon.HTTPUnprocessableEntity}.
 */
public class HTTPUnprocessableEntity extends HTTPError {

    private static final long serialVersionUID = 1L;

    /** Creates the error with the status line as its title and no description. */
    public HTTPUnprocessableEntity() {
        super(Status.HTTP_422);
    }

    /**
     * Creates the error with a title and a description.
     *
     * @param title a short human-friendly title; {@code null} means the status line
     * @param description a human-friendly explanation, or {@code null} for none
     */
    public HTTPUnprocessableEntity(String title, String description) {
        super(Status.HTTP_422, title, description);
    }
}
