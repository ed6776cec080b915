package falcon;

/**
 * 508 Loop Detected: the server found an infinite loop while processing (WebDAV).
 *
 * <p>Falcon: {@code falcon.HTTPLoopDetected}.
 */
public class HTTPLoopDetected extends HTTPError {

    private static final long serialVersionUID = 1L;

    /** Creates the error with the status line as its title and no description. */
    public HTTPLoopDetected() {
        super(Status.HTTP_508);
    }

    /**
     * Creates the error with a title and a description.
     *
     * @param title a short human-friendly title; {@code null} means the status line
     * @param description a human-friendly explanation, or {@code null} for none
     */
    public HTTPLoopDetected(String title, String description) {
        super(Status.HTTP_508, title, description);
    }
}
