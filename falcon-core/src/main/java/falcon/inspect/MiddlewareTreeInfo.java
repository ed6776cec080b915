package falcon.inspect;

import java.util.List;

/**
 * The middleware methods of an App, in the order they run.
 *
 * <p>Falcon: {@code falcon.inspect.MiddlewareTreeInfo}.
 *
 * @param request the {@code processRequest} methods
 * @param resource the {@code processResource} methods
 * @param response the {@code processResponse} methods, in the order they run (the reverse of
 *     the components' order)
 */
public record MiddlewareTreeInfo(List<MiddlewareTreeItemInfo> request, List<MiddlewareTreeItemInfo> resource,
        List<MiddlewareTreeItemInfo> response) implements Traversable {

    /**
     * Creates a middleware tree info.
     *
     * @param request the {@code processRequest} methods
     * @param resource the {@code processResource} methods
     * @param response the {@code processResponse} methods
     */
    public MiddlewareTreeInfo {
        request = List.copyOf(request);
        resource = List.copyOf(resource);
        response = List.copyOf(response);
    }

    @Override
    public <T> T accept(InspectVisitor<T> visitor) {
        return visitor.visitMiddlewareTree(this);
    }

    @Override
    public String toString() {
        return toString(false, false);
    }
}
