package falcon.testing;

import falcon.gateway.RequestHeaders;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Request headers kept as a list, in order; names compare case-insensitively. */
final class SimpleHeaders implements RequestHeaders {

    private final List<Map.Entry<String, String>> entries = new ArrayList<>();

    void add(String name, String value) {
        entries.add(new AbstractMap.SimpleImmutableEntry<>(name, value));
    }

    void set(String name, String value) {
        entries.removeIf(e -> e.getKey().equalsIgnoreCase(name));
        add(name, value);
    }

    @Override
    public String get(String name) {
        String joined = null;
        for (Map.Entry<String, String> e : entries) {
            if (e.getKey().equalsIgnoreCase(name)) {
                joined = joined == null ? e.getValue() : joined + "," + e.getValue();
            }
        }
        return joined;
    }

    @Override
    public List<String> getAll(String name) {
        List<String> values = new ArrayList<>(1);
        for (Map.Entry<String, String> e : entries) {
            if (e.getKey().equalsIgnoreCase(name)) {
                values.add(e.getValue());
            }
        }
        return values;
    }

    @Override
    public int size() {
        return entries.size();
    }

    @Override
    public Iterator<Map.Entry<String, String>> iterator() {
        return entries.iterator();
    }
}
