package falcon;

/**
 * 400 Bad Request because a parameter, such as a query parameter, has an invalid value.
 *
 * <p>The title is {@code "Invalid parameter"} and the description
 * {@code The "limit" parameter is invalid. <msg>}.
 *
 * <pre>{@code
 * throw new HTTPInvalidParam("The value must be an integer.", "limit");
 * }</pre>
 *
 * <p>Falcon: {@code falcon.HTTPInvalidParam}.
 */
public class HTTPInvalidParam extends HTTPBadRequest {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the error for parameter {@code paramName}.
     *
     * @param msg what is wrong with the value, appended to the description
     * @param paramName the parameter's name, e.g. {@code "limit"}
     */
    public HTTPInvalidParam(String msg, String paramName) {
        super("Invalid parameter", "The \"" + paramName + "\" parameter is invalid. " + msg);
    }
}
