package falcon.server.internal;

import falcon.gateway.RequestHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** The request headers as Netty decoded them, without copying. */
final class NettyRequestHeaders implements RequestHeaders {

    private final HttpHeaders headers;

    NettyRequestHeaders(HttpHeaders headers) {
        this.headers = headers;
    }

    @Override
    public String get(String name) {
        Iterator<String> values = headers.valueStringIterator(name);
        if (!values.hasNext()) {
            return null;
        }
        String value = values.next();
        if (!values.hasNext()) {
            return value; // the common case: sent once
        }
        // NOTE: Netty iterates a name's values newest first; getAll gives them in received order.
        return String.join(",", headers.getAll(name));
    }

    @Override
    public List<String> getAll(String name) {
        return headers.getAll(name);
    }

    @Override
    public boolean contains(String name) {
        return headers.contains(name);
    }

    @Override
    public int size() {
        return headers.size();
    }

    @Override
    public Iterator<Map.Entry<String, String>> iterator() {
        return headers.iteratorAsString();
    }
}
