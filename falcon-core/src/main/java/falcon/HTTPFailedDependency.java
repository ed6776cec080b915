package falcon;

/**
 * 424 Failed Dependency: the request depended on another request that failed (WebDAV).
 *
 * <p>Falcon: {@code falcon.HTTPFailedDependency}.
 */
public class HTTPFailedDependency extends HTTPError {

    private static final long serialVersionUID = 1L;

    /** Creates the error with the status line as its title and no description. */
    public HTTPFailedDependency() {
        super(Status.HTTP_424);
    }

    /**
     * Creates the error with a title and a description.
     *
     * @param title a short human-friendly title; {@code null} means the status line
     * @param description a human-friendly explanation, or {@code null} for none
     */
    public HTTPFailedDependency(String title, String description) {
        super(Status.HTTP_424, title, description);
    }
}
