package falcon;

/**
 * 504 Gateway Timeout: an upstream server did not answer in time.
 *
 * <p>Falcon: {@code falcon.HTTPGatewayTimeout}.
 */
public class HTTPGatewayTimeout extends HTTPError {

    private static final long serialVersionUID = 1L;

    /** Creates the error with the status line as its title and no description. */
    public HTTPGatewayTimeout() {
        super(Status.HTTP_504);
    }

    /**
     * Creates the error with a title and a description.
     *
     * @param title a short human-friendly title; {@code null} means the status line
     * @param description a human-friendly explanation, or {@code null} for none
     */
    public HTTPGatewayTimeout(String title, String description) {
        super(Status.HTTP_504, title, description);
    }
}
