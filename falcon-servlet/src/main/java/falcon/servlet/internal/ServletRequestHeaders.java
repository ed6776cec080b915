package falcon.servlet.internal;

import falcon.gateway.RequestHeaders;
import jakarta.servlet.http.HttpServletRequest;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** The request headers as the container parsed them, read through on demand. */
final class ServletRequestHeaders implements RequestHeaders {

    private final HttpServletRequest request;
    private List<Map.Entry<String, String>> lines; // built on first iteration; one exchange, one thread at a time

    ServletRequestHeaders(HttpServletRequest request) {
        this.request = request;
    }

    @Override
    public String get(String name) {
        Enumeration<String> values = request.getHeaders(name);
        if (values == null || !values.hasMoreElements()) {
            return null;
        }
        String value = values.nextElement();
        if (!values.hasMoreElements()) {
            return value; // the common case: sent once
        }
        StringBuilder joined = new StringBuilder(value);
        do {
            joined.append(',').append(values.nextElement());
        } while (values.hasMoreElements());
        return joined.toString();
    }

    @Override
    public List<String> getAll(String name) {
        Enumeration<String> values = request.getHeaders(name);
        return values == null ? List.of() : Collections.list(values);
    }

    @Override
    public boolean contains(String name) {
        return request.getHeader(name) != null;
    }

    @Override
    public int size() {
        return lines().size();
    }

    @Override
    public Iterator<Map.Entry<String, String>> iterator() {
        return lines().iterator();
    }

    private List<Map.Entry<String, String>> lines() {
        List<Map.Entry<String, String>> all = lines;
        if (all == null) {
            all = new ArrayList<>();
            // NOTE: the Servlet API groups the values by name; within a name they keep their order.
            Enumeration<String> names = request.getHeaderNames();
            while (names.hasMoreElements()) {
                String name = names.nextElement();
                Enumeration<String> values = request.getHeaders(name);
                while (values.hasMoreElements()) {
                    all.add(new AbstractMap.SimpleImmutableEntry<>(name, values.nextElement()));
                }
            }
            lines = all = Collections.unmodifiableList(all);
        }
        return all;
    }
}
