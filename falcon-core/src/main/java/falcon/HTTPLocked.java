package falcon;

/**
 * 423 Locked: the resource is locked (WebDAV, RFC 4918).
 *
 * <p>Falcon: {@code falcon.HTTPLocked}.
 */
public class HTTPLocked extends HTTPError {

    private static final long serialVersionUID = 1L;

    /** Creates the error with the status line as its title and no description. */
    public HTTPLocked() {
        super(Status.HTTP_423);
    }

    /**
     * Creates the error with a title and a description.
     *
     * @param title a short human-friendly title; {@code null} means the status line
     * @param description a human-friendly explanation, or {@code null} for none
     */
    public HTTPLocked(String title, String description) {
        super(Status.HTTP_423, title, description);
    }
}
