package falcon.routing;

/**
 * Matches the rest of the path, slashes included, as a string; must end its template.
 *
 * <p>For {@code /static/{file:path}}, {@code /static/css/site.css} gives {@code file =
 * "css/site.css"} and {@code /static/} gives {@code file = ""}; {@code /static} does not match.
 * Identifier: {@code path}.
 *
 * <p>Falcon: {@code falcon.routing.PathConverter} (Falcon 4.0, taken early).
 */
public final class PathConverter implements Converter {

    /** Creates the converter. */
    public PathConverter() {
    }

    /** Returns {@code value}: the remaining path, never a reason not to match. */
    @Override
    public Object convert(String value) {
        return value;
    }

    /** Returns {@code String.class}. */
    @Override
    public Class<?> valueType() {
        return String.class;
    }

    /** Returns {@code true}: the field takes every remaining segment. */
    @Override
    public boolean consumesMultipleSegments() {
        return true;
    }
}
