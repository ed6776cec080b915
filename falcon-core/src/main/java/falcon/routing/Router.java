package falcon.routing;

import falcon.Request;

/**
 * A router: maps URI templates to resources at start-up and paths to resources per request.
 *
 * <p>{@link CompiledRouter} is the default. A custom router implements these two methods; it may
 * use {@link MethodMap#bind} to find a resource's responders the way the default router does.
 *
 * <p>Falcon: the router interface ({@code add_route}, {@code find}).
 */
public interface Router {

    /**
     * Adds a route.
     *
     * @param uriTemplate the template, e.g. {@code /users/{id:int}}
     * @param resource the resource whose responders answer on this route
     * @param suffix the responder suffix ({@code onGetCollection} for {@code "collection"}), or null
     * @throws IllegalArgumentException (or a subclass) when the template is invalid or conflicts
     */
    void addRoute(String uriTemplate, Object resource, String suffix);

    /**
     * Finds the route for a decoded path.
     *
     * @param path the percent-decoded request path
     * @param req the request, for routers that look at more than the path; may be null
     * @return the match, or {@code null} when no route matches
     */
    RouteMatch find(String path, Request req);
}
