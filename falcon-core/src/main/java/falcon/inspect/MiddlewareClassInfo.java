package falcon.inspect;

import java.util.List;

/**
 * A middleware component's class and the middleware methods it has.
 *
 * <p>Falcon: {@code falcon.inspect.MiddlewareClassInfo}.
 *
 * @param name the class's simple name
 * @param sourceInfo where the class is defined, {@code path/File.java:line} when known
 * @param methods its request, resource and response methods, in that order
 */
public record MiddlewareClassInfo(String name, String sourceInfo, List<MiddlewareMethodInfo> methods)
        implements Traversable {

    /**
     * Creates a middleware class info.
     *
     * @param name the class's simple name
     * @param sourceInfo where the class is defined
     * @param methods its middleware methods
     */
    public MiddlewareClassInfo {
        methods = List.copyOf(methods);
    }

    @Override
    public <T> T accept(InspectVisitor<T> visitor) {
        return visitor.visitMiddlewareClass(this);
    }

    @Override
    public String toString() {
        return toString(false, false);
    }
}
