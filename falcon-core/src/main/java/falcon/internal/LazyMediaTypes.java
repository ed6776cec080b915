package falcon.internal;

import java.util.AbstractMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The mutable copy of {@link MediaTypes#defaults()} each App starts with, made on first use.
 *
 * <p>PERF: reading Python's table and {@code /etc/mime.types} (2,000+ lines, in the interpreter at
 * start-up) cost ~25 ms of every App's start, though most Apps serve no static file. The field
 * it backs is public and mutable ({@code resp_options.static_media_types}), so it cannot simply
 * start null; this map copies the defaults the first time anything reads or writes it.
 */
public final class LazyMediaTypes extends AbstractMap<String, String> {

    private Map<String, String> map;

    private Map<String, String> map() {
        Map<String, String> m = map;
        if (m == null) {
            m = map = new HashMap<>(MediaTypes.defaults());
        }
        return m;
    }

    @Override
    public String get(Object key) {
        return map().get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return map().containsKey(key);
    }

    @Override
    public String put(String key, String value) {
        return map().put(key, value);
    }

    @Override
    public String remove(Object key) {
        return map().remove(key);
    }

    @Override
    public void clear() {
        map().clear();
    }

    @Override
    public int size() {
        return map().size();
    }

    @Override
    public Set<Map.Entry<String, String>> entrySet() {
        return map().entrySet();
    }
}
