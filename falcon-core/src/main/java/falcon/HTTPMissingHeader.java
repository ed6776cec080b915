package falcon;

/**
 * 400 Bad Request because a required request header is missing.
 *
 * <p>The title is {@code "Missing header value"} and the description
 * {@code The "X-Auth" header is required.}.
 *
 * <p>Falcon: {@code falcon.HTTPMissingHeader}.
 */
public class HTTPMissingHeader extends HTTPBadRequest {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the error for header {@code headerName}.
     *
     * @param headerName the header's name, e.g. {@code "X-Auth"}
     */
    public HTTPMissingHeader(String headerName) {
        super("Missing header value", "The \"" + headerName + "\" header is required.");
    }
}
