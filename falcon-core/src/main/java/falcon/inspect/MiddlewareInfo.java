package falcon.inspect;

import java.util.List;

/**
 * The middleware of an App: the methods in running order and the components' classes.
 *
 * <p>Falcon: {@code falcon.inspect.MiddlewareInfo}.
 *
 * @param middlewareTree the methods in the order they run
 * @param middlewareClasses the components, in the order added
 * @param independent whether the middleware is independent
 */
public record MiddlewareInfo(MiddlewareTreeInfo middlewareTree, List<MiddlewareClassInfo> middlewareClasses,
        boolean independent) implements Traversable {

    /**
     * Creates a middleware info.
     *
     * @param middlewareTree the methods in the order they run
     * @param middlewareClasses the components
     * @param independent whether the middleware is independent
     */
    public MiddlewareInfo {
        middlewareClasses = List.copyOf(middlewareClasses);
    }

    /**
     * Returns {@code Middleware are independent} or {@code Middleware are dependent}.
     *
     * @return the text
     */
    public String independentText() {
        return independent ? "Middleware are independent" : "Middleware are dependent";
    }

    @Override
    public <T> T accept(InspectVisitor<T> visitor) {
        return visitor.visitMiddleware(this);
    }

    @Override
    public String toString() {
        return toString(false, false);
    }
}
