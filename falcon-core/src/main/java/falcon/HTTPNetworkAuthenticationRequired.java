package falcon;

/**
 * 511 Network Authentication Required: the client must authenticate to gain network access.
 *
 * <p>Meant for intercepting proxies such as captive portals (RFC 6585).
 *
 * <p>Falcon: {@code falcon.HTTPNetworkAuthenticationRequired}.
 */
public class HTTPNetworkAuthenticationRequired extends HTTPError {

    private static final long serialVersionUID = 1L;

    /** Creates the error with the status line as its title and no description. */
    public HTTPNetworkAuthenticationRequired() {
        super(Status.HTTP_511);
    }

    /**
     * Creates the error with a title and a description.
     *
     * @param title a short human-friendly title; {@code null} means the status line
     * @param description a human-friendly explanation, or {@code null} for none
     */
    public HTTPNetworkAuthenticationRequired(String title, String description) {
        super(Status.HTTP_511, title, description);
    }
}
