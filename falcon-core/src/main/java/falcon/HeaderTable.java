package falcon;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * A response's headers: lower-case names to values, in the order first set, as Falcon's {@code
 * resp._headers} dict keeps them.
 *
 * <p>PERF: one array of name-value pairs, searched from the start. A response carries a handful
 * of headers, where a linear scan of a few {@code equals} beats hashing, and the table costs two
 * objects instead of a {@code LinkedHashMap}'s map, bucket array and one entry per header (about
 * 150 bytes less per plain response). Not thread-safe, as the response is not.
 */
final class HeaderTable {

    /** Names at even indexes, their values after them. */
    private String[] slots = new String[8];
    private int used;

    /** Returns the value of lower-case {@code name}, or {@code null}. */
    String get(String name) {
        int i = indexOf(name);
        return i < 0 ? null : slots[i + 1];
    }

    boolean containsKey(String name) {
        return indexOf(name) >= 0;
    }

    /** Sets {@code name}, keeping its place when it is already set, else adding it last. */
    void put(String name, String value) {
        int i = indexOf(name);
        if (i >= 0) {
            slots[i + 1] = value;
            return;
        }
        if (used == slots.length) {
            slots = Arrays.copyOf(slots, used * 2);
        }
        slots[used] = name;
        slots[used + 1] = value;
        used += 2;
    }

    /** Removes {@code name}; the headers after it keep their order. */
    void remove(String name) {
        int i = indexOf(name);
        if (i >= 0) {
            System.arraycopy(slots, i + 2, slots, i, used - i - 2);
            used -= 2;
            slots[used] = null;
            slots[used + 1] = null;
        }
    }

    /** Returns how many headers are set. */
    int size() {
        return used / 2;
    }

    /** Returns the name of the {@code n}th header, in order. */
    String name(int n) {
        return slots[2 * n];
    }

    /** Returns the value of the {@code n}th header, in order. */
    String value(int n) {
        return slots[2 * n + 1];
    }

    /**
     * Returns the headers as lines (a name, its value, the next name...): a read-only view of
     * the table as it is now, which costs no copy.
     */
    List<String> lines() {
        return new Lines(slots, used);
    }

    /** Returns a copy, in order. */
    Map<String, String> toMap() {
        Map<String, String> copy = new LinkedHashMap<>();
        for (int i = 0; i < used; i += 2) {
            copy.put(slots[i], slots[i + 1]);
        }
        return copy;
    }

    private int indexOf(String name) {
        for (int i = 0; i < used; i += 2) {
            if (name.equals(slots[i])) {
                return i;
            }
        }
        return -1;
    }

    /** A fixed run of the slots, read-only. */
    private static final class Lines extends AbstractList<String> implements RandomAccess {
        private final String[] slots;
        private final int size;

        Lines(String[] slots, int size) {
            this.slots = slots;
            this.size = size;
        }

        @Override
        public String get(int index) {
            return slots[Objects.checkIndex(index, size)];
        }

        @Override
        public int size() {
            return size;
        }
    }
}
