package falcon;

/**
 * 507 Insufficient Storage: the server cannot store what the request needs (WebDAV).
 *
 * <p>Falcon: {@code falcon.HTTPInsufficientStorage}.
 */
public class HTTPInsufficientStorage extends HTTPError {

    private static final long serialVersionUID = 1L;

    /** Creates the error with the status line as its title and no description. */
    public HTTPInsufficientStorage() {
        super(Status.HTTP_507);
    }

    /**
     * Creates the error with a title and a description.
     *
     * @param title a short human-friendly title; {@code null} means the status line
     * @param description a human-friendly explanation, or {@code null} for none
     */
    public HTTPInsufficientStorage(String title, String description) {
        super(Status.HTTP_507, title, description);
    }
}
