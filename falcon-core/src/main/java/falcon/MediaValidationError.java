package falcon;

/**
 * 400: the request media was parsed but failed validation, e.g. against a JSON Schema.
 *
 * <p>Falcon: {@code falcon.MediaValidationError} (whose arguments are keyword-only).
 */
public class MediaValidationError extends HTTPBadRequest {

    private static final long serialVersionUID = 1L;

    /** Creates the error with the title {@code 400 Bad Request} and no description. */
    public MediaValidationError() {
        super();
    }

    /**
     * Creates the error.
     *
     * @param title a short title, or {@code null} for the status line
     * @param description what failed, or {@code null}
     */
    public MediaValidationError(String title, String description) {
        super(title, description);
    }
}
