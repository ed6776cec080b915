package falcon.util;

import java.util.Map;
import java.util.TreeMap;

/**
 * A map whose String keys compare case-insensitively, e.g. for header names.
 *
 * <p>Falcon: {@code falcon.util.CaseInsensitiveDict}.
 *
 * @param <V> the type of the values
 */
public class CaseInsensitiveDict<V> extends TreeMap<String, V> {

    private static final long serialVersionUID = 1L;

    /** Creates an empty map. */
    public CaseInsensitiveDict() {
        super(String.CASE_INSENSITIVE_ORDER);
    }

    /**
     * Creates a map holding {@code entries}; of keys equal but for case, the last one wins.
     *
     * @param entries the entries to copy
     */
    public CaseInsensitiveDict(Map<String, ? extends V> entries) {
        this();
        putAll(entries);
    }
}
