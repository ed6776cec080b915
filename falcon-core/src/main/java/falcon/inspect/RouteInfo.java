package falcon.inspect;

import java.util.List;

/**
 * A route: its path, its resource's class and responders.
 *
 * <p>Falcon: {@code falcon.inspect.RouteInfo}.
 *
 * @param path the route's URI template
 * @param className the simple name of the resource's class
 * @param sourceInfo where the resource's class is defined, {@code path/File.java:line} when known
 * @param methods the responders, the user's first in Falcon's method order
 */
public record RouteInfo(String path, String className, String sourceInfo, List<RouteMethodInfo> methods)
        implements Traversable {

    /**
     * Creates a route info.
     *
     * @param path the route's URI template
     * @param className the simple name of the resource's class
     * @param sourceInfo where the resource's class is defined
     * @param methods the responders
     */
    public RouteInfo {
        methods = List.copyOf(methods);
    }

    @Override
    public <T> T accept(InspectVisitor<T> visitor) {
        return visitor.visitRoute(this);
    }

    @Override
    public String toString() {
        return toString(false, false);
    }
}
