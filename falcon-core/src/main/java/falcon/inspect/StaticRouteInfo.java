package falcon.inspect;

/**
 * A static route.
 *
 * <p>Falcon: {@code falcon.inspect.StaticRouteInfo}.
 *
 * @param prefix the path prefix, ending with {@code /}
 * @param directory the directory served
 * @param fallbackFilename the file served when the requested one is missing, or {@code null}
 */
public record StaticRouteInfo(String prefix, String directory, String fallbackFilename) implements Traversable {

    @Override
    public <T> T accept(InspectVisitor<T> visitor) {
        return visitor.visitStaticRoute(this);
    }

    @Override
    public String toString() {
        return toString(false, false);
    }
}
