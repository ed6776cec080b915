package benchmarks;

import falcon.gateway.Exchange;
import falcon.gateway.Reply;
import falcon.gateway.RequestHeaders;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The least an adapter must provide: a request as wrk sends it and a slot for the reply. It
 * measures the App alone, without a socket or the test client's conveniences.
 */
final class BenchExchange implements Exchange {

    private static final byte[] NO_BODY = new byte[0];

    private final String method;
    private final String rawPath;
    private final String queryString;
    private final Headers headers;
    private final byte[] body;
    Reply reply;

    BenchExchange(String method, String rawPath, String queryString, Headers headers, byte[] body) {
        this.method = method;
        this.rawPath = rawPath;
        this.queryString = queryString;
        this.headers = headers;
        this.body = body == null ? NO_BODY : body;
    }

    @Override
    public String method() {
        return method;
    }

    @Override
    public String rawPath() {
        return rawPath;
    }

    @Override
    public String queryString() {
        return queryString;
    }

    @Override
    public String protocol() {
        return "HTTP/1.1";
    }

    @Override
    public String scheme() {
        return "http";
    }

    @Override
    public String serverHost() {
        return "127.0.0.1";
    }

    @Override
    public int serverPort() {
        return 8080;
    }

    @Override
    public String remoteAddr() {
        return "127.0.0.1";
    }

    @Override
    public RequestHeaders headers() {
        return headers;
    }

    @Override
    public InputStream body() {
        return new ByteArrayInputStream(body);
    }

    @Override
    public void respond(Reply reply) {
        this.reply = reply;
    }

    /** Request headers as a flat name/value array, built once and shared by the requests. */
    static final class Headers implements RequestHeaders {
        private final String[] pairs;

        Headers(String... pairs) {
            this.pairs = pairs;
        }

        @Override
        public String get(String name) {
            for (int i = 0; i < pairs.length; i += 2) {
                if (pairs[i].equalsIgnoreCase(name)) {
                    return pairs[i + 1];
                }
            }
            return null;
        }

        @Override
        public List<String> getAll(String name) {
            List<String> values = new ArrayList<>(1);
            for (int i = 0; i < pairs.length; i += 2) {
                if (pairs[i].equalsIgnoreCase(name)) {
                    values.add(pairs[i + 1]);
                }
            }
            return values;
        }

        @Override
        public int size() {
            return pairs.length / 2;
        }

        @Override
        public Iterator<Map.Entry<String, String>> iterator() {
            List<Map.Entry<String, String>> entries = new ArrayList<>(size());
            for (int i = 0; i < pairs.length; i += 2) {
                entries.add(new AbstractMap.SimpleImmutableEntry<>(pairs[i], pairs[i + 1]));
            }
            return entries.iterator();
        }
    }
}
