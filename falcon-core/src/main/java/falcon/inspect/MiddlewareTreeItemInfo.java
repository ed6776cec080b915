package falcon.inspect;

/**
 * One middleware method in the order methods run.
 *
 * <p>Falcon: {@code falcon.inspect.MiddlewareTreeItemInfo}.
 *
 * @param name the method's name, e.g. {@code processRequest}
 * @param className the simple name of its class
 */
public record MiddlewareTreeItemInfo(String name, String className) implements Traversable {

    /**
     * Returns the glyph of the method's phase: {@code →} request, {@code ↣} resource, {@code ↢}
     * response.
     *
     * @return the glyph
     */
    public String symbol() {
        if (name.startsWith("processResource")) {
            return "↣";
        } else if (name.startsWith("processResponse")) {
            return "↢";
        }
        return "→";
    }

    @Override
    public <T> T accept(InspectVisitor<T> visitor) {
        return visitor.visitMiddlewareTreeItem(this);
    }

    @Override
    public String toString() {
        return toString(false, false);
    }
}
