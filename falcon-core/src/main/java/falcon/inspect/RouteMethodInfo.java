package falcon.inspect;

/**
 * A responder of a route: its HTTP method, where it is defined and its name.
 *
 * <p>Falcon: {@code falcon.inspect.RouteMethodInfo}.
 *
 * @param method the HTTP method, e.g. {@code GET}
 * @param sourceInfo where the responder is defined, {@code path/File.java:line} when known
 * @param functionName the responder's name, e.g. {@code onGet}
 * @param internal whether this is a default responder added by the framework
 */
public record RouteMethodInfo(String method, String sourceInfo, String functionName, boolean internal)
        implements Traversable {

    /**
     * Returns the responder's suffix: {@code collection} for {@code onGetCollection}, empty when it
     * has none or is internal.
     *
     * @return the suffix, in lower camel case
     */
    public String suffix() {
        String prefix = "on" + Names.camel(method);
        if (internal || !functionName.startsWith(prefix) || functionName.length() == prefix.length()) {
            return "";
        }
        String rest = functionName.substring(prefix.length());
        return Character.toLowerCase(rest.charAt(0)) + rest.substring(1);
    }

    @Override
    public <T> T accept(InspectVisitor<T> visitor) {
        return visitor.visitRouteMethod(this);
    }

    @Override
    public String toString() {
        return toString(false, false);
    }
}
