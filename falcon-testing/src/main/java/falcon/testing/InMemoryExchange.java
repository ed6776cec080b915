package falcon.testing;

import falcon.gateway.Exchange;
import falcon.gateway.Reply;
import falcon.gateway.RequestHeaders;
import falcon.gateway.WebSocketChannel;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** An exchange built from {@link Simulate} options; it keeps the reply for the test to read. */
final class InMemoryExchange implements Exchange {

    private final String method;
    private final String rawPath;
    private final String queryString;
    private final Simulate options;
    private final SimpleHeaders headers = new SimpleHeaders();
    private final byte[] body;
    private final CompletableFuture<Reply> reply = new CompletableFuture<>();
    private WebSocketChannel webSocket;

    InMemoryExchange(String method, String path, Simulate options) {
        if (path == null || !path.startsWith("/")) {
            throw new IllegalArgumentException("path must start with '/': " + path);
        }
        this.method = method;
        this.options = options;
        int q = path.indexOf('?');
        String qs = "";
        if (q >= 0) {
            if (options.params != null || options.queryString != null) {
                throw new IllegalArgumentException(
                        "path may not contain a query string when params or queryString are given");
            }
            qs = path.substring(q + 1);
            path = path.substring(0, q);
        }
        if (options.queryString != null) {
            qs = options.queryString;
        } else if (options.params != null) {
            qs = encodeParams(options.params, options.paramsCsv);
        }
        this.rawPath = path;
        this.queryString = qs;
        this.body = options.body == null ? new byte[0] : options.body;

        headers.add("Host", options.host + (options.port > 0 ? ":" + options.port : ""));
        headers.add("User-Agent", "falcon-client/java");
        for (String[] h : options.headers) {
            // An explicit Host or User-Agent replaces the default, as in Falcon's create_environ.
            if (h[0].equalsIgnoreCase("Host") || h[0].equalsIgnoreCase("User-Agent")) {
                headers.set(h[0], h[1]);
            } else {
                headers.add(h[0], h[1]);
            }
        }
        if (options.contentType != null) {
            headers.set("Content-Type", options.contentType);
        }
        if (!options.cookies.isEmpty()) {
            StringBuilder sb = new StringBuilder();
            for (Map.Entry<String, String> c : options.cookies.entrySet()) {
                if (sb.length() > 0) {
                    sb.append("; ");
                }
                sb.append(c.getKey()).append('=').append(c.getValue());
            }
            headers.add("Cookie", sb.toString());
        }
        if (options.body != null && headers.get("Content-Length") == null) {
            headers.add("Content-Length", Integer.toString(body.length));
        }
    }

    static String encodeParams(Map<String, Object> params, boolean csv) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, Object> e : params.entrySet()) {
            Object v = e.getValue();
            if (v instanceof List && !csv) {
                for (Object item : (List<?>) v) {
                    pair(sb, e.getKey(), String.valueOf(item));
                }
            } else if (v instanceof List) {
                StringBuilder joined = new StringBuilder();
                for (Object item : (List<?>) v) {
                    if (joined.length() > 0) {
                        joined.append(',');
                    }
                    joined.append(URLEncoder.encode(String.valueOf(item), StandardCharsets.UTF_8));
                }
                if (sb.length() > 0) {
                    sb.append('&');
                }
                sb.append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)).append('=').append(joined);
            } else {
                pair(sb, e.getKey(), v instanceof Boolean ? ((Boolean) v ? "true" : "false") : String.valueOf(v));
            }
        }
        return sb.toString();
    }

    private static void pair(StringBuilder sb, String name, String value) {
        if (sb.length() > 0) {
            sb.append('&');
        }
        sb.append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
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
        return options.serverProtocol;
    }

    @Override
    public String scheme() {
        return options.scheme;
    }

    @Override
    public String serverHost() {
        return options.host;
    }

    @Override
    public int serverPort() {
        return options.port > 0 ? options.port : ("https".equals(options.scheme) ? 443 : 80);
    }

    @Override
    public String remoteAddr() {
        return options.remoteAddr;
    }

    @Override
    public String rootPath() {
        return options.rootPath;
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
        if (!this.reply.complete(reply)) {
            throw new IllegalStateException("respond() called twice");
        }
    }

    /** Returns the reply once the App sent it (possibly later, from another thread). */
    CompletableFuture<Reply> reply() {
        return reply;
    }

    @Override
    public WebSocketChannel webSocket() {
        return webSocket;
    }

    void setWebSocket(WebSocketChannel channel) {
        this.webSocket = channel;
    }
}
