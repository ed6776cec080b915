package falcon.adapters;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A request as a scenario describes it, whatever the adapter: method, path (with its query
 * string, percent-encoded as it goes on the wire), header lines in order, and a body that is
 * either absent, a byte array, or a stream of known or unknown length.
 */
final class ClientRequest {

    /** Headers the JDK client refuses to send itself: a request with one goes over a raw socket. */
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host",
            "upgrade");

    private final String method;
    private final String path;
    private final List<Map.Entry<String, String>> headers = new ArrayList<>();
    private Supplier<InputStream> body;
    private long length = -1;

    private ClientRequest(String method, String path) {
        this.method = method;
        this.path = path;
    }

    static ClientRequest of(String method, String path) {
        return new ClientRequest(method, path);
    }

    static ClientRequest get(String path) {
        return of("GET", path);
    }

    static ClientRequest post(String path) {
        return of("POST", path);
    }

    ClientRequest header(String name, String value) {
        headers.add(Map.entry(name, value));
        return this;
    }

    ClientRequest body(byte[] bytes) {
        this.body = () -> new ByteArrayInputStream(bytes);
        this.length = bytes.length;
        return this;
    }

    ClientRequest body(String text) {
        return body(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A body read from {@code stream} as it is sent; {@code length} -1 means unknown, which a
     * socket client sends with {@code Transfer-Encoding: chunked}.
     */
    ClientRequest body(Supplier<InputStream> stream, long length) {
        this.body = stream;
        this.length = length;
        return this;
    }

    String method() {
        return method;
    }

    String path() {
        return path;
    }

    List<Map.Entry<String, String>> headers() {
        return headers;
    }

    boolean hasBody() {
        return body != null;
    }

    /** A fresh stream of the body; only when {@link #hasBody()}. */
    InputStream openBody() {
        return body.get();
    }

    /** The body's length, or -1 when unknown (sent chunked). */
    long bodyLength() {
        return length;
    }

    /** Whether a header line is one the JDK client will not send (Upgrade, Content-Length...). */
    boolean hasRestrictedHeader() {
        return headers.stream().anyMatch(h -> RESTRICTED.contains(h.getKey().toLowerCase(Locale.ROOT)));
    }

    @Override
    public String toString() {
        return method + " " + path;
    }
}
