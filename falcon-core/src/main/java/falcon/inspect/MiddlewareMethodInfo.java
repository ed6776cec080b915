package falcon.inspect;

/**
 * A method of a middleware class.
 *
 * <p>Falcon: {@code falcon.inspect.MiddlewareMethodInfo}.
 *
 * @param functionName the method's name, e.g. {@code processRequest}
 * @param sourceInfo where it is defined, {@code path/File.java:line} when known
 */
public record MiddlewareMethodInfo(String functionName, String sourceInfo) implements Traversable {

    /**
     * Returns {@code false}: middleware methods are the user's (as Falcon's, for symmetry with
     * {@link RouteMethodInfo#internal()}).
     *
     * @return {@code false}
     */
    public boolean internal() {
        return false;
    }

    @Override
    public <T> T accept(InspectVisitor<T> visitor) {
        return visitor.visitMiddlewareMethod(this);
    }

    @Override
    public String toString() {
        return toString(false, false);
    }
}
