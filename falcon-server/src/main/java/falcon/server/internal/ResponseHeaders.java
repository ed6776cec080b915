package falcon.server.internal;

import io.netty.handler.codec.DateFormatter;
import io.netty.handler.codec.http.HttpHeaderValidationUtil;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.util.AsciiString;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The headers of one response, as Netty's encoders take them: names and values in one array, in
 * the order they were added.
 *
 * <p>PERF: Netty's {@code DefaultHttpHeaders} hashes each name into a table of 16 buckets and
 * makes an entry object per header, some 300 bytes for a small response. A response's few headers
 * are added once, looked up a handful of times and written once in order, so a scan of a short
 * array does the same with one allocation, and {@link #iteratorCharSequence()} lends one entry
 * object for the whole walk (the encoders read each entry before the next).
 *
 * <p>Names must be tokens and values may hold no CR, LF or NUL, as Netty's validating headers
 * require: an App cannot split a response or smuggle a header line in a value.
 */
final class ResponseHeaders extends HttpHeaders {

    private CharSequence[] slots = new CharSequence[16];
    private int used;

    // ---------------------------------------------------------------- the table

    private int indexOf(CharSequence name, int from) {
        for (int i = from; i < used; i += 2) {
            if (AsciiString.contentEqualsIgnoreCase(name, slots[i])) {
                return i;
            }
        }
        return -1;
    }

    private void append(CharSequence name, Object value) {
        store(name, validated(name, value));
    }

    /** Returns {@code value} as text, once name and value pass Netty's checks; else throws. */
    private static CharSequence validated(CharSequence name, Object value) {
        CharSequence v = text(value);
        if (HttpHeaderValidationUtil.validateToken(name) != -1 || name.length() == 0) {
            throw new IllegalArgumentException("a header name must be a token: '" + name + "'");
        }
        if (HttpHeaderValidationUtil.validateValidHeaderValue(v) != -1) {
            throw new IllegalArgumentException("the value of header '" + name + "' holds a prohibited character");
        }
        return v;
    }

    private void store(CharSequence name, CharSequence value) {
        if (used == slots.length) {
            slots = Arrays.copyOf(slots, used * 2);
        }
        slots[used] = name;
        slots[used + 1] = value;
        used += 2;
    }

    private static CharSequence text(Object value) {
        if (value instanceof CharSequence) {
            return (CharSequence) value;
        }
        if (value instanceof Date) {
            return DateFormatter.format((Date) value);
        }
        if (value == null) {
            throw new NullPointerException("value");
        }
        return value.toString();
    }

    private void removeAll(CharSequence name) {
        int to = 0;
        for (int i = 0; i < used; i += 2) {
            if (!AsciiString.contentEqualsIgnoreCase(name, slots[i])) {
                slots[to] = slots[i];
                slots[to + 1] = slots[i + 1];
                to += 2;
            }
        }
        Arrays.fill(slots, to, used, null);
        used = to;
    }

    // ---------------------------------------------------------------- reads

    @Override
    public String get(String name) {
        return get((CharSequence) name);
    }

    @Override
    public String get(CharSequence name) {
        int i = indexOf(name, 0);
        return i < 0 ? null : slots[i + 1].toString();
    }

    @Override
    public Integer getInt(CharSequence name) {
        String v = get(name);
        if (v == null) {
            return null;
        }
        try {
            return Integer.valueOf(v.trim());
        } catch (NumberFormatException ex) {
            return null;
        }
    }

    @Override
    public int getInt(CharSequence name, int defaultValue) {
        Integer v = getInt(name);
        return v == null ? defaultValue : v;
    }

    @Override
    public Short getShort(CharSequence name) {
        Integer v = getInt(name);
        return v == null || v != v.shortValue() ? null : v.shortValue();
    }

    @Override
    public short getShort(CharSequence name, short defaultValue) {
        Short v = getShort(name);
        return v == null ? defaultValue : v;
    }

    @Override
    public Long getTimeMillis(CharSequence name) {
        String v = get(name);
        Date date = v == null ? null : DateFormatter.parseHttpDate(v);
        return date == null ? null : date.getTime();
    }

    @Override
    public long getTimeMillis(CharSequence name, long defaultValue) {
        Long v = getTimeMillis(name);
        return v == null ? defaultValue : v;
    }

    @Override
    public List<String> getAll(String name) {
        return getAll((CharSequence) name);
    }

    @Override
    public List<String> getAll(CharSequence name) {
        List<String> values = new ArrayList<>(2);
        for (int i = indexOf(name, 0); i >= 0; i = indexOf(name, i + 2)) {
            values.add(slots[i + 1].toString());
        }
        return values;
    }

    @Override
    public List<Map.Entry<String, String>> entries() {
        List<Map.Entry<String, String>> list = new ArrayList<>(used / 2);
        for (int i = 0; i < used; i += 2) {
            list.add(new AbstractMap.SimpleImmutableEntry<>(slots[i].toString(), slots[i + 1].toString()));
        }
        return list;
    }

    @Override
    public boolean contains(String name) {
        return indexOf(name, 0) >= 0;
    }

    @Override
    public boolean contains(CharSequence name) {
        return indexOf(name, 0) >= 0;
    }

    @Deprecated // as in HttpHeaders: Netty's encoders use iteratorCharSequence()
    @Override
    public Iterator<Map.Entry<String, String>> iterator() {
        return entries().iterator();
    }

    @Override
    public Iterator<Map.Entry<CharSequence, CharSequence>> iteratorCharSequence() {
        return new Walk();
    }

    @Override
    public boolean isEmpty() {
        return used == 0;
    }

    @Override
    public int size() {
        return used / 2;
    }

    @Override
    public Set<String> names() {
        Set<String> names = new LinkedHashSet<>();
        for (int i = 0; i < used; i += 2) {
            if (indexOf(slots[i], 0) == i) { // the first of its name, whatever the case
                names.add(slots[i].toString());
            }
        }
        return names;
    }

    // ---------------------------------------------------------------- writes

    @Override
    public HttpHeaders add(String name, Object value) {
        append(name, value);
        return this;
    }

    @Override
    public HttpHeaders add(CharSequence name, Object value) {
        append(name, value);
        return this;
    }

    @Override
    public HttpHeaders add(String name, Iterable<?> values) {
        for (Object v : values) {
            append(name, v);
        }
        return this;
    }

    @Override
    public HttpHeaders addInt(CharSequence name, int value) {
        append(name, Integer.toString(value));
        return this;
    }

    @Override
    public HttpHeaders addShort(CharSequence name, short value) {
        append(name, Short.toString(value));
        return this;
    }

    @Override
    public HttpHeaders set(String name, Object value) {
        return set((CharSequence) name, value);
    }

    @Override
    public HttpHeaders set(CharSequence name, Object value) {
        // As Netty's headers: every value of the name goes, and the new one is added last, under
        // the name as given here (the server's own lower-case names replace an App's spelling).
        CharSequence v = validated(name, value); // a refused value leaves the old one
        removeAll(name);
        store(name, v);
        return this;
    }

    @Override
    public HttpHeaders set(String name, Iterable<?> values) {
        removeAll(name);
        for (Object v : values) {
            append(name, v);
        }
        return this;
    }

    @Override
    public HttpHeaders setInt(CharSequence name, int value) {
        return set(name, Integer.toString(value));
    }

    @Override
    public HttpHeaders setShort(CharSequence name, short value) {
        return set(name, Short.toString(value));
    }

    @Override
    public HttpHeaders remove(String name) {
        removeAll(name);
        return this;
    }

    @Override
    public HttpHeaders remove(CharSequence name) {
        removeAll(name);
        return this;
    }

    @Override
    public HttpHeaders clear() {
        Arrays.fill(slots, 0, used, null);
        used = 0;
        return this;
    }

    /** A walk over the headers in order that lends itself as each entry. */
    private final class Walk implements Iterator<Map.Entry<CharSequence, CharSequence>>,
            Map.Entry<CharSequence, CharSequence> {
        private int next;
        private int current = -1;

        @Override
        public boolean hasNext() {
            return next < used;
        }

        @Override
        public Map.Entry<CharSequence, CharSequence> next() {
            if (next >= used) {
                throw new NoSuchElementException();
            }
            current = next;
            next += 2;
            return this;
        }

        @Override
        public CharSequence getKey() {
            return slots[current];
        }

        @Override
        public CharSequence getValue() {
            return slots[current + 1];
        }

        @Override
        public CharSequence setValue(CharSequence value) {
            throw new UnsupportedOperationException("read-only");
        }
    }
}
