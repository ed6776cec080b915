package falcon;

import falcon.routing.RouteParams;

/**
 * Handles every request whose path starts with a prefix pattern, whatever its method.
 *
 * <p>Falcon: a sink added with {@code app.add_sink(sink, prefix)}; the pattern's named groups are
 * passed as {@code params}.
 */
@FunctionalInterface
public interface Sink {

    /**
     * Handles a request.
     *
     * @param req the request
     * @param resp the response
     * @param params the named groups of the prefix pattern
     * @throws Exception handed to the error handlers
     */
    void handle(Request req, Response resp, RouteParams params) throws Exception;
}
