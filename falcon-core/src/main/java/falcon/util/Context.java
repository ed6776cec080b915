package falcon.util;

import java.util.LinkedHashMap;

/**
 * A bag of per-request (or per-response) state for the app's own use: a map with a fluent setter.
 *
 * <p>Subclass it to give your context typed fields, and install the subclass with the App's
 * context factory. Falcon: {@code falcon.Context}, which is both an attribute bag and a dict.
 */
public class Context extends LinkedHashMap<String, Object> {

    private static final long serialVersionUID = 1L;

    /** Creates an empty context. */
    public Context() {
        super(8);
    }

    /**
     * Stores a value and returns this context, for chaining.
     *
     * @param name the key
     * @param value the value
     * @return this context
     */
    public Context set(String name, Object value) {
        put(name, value);
        return this;
    }

    /**
     * Returns the value for {@code name} cast to {@code type}, or {@code null}.
     *
     * @param <T> the type of the value
     * @param name the attribute name
     * @param type the class of the value
     * @return the value, or {@code null} when not set
     * @throws ClassCastException if the value is of another type
     */
    public <T> T get(String name, Class<T> type) {
        return type.cast(get(name));
    }
}
