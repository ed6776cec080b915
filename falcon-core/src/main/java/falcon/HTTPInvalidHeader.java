package falcon;

/**
 * 400 Bad Request because a request header has an invalid value.
 *
 * <p>The title is {@code "Invalid header value"} and the description
 * {@code The value provided for the "X-Limit" header is invalid. <msg>}.
 *
 * <p>Falcon: {@code falcon.HTTPInvalidHeader}.
 */
public class HTTPInvalidHeader extends HTTPBadRequest {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the error for header {@code headerName}.
     *
     * @param msg what is wrong with the value, appended to the description
     * @param headerName the header's name, e.g. {@code "X-Limit"}
     */
    public HTTPInvalidHeader(String msg, String headerName) {
        super("Invalid header value",
                "The value provided for the \"" + headerName + "\" header is invalid. " + msg);
    }
}
