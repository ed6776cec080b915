package falcon.gateway;

import java.util.List;
import java.util.Map;

/**
 * The request headers as an adapter received them, in order; names compare case-insensitively.
 */
public interface RequestHeaders extends Iterable<Map.Entry<String, String>> {

    /**
     * Returns the value of header {@code name}, or {@code null}. When the header was sent more
     * than once, the values are joined with {@code ","} as WSGI servers do.
     *
     * @param name the header name, in any case
     * @return the value, or {@code null} when the header was not sent
     */
    String get(String name);

    /**
     * Returns every value of header {@code name} in the order received; empty when absent.
     *
     * @param name the header name, in any case
     * @return the values; empty when the header was not sent
     */
    List<String> getAll(String name);

    /**
     * Returns whether header {@code name} was sent.
     *
     * @param name the header name, in any case
     * @return {@code true} when the header was sent
     */
    default boolean contains(String name) {
        return get(name) != null;
    }

    /**
     * Returns how many header lines were received.
     *
     * @return the number of header lines
     */
    int size();
}
