package falcon.opentelemetry;

import falcon.gateway.Exchange;
import falcon.gateway.ForwardingExchange;
import falcon.gateway.Reply;
import falcon.gateway.RequestHeaders;
import falcon.gateway.WebSocketChannel;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextKey;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One exchange and its span: passes everything through to the adapter's exchange, gives the App
 * an executor that resumes stages with the span's context, and ends the span once the reply is out.
 */
final class TracedExchange extends ForwardingExchange {

    static final ContextKey<TracedExchange> KEY = ContextKey.named("falcon.exchange");

    // The stable HTTP semantic conventions (semconv 1.x), spelled here rather than taken from the
    // incubating semconv artifact: these names are frozen.
    static final AttributeKey<String> HTTP_REQUEST_METHOD = AttributeKey.stringKey("http.request.method");
    static final AttributeKey<String> HTTP_REQUEST_METHOD_ORIGINAL = AttributeKey.stringKey("http.request.method_original");
    static final AttributeKey<String> HTTP_ROUTE = AttributeKey.stringKey("http.route");
    static final AttributeKey<Long> HTTP_RESPONSE_STATUS_CODE = AttributeKey.longKey("http.response.status_code");
    static final AttributeKey<Long> HTTP_REQUEST_BODY_SIZE = AttributeKey.longKey("http.request.body.size");
    static final AttributeKey<Long> HTTP_RESPONSE_BODY_SIZE = AttributeKey.longKey("http.response.body.size");
    static final AttributeKey<String> URL_SCHEME = AttributeKey.stringKey("url.scheme");
    static final AttributeKey<String> URL_PATH = AttributeKey.stringKey("url.path");
    static final AttributeKey<String> URL_QUERY = AttributeKey.stringKey("url.query");
    static final AttributeKey<String> SERVER_ADDRESS = AttributeKey.stringKey("server.address");
    static final AttributeKey<Long> SERVER_PORT = AttributeKey.longKey("server.port");
    static final AttributeKey<String> CLIENT_ADDRESS = AttributeKey.stringKey("client.address");
    static final AttributeKey<String> NETWORK_PROTOCOL_VERSION = AttributeKey.stringKey("network.protocol.version");
    static final AttributeKey<String> USER_AGENT_ORIGINAL = AttributeKey.stringKey("user_agent.original");
    static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");

    private final FalconTelemetry telemetry;
    private final Span span;
    private final Context context;
    private final String method;
    private final String protocolVersion;
    private final long startNanos;
    private final Attributes activeAttributes;
    private final AtomicBoolean ended = new AtomicBoolean();
    private volatile String route;
    private volatile int status;
    private volatile String errorType;
    private Executor executor;
    private WebSocketChannel webSocket;

    private TracedExchange(FalconTelemetry telemetry, Exchange exchange, Context parent, String method) {
        super(exchange);
        this.telemetry = telemetry;
        this.method = method;
        this.startNanos = System.nanoTime();
        String protocol = exchange.protocol();
        this.protocolVersion = protocol != null && protocol.startsWith("HTTP/") ? protocol.substring(5) : null;
        String scheme = exchange.scheme();
        SpanBuilder builder = telemetry.tracer.spanBuilder("_OTHER".equals(method) ? "HTTP" : method)
                .setParent(parent)
                .setSpanKind(SpanKind.SERVER)
                .setAttribute(HTTP_REQUEST_METHOD, method)
                .setAttribute(URL_SCHEME, scheme)
                .setAttribute(URL_PATH, exchange.rawPath());
        if ("_OTHER".equals(method)) {
            builder.setAttribute(HTTP_REQUEST_METHOD_ORIGINAL, exchange.method());
        }
        String query = exchange.queryString();
        if (query != null && !query.isEmpty()) {
            builder.setAttribute(URL_QUERY, query);
        }
        if (protocolVersion != null) {
            builder.setAttribute(NETWORK_PROTOCOL_VERSION, protocolVersion);
        }
        String peer = exchange.remoteAddr();
        if (peer != null) {
            builder.setAttribute(CLIENT_ADDRESS, peer);
        }
        RequestHeaders headers = exchange.headers();
        String host = headers == null ? null : headers.get("host");
        setServer(builder, host, exchange);
        if (headers != null) {
            String agent = headers.get("user-agent");
            if (agent != null) {
                builder.setAttribute(USER_AGENT_ORIGINAL, agent);
            }
            long length = parseLength(headers.get("content-length"));
            if (length >= 0) {
                builder.setAttribute(HTTP_REQUEST_BODY_SIZE, length);
            }
        }
        this.span = builder.startSpan();
        this.context = parent.with(span).with(KEY, this);
        this.activeAttributes = Attributes.of(HTTP_REQUEST_METHOD, method, URL_SCHEME, scheme);
        telemetry.activeRequests.add(1, activeAttributes, context);
    }

    static TracedExchange start(FalconTelemetry telemetry, Exchange exchange) {
        return new TracedExchange(telemetry, exchange, TracedHandler.extract(telemetry, exchange),
                knownMethod(exchange.method()));
    }

    /** RFC 9110's methods and PATCH keep their name; others are {@code _OTHER} (bounded cardinality). */
    static String knownMethod(String method) {
        if (method == null) {
            return "_OTHER";
        }
        switch (method) {
            case "GET":
            case "HEAD":
            case "POST":
            case "PUT":
            case "DELETE":
            case "CONNECT":
            case "OPTIONS":
            case "TRACE":
            case "PATCH":
                return method;
            default:
                return "_OTHER";
        }
    }

    private static void setServer(SpanBuilder builder, String host, Exchange exchange) {
        String address = null;
        long port = -1;
        if (host != null && !host.isEmpty()) {
            int colon = host.lastIndexOf(':');
            int bracket = host.lastIndexOf(']');
            if (colon > bracket) {
                address = host.substring(0, colon);
                port = parseLength(host.substring(colon + 1));
            } else {
                address = host;
            }
            if (address.startsWith("[") && address.endsWith("]")) {
                address = address.substring(1, address.length() - 1);
            }
        }
        if (address == null || address.isEmpty()) {
            address = exchange.serverHost();
        }
        if (port < 0) {
            port = exchange.serverPort();
        }
        if (address != null) {
            builder.setAttribute(SERVER_ADDRESS, address);
        }
        if (port > 0) {
            builder.setAttribute(SERVER_PORT, port);
        }
    }

    private static long parseLength(String value) {
        if (value == null || value.isEmpty() || value.length() > 18) {
            return -1;
        }
        long n = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    Context context() {
        return context;
    }

    /** Routing found {@code template}: it names the span and labels the duration. */
    void route(String template) {
        route = template;
        span.updateName(("_OTHER".equals(method) ? "HTTP" : method) + " " + template);
        span.setAttribute(HTTP_ROUTE, template);
    }

    void exception(Throwable ex) {
        span.recordException(ex);
        errorType = ex.getClass().getName();
        span.setAttribute(ERROR_TYPE, errorType);
    }

    void replied(Reply reply) {
        status(reply.status());
        long length = parseLength(reply.header("content-length"));
        if (length >= 0) {
            span.setAttribute(HTTP_RESPONSE_BODY_SIZE, length);
        }
    }

    private void status(int code) {
        status = code;
        span.setAttribute(HTTP_RESPONSE_STATUS_CODE, code);
        if (code >= 500) {
            // Server spans: a 4xx is the client's mistake and leaves the status unset (semconv).
            span.setStatus(StatusCode.ERROR);
            if (errorType == null) {
                errorType = Integer.toString(code);
                span.setAttribute(ERROR_TYPE, errorType);
            }
        }
    }

    /** Ends the span and records the duration, once. */
    void end() {
        if (!ended.compareAndSet(false, true)) {
            return;
        }
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        AttributesBuilder attrs = Attributes.builder()
                .put(HTTP_REQUEST_METHOD, method)
                .put(URL_SCHEME, delegate.scheme());
        if (status > 0) {
            attrs.put(HTTP_RESPONSE_STATUS_CODE, status);
        }
        String template = route;
        if (template != null) {
            attrs.put(HTTP_ROUTE, template);
        }
        if (protocolVersion != null) {
            attrs.put(NETWORK_PROTOCOL_VERSION, protocolVersion);
        }
        if (errorType != null) {
            attrs.put(ERROR_TYPE, errorType);
        }
        telemetry.duration.record(seconds, attrs.build(), context);
        telemetry.activeRequests.add(-1, activeAttributes, context);
        // last: once a span is exported, its request is counted
        span.end();
    }

    // ------------------------------------------------------------------ the exchange, passed through

    @Override
    public void respond(Reply reply) {
        replied(reply);
        delegate.respond(new Reply(reply.status(), reply.reason(), reply.headers(), reply.body(), () -> {
            try {
                reply.afterSent();
            } finally {
                end();
            }
        }));
    }

    @Override
    public Executor executor() {
        Executor e = executor;
        if (e == null) {
            e = executor = context.wrap(delegate.executor());
        }
        return e;
    }

    @Override
    public WebSocketChannel webSocket() {
        WebSocketChannel ws = webSocket;
        if (ws == null) {
            WebSocketChannel channel = delegate.webSocket();
            if (channel != null) {
                ws = webSocket = new TracedWebSocket(channel, this);
            }
        }
        return ws;
    }

    /** The handshake was accepted: 101, the span lasts until the session closes. */
    void accepted() {
        status(101);
    }

    /** The handshake was denied: ASGI's {@code websocket.close} before accept is a 403. */
    void denied() {
        status(403);
        end();
    }
}
