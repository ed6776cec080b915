package falcon.routing;

import falcon.Request;
import falcon.Response;

/**
 * A responder bound to its resource and its route's fields: what the App calls per request.
 *
 * <p>{@link MethodMap#bind} makes one per {@code onXxx} method at {@code addRoute}; the default
 * responders (405, OPTIONS, 400) are responders too.
 */
@FunctionalInterface
public interface Responder {

    /**
     * Handles a request.
     *
     * @param req the request
     * @param resp the response
     * @param params the route's field values, possibly changed by hooks
     * @return {@code null} for a blocking responder, or the {@code CompletionStage} of an
     *     asynchronous one
     * @throws Exception whatever the user's code throws; the App hands it to the error handlers
     */
    Object respond(Request req, Response resp, RouteParams params) throws Exception;
}
