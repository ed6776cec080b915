package falcon.routing;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The values of a route's URI fields, by name, in template order; hooks may change them.
 *
 * <p>Falcon: the {@code params} dict passed to responders as keyword arguments. Backed by two
 * arrays so that a match allocates no map entries; it is a {@link Map} for hooks and sinks.
 */
public final class RouteParams extends AbstractMap<String, Object> {

    private static final String[] NO_NAMES = new String[0];
    private static final Object[] NO_VALUES = new Object[0];

    private String[] names;
    private Object[] values;
    /** Slots in use, removed fields included: positions stay stable for bound responders. */
    private int size;
    private int removed;

    /** Creates empty params. */
    public RouteParams() {
        this(NO_NAMES, NO_VALUES, 0);
    }

    /**
     * Creates params over arrays the caller hands over (they are not copied).
     *
     * @param names field names in template order
     * @param values converted values, same order
     * @param size how many of the entries are in use
     */
    public RouteParams(String[] names, Object[] values, int size) {
        this.names = names;
        this.values = values;
        this.size = size;
    }

    /**
     * Returns the value at template position {@code i}; responders bound at start-up use it.
     *
     * @param i the position, from 0
     * @return the converted value
     */
    public Object valueAt(int i) {
        return values[i];
    }

    /**
     * Returns the name at position {@code i}.
     *
     * @param i the position, from 0
     * @return the field name
     */
    public String nameAt(int i) {
        return names[i];
    }

    /**
     * Returns the position of {@code name}, or -1.
     *
     * @param name the field name
     * @return the position, or -1 when there is no such field
     */
    public int indexOf(String name) {
        for (int i = 0; i < size; i++) {
            if (names[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** Fields present, as a map counts them (Python's {@code len(params)} after a {@code del}). */
    @Override
    public int size() {
        return size - removed;
    }

    /** Positions in use, removed fields included: what {@link #valueAt} and {@link #nameAt} index. */
    int slots() {
        return size;
    }

    @Override
    public boolean containsKey(Object key) {
        return key instanceof String && indexOf((String) key) >= 0;
    }

    @Override
    public Object get(Object key) {
        if (!(key instanceof String)) {
            return null;
        }
        int i = indexOf((String) key);
        return i < 0 ? null : values[i];
    }

    @Override
    public Object put(String key, Object value) {
        int i = indexOf(key);
        if (i >= 0) {
            Object old = values[i];
            values[i] = value;
            return old;
        }
        if (size == names.length) {
            int capacity = Math.max(4, size * 2);
            names = Arrays.copyOf(names, capacity);
            values = Arrays.copyOf(values, capacity);
        }
        names[size] = key;
        values[size] = value;
        size++;
        return null;
    }

    @Override
    public Object remove(Object key) {
        if (!(key instanceof String)) {
            return null;
        }
        int i = indexOf((String) key);
        if (i < 0) {
            return null;
        }
        Object old = values[i];
        // Keep positions stable for bound responders: a removed field reads as null.
        values[i] = null;
        names[i] = "\0removed";
        removed++;
        return old;
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, Object>> iterator() {
                return new Iterator<>() {
                    private int next = advance(0);

                    private int advance(int from) {
                        while (from < size && names[from].startsWith("\0")) {
                            from++;
                        }
                        return from;
                    }

                    @Override
                    public boolean hasNext() {
                        return next < size;
                    }

                    @Override
                    public Entry<String, Object> next() {
                        if (next >= size) {
                            throw new NoSuchElementException();
                        }
                        int i = next;
                        next = advance(next + 1);
                        return new SimpleEntry<>(names[i], values[i]) {
                            @Override
                            public Object setValue(Object value) {
                                values[i] = value;
                                return super.setValue(value);
                            }
                        };
                    }
                };
            }

            @Override
            public int size() {
                return RouteParams.this.size();
            }
        };
    }
}
