package falcon;

/**
 * 412 Precondition Failed: a conditional header such as {@code If-Match} evaluated to false.
 *
 * <p>Falcon: {@code falcon.HTTPPreconditionFailed}.
 */
public class HTTPPreconditionFailed extends HTTPError {

    private static final long serialVersionUID = 1L;

    /** Creates the error with the status line as its title and no description. */
    public HTTPPreconditionFailed() {
        super(Status.HTTP_412);
    }

    /**
     * Creates the error with a title and a description.
     *
     * @param title a short human-friendly title; {@code null} means the status line
     * @param description a human-friendly explanation, or {@code null} for none
     */
    public HTTPPreconditionFailed(String title, String description) {
        super(Status.HTTP_412, title, description);
    }
}
