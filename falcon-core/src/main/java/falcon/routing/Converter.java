package falcon.routing;

/**
 * Converts the text of a URI field to a value, or rejects it so that the route does not match.
 *
 * <p>Instances are shared by all requests and must be thread-safe. Falcon: {@code BaseConverter}.
 */
@FunctionalInterface
public interface Converter {

    /**
     * Converts a field.
     *
     * @param value the percent-decoded text of the field
     * @return the converted value, or {@code null} when the text does not fit: no match (404)
     */
    Object convert(String value);

    /**
     * Returns the type of the values this converter yields; responders are checked against it.
     *
     * @return the type of the converted values; {@code Object.class} by default
     */
    default Class<?> valueType() {
        return Object.class;
    }

    /**
     * Returns whether this converter consumes the rest of the path, slashes included (Falcon 4's
     * {@code path} converter); such a field must end its template.
     *
     * @return {@code true} when the field consumes the rest of the path; {@code false} by default
     */
    default boolean consumesMultipleSegments() {
        return false;
    }
}
