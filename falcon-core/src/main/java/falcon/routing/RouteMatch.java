package falcon.routing;

/**
 * What a router found for a path: the resource, its responders, the field values and the template.
 *
 * <p>Falcon: the tuple {@code (resource, method_map, params, uri_template)} of {@code find}.
 */
public final class RouteMatch {

    private final Object resource;
    private final MethodMap methodMap;
    private final RouteParams params;
    private final String uriTemplate;

    /**
     * Creates a match.
     *
     * @param resource the matched resource
     * @param methodMap the responders of the resource on this route
     * @param params the converted values of the template's fields
     * @param uriTemplate the template that matched
     */
    public RouteMatch(Object resource, MethodMap methodMap, RouteParams params, String uriTemplate) {
        this.resource = resource;
        this.methodMap = methodMap;
        this.params = params;
        this.uriTemplate = uriTemplate;
    }

    /**
     * Returns the matched resource.
     *
     * @return the resource
     */
    public Object resource() {
        return resource;
    }

    /**
     * Returns the responders of the resource on this route, by HTTP method.
     *
     * @return the responders by HTTP method
     */
    public MethodMap methodMap() {
        return methodMap;
    }

    /**
     * Returns the converted values of the template's fields.
     *
     * @return the field values
     */
    public RouteParams params() {
        return params;
    }

    /**
     * Returns the template that matched.
     *
     * @return the URI template
     */
    public String uriTemplate() {
        return uriTemplate;
    }
}
