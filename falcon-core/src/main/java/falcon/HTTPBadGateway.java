package falcon;

/**
 * 502 Bad Gateway: an upstream server sent an invalid response.
 *
 * <p>Falcon: {@code falcon.HTTPBadGateway}.
 */
public class HTTPBadGateway extends HTTPError {

    private static final long serialVersionUID = 1L;

    /** Creates the error with the status line as its title and no description. */
    public HTTPBadGateway() {
        super(Status.HTTP_502);
    }

    /**
     * Creates the error with a title and a description.
     *
     * @param title a short human-friendly title; {@code null} means the status line
     * @param description a human-friendly explanation, or {@code null} for none
     */
    public HTTPBadGateway(String title, String description) {
        super(Status.HTTP_502, title, description);
    }
}
