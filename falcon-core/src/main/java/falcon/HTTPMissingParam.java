package falcon;

/**
 * 400 Bad Request because a required parameter, such as a query parameter, is missing.
 *
 * <p>The title is {@code "Missing parameter"} and the description
 * {@code The "id" parameter is required.}.
 *
 * <p>Falcon: {@code falcon.HTTPMissingParam}.
 */
public class HTTPMissingParam extends HTTPBadRequest {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the error for parameter {@code paramName}.
     *
     * @param paramName the parameter's name, e.g. {@code "id"}
     */
    public HTTPMissingParam(String paramName) {
        super("Missing parameter", "The \"" + paramName + "\" parameter is required.");
    }
}
