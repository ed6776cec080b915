package falcon;

/**
 * A middleware component: any of its methods that it overrides runs for every request.
 *
 * <p>Override only what you need: the App finds the overridden methods once, when the component
 * is added, and never calls the others, so they cost nothing per request.
 *
 * <p>With independent middleware (the default), every {@code processRequest} runs first in
 * order, then routing, every {@code processResource} in order, the responder, and every
 * {@code processResponse} in reverse order; {@code processResponse} runs even when a request
 * method raised. Setting {@link Response#setComplete(boolean)} skips the rest of the request and
 * resource methods and the responder, but not {@code processResponse}.
 *
 * <p>Falcon: a middleware component with {@code process_request}, {@code process_resource} and
 * {@code process_response}.
 */
public interface Middleware {

    /**
     * Runs before routing; may change {@code req.setPath(...)} to re-route.
     *
     * @throws Exception handed to the error handlers
     */
    default void processRequest(Request req, Response resp) throws Exception {
    }

    /**
     * Runs after routing, before the responder; only when a route matched.
     *
     * @param resource the matched resource
     * @param params the route's fields; changes reach the responder
     * @throws Exception handed to the error handlers
     */
    default void processResource(Request req, Response resp, Object resource,
            falcon.routing.RouteParams params) throws Exception {
    }

    /**
     * Runs after the responder (or the error handler).
     *
     * @param resource the matched resource, or {@code null} when none matched
     * @param reqSucceeded whether the request was handled without an exception
     * @throws Exception handed to the error handlers
     */
    default void processResponse(Request req, Response resp, Object resource, boolean reqSucceeded)
            throws Exception {
    }
}
