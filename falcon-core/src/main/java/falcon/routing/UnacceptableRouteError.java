package falcon.routing;

/**
 * Thrown at {@code addRoute} when a URI template is invalid or conflicts with another route.
 *
 * <p>The message names the template, e.g. {@code '/teams/{9id}': Field names must be valid
 * identifiers ("9id" is not valid)}.
 *
 * <p>Falcon: {@code falcon.routing.util.UnacceptableRouteError} (Falcon 4; Falcon 3.1 raises a
 * plain {@code ValueError}).
 */
public class UnacceptableRouteError extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the error.
     *
     * @param message what is wrong, naming the template
     */
    public UnacceptableRouteError(String message) {
        super(message);
    }

    /**
     * Creates the error with its cause, e.g. a converter that refused its arguments.
     *
     * @param message what is wrong, naming the template
     * @param cause the underlying failure
     */
    public UnacceptableRouteError(String message, Throwable cause) {
        super(message, cause);
    }
}
