package falcon;

import falcon.gateway.Exchange;
import falcon.gateway.RequestHeaders;
import falcon.internal.MimeParse;
import falcon.internal.Publishers;
import falcon.internal.PythonNumbers;
import falcon.media.BaseHandler;
import falcon.media.JSONHandler;
import falcon.media.MediaValidator;
import falcon.media.TypeRef;
import falcon.uri.Uri;
import falcon.util.Context;
import falcon.util.ETag;
import falcon.util.HttpDates;
import falcon.util.Strptime;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Flow;
import java.util.function.Function;

/**
 * An HTTP request, as the responders, hooks and middleware see it.
 *
 * <p>Everything is read from the adapter's exchange on first use and then kept: an app that
 * never looks at the cookies never parses them. A request belongs to one exchange and one thread
 * at a time, so nothing here is locked.
 *
 * <p>Where Falcon returns {@code None}, these methods return {@code null}.
 *
 * <p>Falcon: {@code falcon.Request}.
 */
public class Request {

    private static final Object UNSET = new Object();

    /** The default format of {@link #getParamAsDatetime(String)}: {@value}. */
    public static final String DEFAULT_DATETIME_FORMAT = "%Y-%m-%dT%H:%M:%SZ";

    /** The default format of {@link #getParamAsDate(String)}: {@value}. */
    public static final String DEFAULT_DATE_FORMAT = "%Y-%m-%d";

    private static final String RANGE_HREF = "https://tools.ietf.org/html/rfc7233";
    private static final String RANGE_HREF_TEXT = "HTTP/1.1 Range Requests";

    // PERF: translating a strptime format builds a DateTimeFormatter; formats come from the App's
    // code, so a few are cached (bounded, in case an App passes formats it got from clients).
    private static final ConcurrentHashMap<String, Strptime> FORMATS =
            new ConcurrentHashMap<>();

    private final Exchange exchange;
    private final RequestOptions options;
    private final String method;
    private String path;
    private String uriTemplate;
    private String routePrefix;
    private Context context;
    private Function<Request, ? extends Context> contextFactory;

    // Lazily computed, then cached: a request that never asks pays nothing.
    private Cache cache; // PERF: what few requests ask for, apart, so that each request is smaller
    private Map<String, Object> params;
    private Map<String, String> headers;
    private Map<String, List<String>> cookies;
    private Object media = UNSET;
    private RuntimeException mediaError;
    private InputStream stream;

    /** The values only some requests compute; made on the first such read. */
    private static final class Cache {
        Map<String, String> headersLower;
        Map<String, String> cookiesCollapsed;
        List<Forwarded> forwarded;
        List<String> accessRoute;
        List<ETag> ifMatch;
        List<ETag> ifNoneMatch;
        String uri;
        String relativeUri;
        String prefix;
        String forwardedUri;
        String forwardedPrefix;
        Object typedMedia; // the last typed read, kept for a second call with the same type
        Type typedMediaType;
        RuntimeException typedMediaInvalid; // what the media validator found in typedMedia
    }

    private Cache cache() {
        Cache c = cache;
        return c != null ? c : (cache = new Cache());
    }

    private Type typedMediaType() {
        Cache c = cache;
        return c == null ? null : c.typedMediaType;
    }

    /**
     * Creates the request of an exchange.
     *
     * @param exchange what the adapter received
     * @param options the App's request options
     */
    public Request(Exchange exchange, RequestOptions options) {
        this.exchange = exchange;
        this.options = options;
        this.method = exchange.method();
        String raw = exchange.rawPath();
        // A path keeps '+' as is: only query strings use it for a space.
        String decoded = raw.isEmpty() ? "/" : Uri.decode(raw, false);
        if (options.stripUrlPathTrailingSlash && decoded.length() > 1 && decoded.endsWith("/")) {
            decoded = decoded.substring(0, decoded.length() - 1);
        }
        this.path = decoded;
    }

    /**
     * Returns the exchange this request came from (for adapters and advanced use).
     *
     * @return the adapter's exchange
     */
    public Exchange getExchange() {
        return exchange;
    }

    /**
     * Returns the App's request options. Falcon: {@code req.options}.
     *
     * @return the request options
     */
    public RequestOptions getOptions() {
        return options;
    }

    /**
     * Returns the request method, e.g. {@code GET}. Falcon: {@code req.method}.
     *
     * @return the request method
     */
    public String getMethod() {
        return method;
    }

    /**
     * Returns the percent-decoded path, e.g. {@code /books/9780}; {@code +} is kept as is.
     *
     * <p>Falcon: {@code req.path}.
     *
     * @return the decoded path
     */
    public String getPath() {
        return path;
    }

    /**
     * Changes the path before routing, from {@code processRequest}: the request is re-routed.
     *
     * <p>Falcon: assigning {@code req.path}. Unlike Falcon, the URIs derived from the path
     * ({@link #getUri()}, {@link #getRelativeUri()}...) follow the change.
     *
     * @param path the new path, already percent-decoded
     */
    public void setPath(String path) {
        this.path = path;
        Cache c = cache;
        if (c != null) {
            c.uri = null;
            c.relativeUri = null;
            c.forwardedUri = null;
        }
    }

    /**
     * Returns the raw query string without {@code ?}, or an empty string.
     *
     * <p>Falcon: {@code req.query_string}.
     *
     * @return the query string; empty when there is none
     */
    public String getQueryString() {
        return exchange.queryString();
    }

    /**
     * Returns the template of the matched route, or {@code null} before routing or for sinks.
     *
     * <p>Falcon: {@code req.uri_template}.
     *
     * @return the route's template, or {@code null} before routing or for sinks
     */
    public String getUriTemplate() {
        return uriTemplate;
    }

    /**
     * Returns the prefix of the sink or static route that took the request: the sink's pattern
     * (e.g. {@code /files/(?<name>.*)}) or the static route's prefix (e.g. {@code /static/}), or
     * {@code null} for a route, before routing, or when nothing matched.
     *
     * <p>Not in Falcon, which leaves {@code uri_template} unset for sinks and static routes: it
     * names such requests in logs, traces and metrics (as {@link #getUriTemplate()} does routes).
     *
     * @return the matched sink's pattern or static route's prefix, or {@code null}
     */
    public String getRoutePrefix() {
        return routePrefix;
    }

    void setRoutePrefix(String prefix) {
        this.routePrefix = prefix;
    }

    /**
     * Sets the matched template; the engine calls this after routing.
     *
     * @param uriTemplate the template of the matched route
     */
    void setUriTemplate(String uriTemplate) {
        this.uriTemplate = uriTemplate;
    }

    /**
     * Returns the protocol of the request line, e.g. {@code HTTP/1.1}.
     *
     * @return the protocol name and version
     */
    public String getProtocol() {
        return exchange.protocol();
    }

    // ---------------------------------------------------------------- URL parts

    /**
     * Returns {@code http} or {@code https}. Falcon: {@code req.scheme}.
     *
     * @return the scheme of the request
     */
    public String getScheme() {
        return exchange.scheme();
    }

    /**
     * Returns the scheme the client used before any proxy: the first {@code Forwarded} hop's
     * {@code proto}, else {@code X-Forwarded-Proto} (lower-cased), else {@link #getScheme()}.
     *
     * <p>When a {@code Forwarded} header is present, {@code X-Forwarded-Proto} is not consulted.
     * Falcon: {@code req.forwarded_scheme}.
     *
     * @return the original scheme, e.g. {@code https}
     */
    public String getForwardedScheme() {
        RequestHeaders h = exchange.headers();
        if (h.get("Forwarded") != null) {
            List<Forwarded> hops = getForwarded();
            String scheme = hops.isEmpty() ? null : hops.get(0).getScheme();
            return scheme != null && !scheme.isEmpty() ? scheme : getScheme();
        }
        String proto = h.get("X-Forwarded-Proto");
        return proto != null ? proto.toLowerCase(Locale.ROOT) : getScheme();
    }

    /**
     * Returns the host name from the Host header without port or IPv6 brackets, else the
     * server's host.
     *
     * <p>Falcon: {@code req.host}. Falcon fails with a 500 on a Host header whose port is not a
     * number; here the part before the colon is returned.
     *
     * @return the host name, without port
     */
    public String getHost() {
        String host = exchange.headers().get("Host");
        if (host == null || host.isEmpty()) {
            return exchange.serverHost();
        }
        try {
            return Uri.parseHost(host).host();
        } catch (IllegalArgumentException ex) {
            return host.startsWith("[") ? host : host.substring(0, host.indexOf(':'));
        }
    }

    /**
     * Returns the host the client asked for before any proxy: the first {@code Forwarded} hop's
     * {@code host}, else {@code X-Forwarded-Host}, else {@link #getNetloc()} (port included).
     *
     * <p>Falcon: {@code req.forwarded_host}.
     *
     * @return the host, with its port when one was given
     */
    public String getForwardedHost() {
        RequestHeaders h = exchange.headers();
        if (h.get("Forwarded") != null) {
            List<Forwarded> hops = getForwarded();
            String host = hops.isEmpty() ? null : hops.get(0).getHost();
            return host != null && !host.isEmpty() ? host : getNetloc();
        }
        String xfh = h.get("X-Forwarded-Host");
        return xfh != null ? xfh : getNetloc();
    }

    /**
     * Returns the port from the Host header, else the scheme's default (80 or 443), else the
     * server's port when there is no Host header.
     *
     * <p>Falcon: {@code req.port}. A Host port that is not a number gives the scheme's default
     * here (Falcon fails with a 500).
     *
     * @return the port number
     */
    public int getPort() {
        String host = exchange.headers().get("Host");
        if (host != null && !host.isEmpty()) {
            int defaultPort = "http".equals(getScheme()) ? 80 : 443;
            try {
                Integer port = Uri.parseHost(host, defaultPort).port();
                return port == null ? defaultPort : port;
            } catch (IllegalArgumentException ex) {
                return defaultPort;
            }
        }
        return exchange.serverPort();
    }

    /**
     * Returns the Host header as sent (port included if given), else the server's
     * {@code host[:port]}, the port left out when it is the scheme's default.
     *
     * <p>Falcon: {@code req.netloc}.
     *
     * @return {@code host} or {@code host:port}
     */
    public String getNetloc() {
        String host = exchange.headers().get("Host");
        if (host != null && !host.isEmpty()) {
            return host;
        }
        String server = exchange.serverHost();
        int port = exchange.serverPort();
        boolean defaultPort = "https".equals(getScheme()) ? port == 443 : port == 80;
        return defaultPort ? server : server + ":" + port;
    }

    /**
     * Returns the leftmost label of the host, e.g. {@code api} for {@code api.example.com};
     * {@code null} when the host has a single label. Meaningless for IP addresses.
     *
     * <p>Falcon: {@code req.subdomain}.
     *
     * @return the first label of the host, or {@code null} when it has no dot
     */
    public String getSubdomain() {
        String host = getHost();
        int dot = host.indexOf('.');
        return dot < 0 ? null : host.substring(0, dot);
    }

    /**
     * Returns the path the App is mounted under (WSGI {@code SCRIPT_NAME}), or empty.
     *
     * <p>Falcon: {@code req.root_path}.
     *
     * @return the mount path; empty when mounted at the root
     */
    public String getRootPath() {
        return exchange.rootPath();
    }

    /**
     * Returns the root path.
     *
     * <p>Falcon: {@code req.app}, deprecated there as here.
     *
     * @return the root path
     * @deprecated use {@link #getRootPath()}
     */
    @Deprecated
    public String getApp() {
        return getRootPath();
    }

    /**
     * Returns {@code scheme://netloc/rootPath}. Falcon: {@code req.prefix}.
     *
     * @return the URI up to and including the root path
     */
    public String getPrefix() {
        String value = cache().prefix;
        if (value == null) {
            value = cache().prefix = getScheme() + "://" + getNetloc() + getRootPath();
        }
        return value;
    }

    /**
     * Returns {@code forwardedScheme://forwardedHost/rootPath}.
     *
     * <p>Falcon: {@code req.forwarded_prefix}.
     *
     * @return the prefix as the client saw it
     */
    public String getForwardedPrefix() {
        String value = cache().forwardedPrefix;
        if (value == null) {
            value = cache().forwardedPrefix = getForwardedScheme() + "://" + getForwardedHost() + getRootPath();
        }
        return value;
    }

    /**
     * Returns the root path, the decoded path and the query string.
     *
     * <p>Falcon: {@code req.relative_uri}.
     *
     * @return the URI without scheme and host
     */
    public String getRelativeUri() {
        String value = cache().relativeUri;
        if (value == null) {
            String qs = getQueryString();
            value = cache().relativeUri = qs.isEmpty() ? getRootPath() + path : getRootPath() + path + "?" + qs;
        }
        return value;
    }

    /**
     * Returns the full URI: {@code scheme://netloc} and the relative URI. Falcon: {@code req.uri}.
     *
     * @return the full URI
     */
    public String getUri() {
        String value = cache().uri;
        if (value == null) {
            value = cache().uri = getScheme() + "://" + getNetloc() + getRelativeUri();
        }
        return value;
    }

    /**
     * Returns the full URI; the same as {@link #getUri()}. Falcon: {@code req.url}.
     *
     * @return the full URI
     */
    public String getUrl() {
        return getUri();
    }

    /**
     * Returns the URI the client used before any proxy, from the forwarded scheme and host.
     *
     * <p>Falcon: {@code req.forwarded_uri}.
     *
     * @return the full URI as the client saw it
     */
    public String getForwardedUri() {
        String value = cache().forwardedUri;
        if (value == null) {
            value = cache().forwardedUri = getForwardedScheme() + "://" + getForwardedHost() + getRelativeUri();
        }
        return value;
    }

    // ---------------------------------------------------------------- client address

    /**
     * Returns the peer's address (the client or the last proxy); {@code 127.0.0.1} if unknown.
     *
     * <p>Falcon: {@code req.remote_addr}.
     *
     * @return the peer's address, or {@code 127.0.0.1}
     */
    public String getRemoteAddr() {
        String addr = exchange.remoteAddr();
        return addr == null ? "127.0.0.1" : addr;
    }

    /**
     * Returns the addresses from the client to this server, client first.
     *
     * <p>Taken from the {@code for} of each {@code Forwarded} hop (port and brackets removed),
     * else {@code X-Forwarded-For}, else {@code X-Real-IP}; the peer address is appended unless
     * it is already last. The values are not validated and may be {@code unknown} or obfuscated
     * identifiers. Never trust them for security decisions without knowing your proxies.
     *
     * <p>Falcon: {@code req.access_route}.
     *
     * @return an unmodifiable list of addresses, never empty
     */
    public List<String> getAccessRoute() {
        List<String> route = cache().accessRoute;
        if (route == null) {
            route = new ArrayList<>(4);
            RequestHeaders h = exchange.headers();
            String xff;
            String realIp;
            if (h.get("Forwarded") != null) {
                for (Forwarded hop : getForwarded()) {
                    if (hop.getSrc() != null) {
                        route.add(hostOf(hop.getSrc()));
                    }
                }
            } else if ((xff = h.get("X-Forwarded-For")) != null) {
                for (String ip : xff.split(",", -1)) {
                    route.add(ip.strip());
                }
            } else if ((realIp = h.get("X-Real-IP")) != null) {
                route.add(realIp);
            }
            String remote = getRemoteAddr();
            if (route.isEmpty() || !route.get(route.size() - 1).equals(remote)) {
                route.add(remote);
            }
            route = cache().accessRoute = Collections.unmodifiableList(route);
        }
        return route;
    }

    // Falcon fails with a 500 on a node whose port is not a number; the node is kept as is here.
    private static String hostOf(String node) {
        try {
            return Uri.parseHost(node).host();
        } catch (IllegalArgumentException ex) {
            return node;
        }
    }

    /**
     * Returns the hops of the {@code Forwarded} header (RFC 7239), client first; {@code null}
     * without the header, and an empty list when nothing in it could be parsed.
     *
     * <p>Parsing is best effort and never fails; see {@link Forwarded#parse}. Falcon: {@code
     * req.forwarded}.
     *
     * @return an unmodifiable list of hops, or {@code null} without the header
     */
    public List<Forwarded> getForwarded() {
        List<Forwarded> value = cache().forwarded;
        if (value == null) {
            String header = exchange.headers().get("Forwarded");
            if (header == null) {
                return null;
            }
            value = cache().forwarded = Collections.unmodifiableList(Forwarded.parse(header));
        }
        return value;
    }

    // ---------------------------------------------------------------- context

    /**
     * Returns this request's context, made by the App's context factory on first use.
     *
     * <p>Falcon: {@code req.context}.
     *
     * @return the context of this request
     */
    public Context getContext() {
        Context c = context;
        if (c == null) {
            c = context = contextFactory == null ? new Context() : contextFactory.apply(this);
        }
        return c;
    }

    /**
     * Sets the factory of {@link #getContext()}; the App calls it with its own factory.
     *
     * @param factory makes the context from the request; {@code null} for a plain {@link Context}
     */
    void setContextFactory(Function<Request, ? extends Context> factory) {
        this.contextFactory = factory;
    }

    // ---------------------------------------------------------------- headers

    /**
     * Returns all headers, names in upper case as WSGI presents them; built once, read-only.
     *
     * <p>Falcon: {@code req.headers}.
     *
     * @return an unmodifiable map from upper-case name to value; repeats joined with commas
     */
    public Map<String, String> getHeaders() {
        Map<String, String> h = headers;
        if (h == null) {
            h = new LinkedHashMap<>();
            RequestHeaders source = exchange.headers();
            for (Map.Entry<String, String> e : source) {
                String name = e.getKey().toUpperCase(Locale.ROOT);
                h.merge(name, e.getValue(), (a, b) -> a + "," + b);
            }
            h = headers = Collections.unmodifiableMap(h);
        }
        return h;
    }

    /**
     * Returns all headers with names in lower case, as ASGI presents them: for middleware that
     * reads headers the same way under every adapter. Built once, read-only.
     *
     * <p>Falcon 4.0: {@code req.headers_lower}.
     *
     * @return an unmodifiable map from lower-case name to value; repeats joined with commas
     */
    public Map<String, String> getHeadersLower() {
        Map<String, String> h = cache().headersLower;
        if (h == null) {
            h = new LinkedHashMap<>();
            for (Map.Entry<String, String> e : exchange.headers()) {
                h.merge(e.getKey().toLowerCase(Locale.ROOT), e.getValue(), (a, b) -> a + "," + b);
            }
            h = cache().headersLower = Collections.unmodifiableMap(h);
        }
        return h;
    }

    /**
     * Returns header {@code name} as an integer, or {@code null} when absent.
     *
     * <p>Falcon 4.0: {@code req.get_header_as_int(name)}.
     *
     * @param name the header name, in any case
     * @return the value, or {@code null} when absent
     * @throws HTTPInvalidHeader when the value is not an integer (as Python's {@code int()} reads
     *     one: surrounding blanks, a sign and {@code _} between digits are allowed)
     */
    public Long getHeaderAsInt(String name) {
        return getHeaderAsInt(name, false);
    }

    /**
     * Returns header {@code name} as an integer.
     *
     * <p>Falcon 4.0: {@code req.get_header_as_int(name, required)}.
     *
     * @param name the header name, in any case
     * @param required whether an absent header is an error
     * @return the value, or {@code null} when absent and not required
     * @throws HTTPMissingHeader if {@code required} and the header is absent
     * @throws HTTPInvalidHeader when the value is not an integer
     */
    public Long getHeaderAsInt(String name, boolean required) {
        String value = getHeader(name, required);
        if (value == null) {
            return null;
        }
        Long n = PythonNumbers.parseInt(value);
        if (n == null) {
            throw new HTTPInvalidHeader("The value of the header must be an integer.", name);
        }
        return n;
    }

    /**
     * Returns the value of header {@code name} (any case), or {@code null}.
     *
     * <p>Falcon: {@code req.get_header}.
     *
     * @param name the header name, in any case
     * @return the value, or {@code null} when absent
     */
    public String getHeader(String name) {
        return exchange.headers().get(name);
    }

    /**
     * Returns the value of header {@code name} (any case).
     *
     * @param name the header name, in any case
     * @param required whether an absent header is an error
     * @return the value, or {@code null} when absent and not required
     * @throws HTTPMissingHeader if {@code required} and the header is absent
     */
    public String getHeader(String name, boolean required) {
        return getHeader(name, required, null);
    }

    /**
     * Returns the value of header {@code name}, or {@code defaultValue} when absent.
     *
     * @param name the header name, in any case
     * @param defaultValue returned when the header is absent
     * @return the value, or {@code defaultValue} when absent
     */
    public String getHeader(String name, String defaultValue) {
        return getHeader(name, false, defaultValue);
    }

    /**
     * Returns the value of header {@code name} (any case).
     *
     * <p>Falcon: {@code req.get_header(name, required, default)}.
     *
     * @param name the header name, in any case
     * @param required whether an absent header is an error
     * @param defaultValue returned when the header is absent and not required
     * @return the value, or {@code defaultValue} when absent and not required
     * @throws HTTPMissingHeader if {@code required} and the header is absent
     */
    public String getHeader(String name, boolean required, String defaultValue) {
        String value = exchange.headers().get(name);
        if (value == null) {
            if (required) {
                throw new HTTPMissingHeader(name);
            }
            return defaultValue;
        }
        return value;
    }

    /**
     * Returns an HTTP-date header as a (UTC) date-time, or {@code null} when absent.
     *
     * @param name the header name, in any case
     * @return the date-time, or {@code null} when absent
     */
    public LocalDateTime getHeaderAsDatetime(String name) {
        return getHeaderAsDatetime(name, false, false);
    }

    /**
     * Returns an HTTP-date header as a (UTC) date-time; see the full overload.
     *
     * @param name the header name, in any case
     * @param required whether an absent header is an error
     * @return the date-time, or {@code null} when absent and not required
     */
    public LocalDateTime getHeaderAsDatetime(String name, boolean required) {
        return getHeaderAsDatetime(name, required, false);
    }

    /**
     * Returns an HTTP-date header, e.g. {@code Tue, 15 Nov 1994 08:12:31 GMT}, as a date-time
     * in UTC.
     *
     * <p>Falcon: {@code req.get_header_as_datetime(header, required, obs_date)}.
     *
     * @param name the header name, in any case
     * @param required whether an absent header is an error
     * @param obsDate whether the obsolete RFC 850 and asctime forms are accepted too
     * @return the date-time, or {@code null} when absent and not required
     * @throws HTTPMissingHeader if {@code required} and the header is absent
     * @throws HTTPInvalidHeader if the value is not an HTTP-date (an empty value included)
     */
    public LocalDateTime getHeaderAsDatetime(String name, boolean required, boolean obsDate) {
        String value = getHeader(name, required, null);
        if (value == null) {
            return null;
        }
        LocalDateTime dt = HttpDates.httpDateToDt(value, obsDate);
        if (dt == null) {
            throw new HTTPInvalidHeader("It must be formatted according to RFC 7231, Section 7.1.1.1", name);
        }
        return dt;
    }

    // Falcon's header_property: a header that is absent or empty reads as None.
    private String nonEmptyHeader(String name) {
        String value = exchange.headers().get(name);
        return value == null || value.isEmpty() ? null : value;
    }

    /**
     * Returns the Content-Type header, or {@code null}. Falcon: {@code req.content_type}.
     *
     * @return the Content-Type value, or {@code null} when absent
     */
    public String getContentType() {
        return exchange.headers().get("Content-Type");
    }

    /**
     * Returns the Content-Length header as a number, or {@code null} when absent or empty.
     *
     * <p>Falcon: {@code req.content_length}.
     *
     * @return the length in bytes, or {@code null} when absent or empty
     * @throws HTTPInvalidHeader when it is not a non-negative integer
     */
    public Long getContentLength() {
        String value = exchange.headers().get("Content-Length");
        if (value == null || value.isEmpty()) {
            return null;
        }
        Long n = PythonNumbers.parseInt(value);
        if (n == null) {
            throw new HTTPInvalidHeader("The value of the header must be a number.", "Content-Length");
        }
        if (n < 0) {
            throw new HTTPInvalidHeader("The value of the header must be a positive number.", "Content-Length");
        }
        return n;
    }

    /**
     * Returns the Accept header, or {@code *}{@code /*} when absent or empty.
     *
     * <p>Falcon: {@code req.accept}.
     *
     * @return the Accept value; {@code *}{@code /*} when absent or empty
     */
    public String getAccept() {
        String accept = exchange.headers().get("Accept");
        return accept == null || accept.isEmpty() ? "*/*" : accept;
    }

    /**
     * Returns the User-Agent header, or {@code null} when absent or empty.
     *
     * <p>Falcon: {@code req.user_agent}.
     *
     * @return the User-Agent value, or {@code null} when absent or empty
     */
    public String getUserAgent() {
        return nonEmptyHeader("User-Agent");
    }

    /**
     * Returns the Authorization header, or {@code null} when absent or empty.
     *
     * <p>Falcon: {@code req.auth}.
     *
     * @return the Authorization value, or {@code null} when absent or empty
     */
    public String getAuth() {
        return nonEmptyHeader("Authorization");
    }

    /**
     * Returns the Expect header, or {@code null} when absent or empty. Falcon: {@code req.expect}.
     *
     * @return the Expect value, or {@code null} when absent or empty
     */
    public String getExpect() {
        return nonEmptyHeader("Expect");
    }

    /**
     * Returns the Referer header, or {@code null} when absent or empty.
     *
     * <p>Falcon: {@code req.referer}.
     *
     * @return the Referer value, or {@code null} when absent or empty
     */
    public String getReferer() {
        return nonEmptyHeader("Referer");
    }

    /**
     * Returns the raw If-Range header, or {@code null} when absent or empty.
     *
     * <p>Falcon: {@code req.if_range}.
     *
     * @return the If-Range value, or {@code null} when absent or empty
     */
    public String getIfRange() {
        return nonEmptyHeader("If-Range");
    }

    /**
     * Returns the Date header as a UTC date-time, or {@code null} when absent.
     *
     * <p>Falcon: {@code req.date}.
     *
     * @return the date-time, or {@code null} when absent
     * @throws HTTPInvalidHeader if it is not an HTTP-date
     */
    public LocalDateTime getDate() {
        return getHeaderAsDatetime("Date");
    }

    /**
     * Returns the If-Modified-Since header as a UTC date-time, or {@code null} when absent.
     *
     * <p>Falcon: {@code req.if_modified_since}.
     *
     * @return the date-time, or {@code null} when absent
     * @throws HTTPInvalidHeader if it is not an HTTP-date
     */
    public LocalDateTime getIfModifiedSince() {
        return getHeaderAsDatetime("If-Modified-Since");
    }

    /**
     * Returns the If-Unmodified-Since header as a UTC date-time, or {@code null} when absent.
     *
     * <p>Falcon: {@code req.if_unmodified_since}.
     *
     * @return the date-time, or {@code null} when absent
     * @throws HTTPInvalidHeader if it is not an HTTP-date
     */
    public LocalDateTime getIfUnmodifiedSince() {
        return getHeaderAsDatetime("If-Unmodified-Since");
    }

    /**
     * Returns the entity-tags of If-Match, or {@code null} when absent or blank.
     *
     * <p>{@code *} is returned as a single {@code ETag("*")}. A list whose members are not
     * quoted gives {@code null}. Falcon: {@code req.if_match}.
     *
     * @return an unmodifiable list of entity-tags, or {@code null}
     */
    public List<ETag> getIfMatch() {
        List<ETag> value = cache().ifMatch;
        if (value == null) {
            value = cache().ifMatch = parseEtags(exchange.headers().get("If-Match"));
        }
        return value;
    }

    /**
     * Returns the entity-tags of If-None-Match, or {@code null} when absent or blank.
     *
     * <p>Falcon: {@code req.if_none_match}; see {@link #getIfMatch()}.
     *
     * @return an unmodifiable list of entity-tags, or {@code null}
     */
    public List<ETag> getIfNoneMatch() {
        List<ETag> value = cache().ifNoneMatch;
        if (value == null) {
            value = cache().ifNoneMatch = parseEtags(exchange.headers().get("If-None-Match"));
        }
        return value;
    }

    // Falcon: request_helpers._parse_etags
    private static List<ETag> parseEtags(String header) {
        if (header == null) {
            return null;
        }
        String value = header.strip();
        if (value.isEmpty()) {
            return null;
        }
        if (value.equals("*")) {
            return List.of(new ETag("*"));
        }
        if (value.indexOf(',') < 0) {
            return List.of(ETag.loads(value));
        }
        // ([Ww]/)?"([^"]*)" found anywhere, as re.findall does
        List<ETag> tags = new ArrayList<>(4);
        int i = 0;
        while (true) {
            int open = value.indexOf('"', i);
            if (open < 0) {
                break;
            }
            int close = value.indexOf('"', open + 1);
            if (close < 0) {
                break;
            }
            boolean weak = open >= 2 && value.charAt(open - 1) == '/'
                    && (value.charAt(open - 2) == 'W' || value.charAt(open - 2) == 'w');
            tags.add(new ETag(value.substring(open + 1, close), weak));
            i = close + 1;
        }
        return tags.isEmpty() ? null : Collections.unmodifiableList(tags);
    }

    /**
     * Returns the Range header as {@code {first, last}} (inclusive), or {@code null} when absent.
     *
     * <p>{@code bytes=10-} gives {@code {10, -1}}; the suffix {@code bytes=-5} gives
     * {@code {-5, -1}}. Only a single range is supported. Falcon: {@code req.range}, a tuple.
     *
     * @return {@code {first, last}}, or {@code null} when the header is absent
     * @throws HTTPInvalidHeader if there is no unit, more than one range, no offsets, an
     *     offset that is not a number, {@code last < first}, or an empty suffix
     */
    public long[] getRange() {
        String value = exchange.headers().get("Range");
        if (value == null) {
            return null;
        }
        int eq = value.indexOf('=');
        if (eq < 0) {
            throw new HTTPInvalidHeader("The value must be prefixed with a range unit, e.g. 'bytes='", "Range");
        }
        String range = value.substring(eq + 1);
        if (range.indexOf(',') >= 0) {
            throw new HTTPInvalidHeader("The value must be a continuous range.", "Range");
        }
        int dash = range.indexOf('-');
        if (dash >= 0) {
            String first = range.substring(0, dash);
            String last = range.substring(dash + 1);
            if (!first.isEmpty() && !last.isEmpty()) {
                Long f = PythonNumbers.parseInt(first);
                Long l = PythonNumbers.parseInt(last);
                if (f != null && l != null && l >= f) {
                    return new long[] {f, l};
                }
            } else if (!first.isEmpty()) {
                Long f = PythonNumbers.parseInt(first);
                if (f != null) {
                    return new long[] {f, -1};
                }
            } else if (!last.isEmpty()) {
                Long l = PythonNumbers.parseInt(last);
                if (l != null && l > 0) { // also refuses Long.MIN_VALUE, whose negation overflows
                    return new long[] {-l, -1};
                }
            } else {
                throw new HTTPInvalidHeader("The range offsets are missing.", "Range");
            }
        }
        throw new HTTPInvalidHeader("It must be a range formatted according to RFC 7233.", "Range")
                .withHref(RANGE_HREF, RANGE_HREF_TEXT);
    }

    /**
     * Returns the unit of the Range header, e.g. {@code bytes}, or {@code null} when absent.
     *
     * <p>Falcon: {@code req.range_unit}.
     *
     * @return the range unit, or {@code null} when the header is absent
     * @throws HTTPInvalidHeader if the value has no {@code =}
     */
    public String getRangeUnit() {
        String value = exchange.headers().get("Range");
        if (value == null) {
            return null;
        }
        int eq = value.indexOf('=');
        if (eq < 0) {
            throw new HTTPInvalidHeader("The value must be prefixed with a range unit, e.g. 'bytes='", "Range");
        }
        return value.substring(0, eq);
    }

    // ---------------------------------------------------------------- negotiation

    /**
     * Returns whether the client accepts {@code mediaType} at all, by the Accept header.
     *
     * <p>Falcon: {@code req.client_accepts}. A malformed Accept header accepts nothing.
     *
     * @param mediaType a media type, e.g. {@code application/json}
     * @return {@code true} if the Accept header gives it a non-zero quality
     */
    public boolean clientAccepts(String mediaType) {
        String accept = getAccept();
        if (accept.equals(mediaType) || accept.equals("*/*")) {
            return true;
        }
        try {
            return MimeParse.quality(mediaType, accept) != 0.0;
        } catch (IllegalArgumentException ex) {
            return false;
        }
    }

    /**
     * Returns whether the client accepts {@code application/json}.
     *
     * <p>Falcon: {@code req.client_accepts_json}.
     *
     * @return {@code true} if the client accepts JSON
     */
    public boolean clientAcceptsJson() {
        return clientAccepts("application/json");
    }

    /**
     * Returns whether the client accepts {@code application/xml}.
     *
     * <p>Falcon: {@code req.client_accepts_xml}.
     *
     * @return {@code true} if the client accepts XML
     */
    public boolean clientAcceptsXml() {
        return clientAccepts("application/xml");
    }

    /**
     * Returns whether the client accepts {@code application/msgpack} or its x- variant.
     *
     * <p>Falcon: {@code req.client_accepts_msgpack}.
     *
     * @return {@code true} if the client accepts either MessagePack type
     */
    public boolean clientAcceptsMsgpack() {
        return clientAccepts("application/x-msgpack") || clientAccepts("application/msgpack");
    }

    /**
     * Returns the client's preferred type among {@code mediaTypes}, or {@code null}.
     *
     * <p>On a tie, the type listed last wins, as in Falcon 3. Falcon: {@code req.client_prefers}.
     *
     * @param mediaTypes the types the responder can produce
     * @return the best match, or {@code null} when none is acceptable or the Accept header is
     *     malformed
     */
    public String clientPrefers(List<String> mediaTypes) {
        try {
            String best = MimeParse.bestMatch(mediaTypes, getAccept());
            return best == null || best.isEmpty() ? null : best;
        } catch (IllegalArgumentException ex) {
            return null;
        }
    }

    // ---------------------------------------------------------------- cookies

    /**
     * Returns the cookies by name; when a name repeats, the first value wins.
     *
     * <p>Falcon: {@code req.cookies}.
     *
     * @return an unmodifiable map from cookie name to its first value
     */
    public Map<String, String> getCookies() {
        Map<String, String> first = cache().cookiesCollapsed;
        if (first == null) {
            first = new LinkedHashMap<>();
            for (Map.Entry<String, List<String>> e : parsedCookies().entrySet()) {
                first.put(e.getKey(), e.getValue().get(0));
            }
            first = cache().cookiesCollapsed = Collections.unmodifiableMap(first);
        }
        return first;
    }

    /**
     * Returns every value of cookie {@code name} (case-sensitive) in order, or {@code null}.
     *
     * <p>Falcon: {@code req.get_cookie_values}.
     *
     * @param name the cookie name, case-sensitive
     * @return an unmodifiable list of the values, or {@code null} when there is no such cookie
     */
    public List<String> getCookieValues(String name) {
        List<String> values = parsedCookies().get(name);
        return values == null ? null : Collections.unmodifiableList(values);
    }

    // Falcon: request_helpers.parse_cookie_header (RFC 6265 5.4, with http.cookies unquoting)
    private Map<String, List<String>> parsedCookies() {
        Map<String, List<String>> c = cookies;
        if (c == null) {
            c = new LinkedHashMap<>();
            // HTTP/2 may send several Cookie lines; they are one list (RFC 9113 8.2.3).
            for (String header : exchange.headers().getAll("Cookie")) {
                for (String pair : header.split(";", -1)) {
                    int eq = pair.indexOf('=');
                    String name = (eq < 0 ? pair : pair.substring(0, eq)).strip();
                    String value = eq < 0 ? "" : pair.substring(eq + 1).strip();
                    if (name.isEmpty() || !isCookieName(name)) {
                        continue;   // RFC 6265: a pair without a valid name is skipped
                    }
                    if (value.length() > 2 && value.charAt(0) == '"' && value.charAt(value.length() - 1) == '"') {
                        value = unquoteCookie(value);
                    }
                    c.computeIfAbsent(name, k -> new ArrayList<>(1)).add(value);
                }
            }
            cookies = c;
        }
        return c;
    }

    private static boolean isCookieName(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c <= 0x20 || c >= 0x7F || "()<>@,;:\\\"/[]?={}".indexOf(c) >= 0) {
                return false;
            }
        }
        return true;
    }

    // http.cookies._unquote: drop the quotes, turn \ooo (octal) and \c into the character.
    private static String unquoteCookie(String quoted) {
        String s = quoted.substring(1, quoted.length() - 1);
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                if (isOctal(s, i + 1)) {
                    out.append((char) Integer.parseInt(s.substring(i + 1, i + 4), 8));
                    i += 3;
                } else {
                    out.append(s.charAt(i + 1));
                    i++;
                }
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isOctal(String s, int i) {
        return i + 3 <= s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '3'
                && s.charAt(i + 1) >= '0' && s.charAt(i + 1) <= '7' && s.charAt(i + 2) >= '0' && s.charAt(i + 2) <= '7';
    }

    // ---------------------------------------------------------------- body

    // ---------------------------------------------------------------- async body, SSE, WebSocket

    /**
     * Returns the body as a publisher of chunks, to read it without blocking a thread; use it or
     * {@link #getStream()}, not both.
     *
     * <p>Falcon: {@code async for chunk in req.stream} ({@code falcon.asgi.Request}).
     *
     * @return the publisher of the body's chunks
     */
    public Flow.Publisher<ByteBuffer> getStreamAsync() {
        return exchange.bodyPublisher();
    }

    /**
     * Reads the whole body without blocking a thread. Falcon: {@code await req.stream.read()}.
     *
     * @return completes with the body bytes (empty when there is none)
     */
    public CompletableFuture<byte[]> readAllAsync() {
        return Publishers.readAll(getStreamAsync(), -1);
    }

    /**
     * Reads the body without blocking a thread, then deserializes it as {@link #getMedia()} does.
     *
     * <p>Falcon: {@code await req.get_media()} ({@code falcon.asgi.Request}).
     *
     * @return completes with the deserialized body, or fails with the errors of {@link #getMedia()}
     */
    public CompletableFuture<Object> getMediaAsync() {
        return bodyBuffered().thenApply(ignored -> getMedia());
    }

    /**
     * Reads the body without blocking a thread, then reads it into {@code type} as {@link
     * #getMedia(Class)} does.
     *
     * @param <T> the type wanted
     * @param type a record, a bean, ...
     * @return completes with the body as {@code type}, or fails with the errors of {@link
     *     #getMedia(Class)} (e.g. {@link MediaMalformedError} when it does not fit)
     */
    public <T> CompletableFuture<T> getMediaAsync(Class<T> type) {
        return bodyBuffered().thenApply(ignored -> getMedia(type));
    }

    /**
     * Reads the body without blocking a thread, then reads it into a generic type as {@link
     * #getMedia(TypeRef)} does.
     *
     * @param <T> the type wanted
     * @param type the type, captured by a {@link TypeRef}
     * @return completes with the body as the type, or fails with the errors of {@link
     *     #getMedia(TypeRef)}
     */
    public <T> CompletableFuture<T> getMediaAsync(TypeRef<T> type) {
        return bodyBuffered().thenApply(ignored -> getMedia(type));
    }

    private CompletableFuture<Void> bodyBuffered() {
        if (stream != null || media != UNSET || mediaError != null || typedMediaType() != null) {
            return CompletableFuture.completedFuture(null);
        }
        // The handlers read streams: the body is collected without blocking, then read from memory.
        return readAllAsync().thenAccept(body -> stream = new ByteArrayInputStream(body));
    }

    /**
     * Returns the {@code Last-Event-ID} header a reconnecting SSE client sends, or {@code null}.
     *
     * <p>Falcon 4.3: {@code req.last_event_id}, a header property, so an empty value is {@code
     * None} too.
     *
     * @return the event ID, or {@code null} when absent or empty
     */
    public String getLastEventId() {
        return nonEmptyHeader("Last-Event-ID");
    }

    /**
     * Returns whether this request is a WebSocket handshake. Falcon: {@code req.is_websocket}.
     *
     * @return {@code true} for a WebSocket handshake
     */
    public boolean isWebsocket() {
        return exchange.webSocket() != null;
    }

    /**
     * Returns the body stream; it ends with the body and never blocks past it.
     *
     * <p>Falcon: {@code req.stream}.
     *
     * @return the body stream, the same one on every call
     */
    public InputStream getStream() {
        InputStream s = stream;
        if (s == null) {
            s = stream = exchange.body();
        }
        return s;
    }

    /**
     * Returns the body stream; the same as {@link #getStream()}, which is always bounded here.
     *
     * <p>Falcon: {@code req.bounded_stream}.
     *
     * @return the body stream
     */
    public InputStream getBoundedStream() {
        return getStream();
    }

    /**
     * Returns the body deserialized by the handler for its Content-Type; parsed once and kept.
     *
     * <p>Falcon: {@code req.get_media()} / {@code req.media}.
     *
     * @return the deserialized body
     * @throws MediaNotFoundError when the body is empty
     * @throws MediaMalformedError when it cannot be parsed
     * @throws HTTPUnsupportedMediaType when no handler fits the Content-Type
     */
    public Object getMedia() {
        return media(UNSET);
    }

    /**
     * Returns the body deserialized, or {@code defaultWhenEmpty} when the body is empty.
     *
     * <p>Falcon: {@code req.get_media(default_when_empty=...)}.
     *
     * <p>A {@code null} default is written {@code getMedia((Object) null)}: a bare {@code null}
     * would fit the typed overloads too.
     *
     * @param defaultWhenEmpty returned instead of failing when the body is empty
     * @return the deserialized body, or {@code defaultWhenEmpty}
     */
    public Object getMedia(Object defaultWhenEmpty) {
        return media(defaultWhenEmpty);
    }

    /**
     * Returns the body read into {@code type}, e.g. a record: {@code Order order =
     * req.getMedia(Order.class)}. The handler for the Content-Type reads it (JSON straight into the
     * type; other handlers convert what they parsed), once: a second call with the same type
     * returns the same object, {@link #getMedia()} afterwards returns the body as maps and lists.
     *
     * <p>Falcon has no typed form (Python media is untyped); this is the Java user's {@code
     * bodyAsClass} (Javalin) or {@code body(Class)} (Jooby).
     *
     * @param <T> the type wanted
     * @param type a record, a bean, {@code Map}, {@code String}, ...
     * @return the body as {@code type}
     * @throws MediaNotFoundError when the body is empty
     * @throws MediaMalformedError (400, "Invalid JSON" for JSON) when it cannot be parsed or does
     *     not fit the type; the description names the field and what was expected
     * @throws MediaValidationError when the request options' {@link RequestOptions#mediaValidator}
     *     refuses the object (module {@code falcon-validation}: Bean Validation)
     * @throws HTTPUnsupportedMediaType when no handler fits the Content-Type
     */
    @SuppressWarnings("unchecked")
    public <T> T getMedia(Class<T> type) {
        return (T) typedMedia(type);
    }

    /**
     * Returns the body read into a generic type: {@code List<Order> orders = req.getMedia(new
     * TypeRef<List<Order>>() {})}. As {@link #getMedia(Class)}.
     *
     * @param <T> the type wanted
     * @param type the type, captured by a {@link TypeRef}
     * @return the body as the type
     * @throws MediaNotFoundError when the body is empty
     * @throws MediaMalformedError when it cannot be parsed or does not fit the type
     * @throws MediaValidationError when the request options' media validator refuses it
     * @throws HTTPUnsupportedMediaType when no handler fits the Content-Type
     */
    @SuppressWarnings("unchecked")
    public <T> T getMedia(TypeRef<T> type) {
        return (T) typedMedia(type.getType());
    }

    private Object typedMedia(Type type) {
        if (type.equals(cache().typedMediaType)) {
            if (cache().typedMediaInvalid != null) {
                throw cache().typedMediaInvalid;
            }
            return cache().typedMedia;
        }
        String contentType = getContentType();
        BaseHandler handler = options.mediaHandlers.resolve(contentType, options.defaultMediaType);
        Object value;
        if (media == UNSET && mediaError == null && typedMediaType() == null) {
            // The common case: the body is read once, straight into the type. A second type is
            // converted from the first read's result (the stream is spent).
            try {
                Long length = getContentLength();
                value = handler.deserialize(getStream(),
                        contentType == null ? options.defaultMediaType : contentType,
                        length == null ? -1 : length, type);
            } catch (RuntimeException ex) {
                mediaError = ex;
                throw ex;
            } catch (IOException ex) {
                mediaError = new UncheckedIOException(ex);
                throw mediaError;
            }
        } else {
            value = handler.convert(media(UNSET), type);
        }
        cache().typedMedia = value;
        cache().typedMediaType = type;
        cache().typedMediaInvalid = null;
        MediaValidator validator = options.mediaValidator;
        if (validator != null && value != null) {
            try {
                validator.validate(value);
            } catch (RuntimeException ex) {
                cache().typedMediaInvalid = ex;
                throw ex;
            }
        }
        return value;
    }

    private Object media(Object defaultWhenEmpty) {
        if (media != UNSET) {
            return media;
        }
        if (mediaError != null) {
            if (defaultWhenEmpty != UNSET && mediaError instanceof MediaNotFoundError) {
                return defaultWhenEmpty;
            }
            throw mediaError;
        }
        String contentType = getContentType();
        BaseHandler handler = options.mediaHandlers.resolve(contentType, options.defaultMediaType);
        if (typedMediaType() != null) {
            // The body was read into a type: its untyped form, as if it had been read first.
            media = handler.convert(cache().typedMedia, Object.class);
            return media;
        }
        try {
            Long length = getContentLength();
            media = handler.deserialize(getStream(), contentType == null ? options.defaultMediaType : contentType,
                    length == null ? -1 : length);
            return media;
        } catch (MediaNotFoundError ex) {
            mediaError = ex;
            if (defaultWhenEmpty != UNSET) {
                return defaultWhenEmpty;
            }
            throw ex;
        } catch (RuntimeException ex) {
            mediaError = ex;
            throw ex;
        } catch (IOException ex) {
            mediaError = new UncheckedIOException(ex);
            throw mediaError;
        }
    }

    /**
     * Reads the whole body as UTF-8 text (replacing invalid bytes).
     *
     * @return the body as text; empty when there is none
     */
    public String getBodyText() {
        try {
            return new String(getStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    // ---------------------------------------------------------------- query parameters

    /**
     * Returns the query parameters: name to {@code String}, or {@code List<String>} when repeated
     * or split on commas ({@link RequestOptions#autoParseQsCsv}).
     *
     * <p>With {@link RequestOptions#autoParseFormUrlencoded}, a URL-encoded form body (any method
     * but GET and HEAD, with a Content-Length) is read on first use and its fields replace query
     * parameters of the same name; a body that is not ASCII is ignored and logged, as in Falcon.
     *
     * <p>Falcon: {@code req.params}.
     *
     * @return the parameters by name, parsed on first use and kept
     */
    public Map<String, Object> getParams() {
        Map<String, Object> p = params;
        if (p == null) {
            String qs = getQueryString();
            p = params = qs.isEmpty() ? new LinkedHashMap<>()
                    : Uri.parseQueryString(qs, options.keepBlankQsValues, options.autoParseQsCsv);
            if (options.autoParseFormUrlencoded) {
                mergeForm(p);
            }
        }
        return p;
    }

    // Falcon: Request._parse_form_urlencoded
    private void mergeForm(Map<String, Object> p) {
        String type = getContentType();
        if (type == null || !type.contains("application/x-www-form-urlencoded")
                || method.equals("GET") || method.equals("HEAD")) {
            return;
        }
        Long length;
        try {
            length = getContentLength();
        } catch (HTTPInvalidHeader ex) {
            return;
        }
        if (length == null || length == 0) {
            return;
        }
        byte[] body;
        try {
            body = getStream().readNBytes((int) Math.min(length, Integer.MAX_VALUE));
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        for (byte b : body) {
            if (b < 0) {
                logError("Non-ASCII characters found in form body with Content-Type of "
                        + "application/x-www-form-urlencoded. Body will be ignored.");
                return;
            }
        }
        p.putAll(Uri.parseQueryString(new String(body, StandardCharsets.US_ASCII), options.keepBlankQsValues,
                options.autoParseQsCsv));
    }

    /**
     * Returns whether query parameter {@code name} is present. Falcon: {@code req.has_param}.
     *
     * @param name the parameter name
     * @return {@code true} if the parameter is present
     */
    public boolean hasParam(String name) {
        return getParams().containsKey(name);
    }

    /** Returns the raw value of {@code name}: the last one when repeated; {@code null} if absent. */
    private String lastValue(String name) {
        Object value = getParams().get(name);
        if (value instanceof List) {
            List<?> list = (List<?>) value;
            // NOTE: "?a=," without keepBlankQsValues gives an empty list; Falcon fails with a
            // 500 (IndexError) there, here the parameter reads as absent.
            return list.isEmpty() ? null : (String) list.get(list.size() - 1);
        }
        return (String) value;
    }

    private static <T> T absent(String name, boolean required, T defaultValue) {
        if (required) {
            throw new HTTPMissingParam(name);
        }
        return defaultValue;
    }

    /**
     * Returns query parameter {@code name} (the last value when repeated), or {@code null}.
     *
     * @param name the parameter name
     * @return the value, or {@code null} when absent
     */
    public String getParam(String name) {
        return getParam(name, false, null, null);
    }

    /**
     * Returns query parameter {@code name}.
     *
     * @param name the parameter name
     * @param required whether an absent parameter is an error
     * @return the value, or {@code null} when absent and not required
     * @throws HTTPMissingParam if {@code required} and absent
     */
    public String getParam(String name, boolean required) {
        return getParam(name, required, null, null);
    }

    /**
     * Returns query parameter {@code name}, or {@code defaultValue} when absent.
     *
     * @param name the parameter name
     * @param required whether an absent parameter is an error
     * @param defaultValue returned when the parameter is absent and not required
     * @return the value, or {@code defaultValue} when absent and not required
     * @throws HTTPMissingParam if {@code required} and absent
     */
    public String getParam(String name, boolean required, String defaultValue) {
        return getParam(name, required, null, defaultValue);
    }

    /**
     * Returns query parameter {@code name} as a string.
     *
     * <p>When the name repeats, the last value is returned (Falcon leaves it undefined).
     *
     * <p>Falcon: {@code req.get_param(name, required, store, default)}.
     *
     * @param name the parameter name
     * @param required whether an absent parameter is an error
     * @param store when not null and the parameter is present, receives {@code name -> value}
     * @param defaultValue returned when the parameter is absent and not required
     * @return the value, or {@code defaultValue} when absent and not required
     * @throws HTTPMissingParam if {@code required} and absent
     */
    public String getParam(String name, boolean required, Map<String, Object> store, String defaultValue) {
        return param(name, lastValue(name), required, store, defaultValue, (n, raw, a, b) -> raw, null, null);
    }

    private static Strptime strptime(String format) {
        Strptime s = FORMATS.get(format);
        if (s == null) {
            s = Strptime.of(format);
            if (FORMATS.size() < 64) {
                FORMATS.putIfAbsent(format, s);
            }
        }
        return s;
    }

    /** Falcon's {@code store=}: records a present parameter's converted value, then returns it. */
    private static <T> T stored(Map<String, Object> store, String name, T value) {
        if (store != null) {
            store.put(name, value);
        }
        return value;
    }

    /**
     * Converts the raw value of a present parameter, or throws {@link HTTPInvalidParam} naming it.
     *
     * <p>PERF: the getter's options (bounds, format, transform...) come in as {@code a} and {@code
     * b} rather than captured, so each parser is a constant and reading a parameter allocates no
     * lambda.
     */
    @FunctionalInterface
    private interface Parser<R, A, B, T> {
        T parse(String name, R raw, A a, B b);
    }

    /**
     * The steps every {@code getParamAs*} shares, in Falcon's order: an absent value ({@code raw}
     * null) is an {@link HTTPMissingParam} when required, else {@code defaultValue}; a present one
     * is parsed, then recorded in {@code store}.
     *
     * <p>The caller looks the value up, since not all do it alike: the last value, every value
     * ({@code getParamAsList}), or through {@code getParam}, which a subclass may override, as
     * Falcon's typed getters call {@code self.get_param}.
     */
    private static <R, A, B, T> T param(String name, R raw, boolean required, Map<String, Object> store,
            T defaultValue, Parser<R, A, B, T> parser, A a, B b) {
        if (raw == null) {
            return absent(name, required, defaultValue);
        }
        return stored(store, name, parser.parse(name, raw, a, b));
    }

    /**
     * Returns query parameter {@code name} as an Integer, or {@code null} when absent.
     *
     * @param name the parameter name
     * @return the value, or {@code null} when absent
     */
    public Integer getParamAsInt(String name) {
        return getParamAsInt(name, false, null, null, null, null);
    }

    /**
     * Returns query parameter {@code name} as an Integer; see the full overload.
     *
     * @param name the parameter name
     * @param required whether an absent parameter is an error
     * @return the value, or {@code null} when absent and not required
     */
    public Integer getParamAsInt(String name, boolean required) {
        return getParamAsInt(name, required, null, null, null, null);
    }

    /**
     * Returns query parameter {@code name} as an Integer; see the full overload.
     *
     * @param name the parameter name
     * @param required whether an absent parameter is an error
     * @param minValue the smallest value accepted, or {@code null}
     * @param maxValue the largest value accepted, or {@code null}
     * @param defaultValue returned when the parameter is absent and not required
     * @return the value, or {@code defaultValue} when absent and not required
     */
    public Integer getParamAsInt(String name, boolean required, Integer minValue, Integer maxValue,
            Integer defaultValue) {
        return getParamAsInt(name, required, minValue, maxValue, null, defaultValue);
    }

    /**
     * Returns query parameter {@code name} as an Integer.
     *
     * <p>Parsed as Python's {@code int()}: surrounding whitespace, a sign and {@code _} between
     * digits are accepted. Values outside the {@code int} range are invalid here (Python's
     * integers are unbounded).
     *
     * <p>Falcon: {@code req.get_param_as_int(name, required, min_value, max_value, store,
     * default)}.
     *
     * @param name the parameter name
     * @param required whether an absent parameter is an error
     * @param minValue the smallest value accepted, or {@code null}
     * @param maxValue the largest value accepted, or {@code null}
     * @param store when not null and the parameter is present, receives {@code name -> value}
     * @param defaultValue returned when the parameter is absent and not required
     * @return the value, or {@code defaultValue} if absent and not required
     * @throws HTTPInvalidParam if the value is not an integer or lies outside [min, max]
     * @throws HTTPMissingParam if required and absent
     */
    public Integer getParamAsInt(String name, boolean required, Integer minValue, Integer maxValue,
            Map<String, Object> store, Integer defaultValue) {
        return param(name, lastValue(name), required, store, defaultValue, Request::intParam, minValue, maxValue);
    }

    private static Integer intParam(String name, String raw, Integer minValue, Integer maxValue) {
        Long value = PythonNumbers.parseInt(raw);
        if (value == null || value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw new HTTPInvalidParam("The value must be an integer.", name);
        }
        if (minValue != null && value < minValue) {
            throw new HTTPInvalidParam("The value must be at least " + minValue, name);
        }
        if (maxValue != null && maxValue < value) {
            throw new HTTPInvalidParam("The value may not exceed " + maxValue, name);
        }
        return value.intValue();
    }

    /**
     * Returns query parameter {@code name} as a Double, or {@code null} when absent.
     *
     * @param name the parameter name
     * @return the value, or {@code null} when absent
     */
    public Double getParamAsFloat(String name) {
        return getParamAsFloat(name, false, null, null, null, null);
    }

    /**
     * Returns query parameter {@code name} as a Double; see the full overload.
     *
     * @param name the parameter name
     * @param required whether an absent parameter is an error
     * @return the value, or {@code null} when absent and not required
     */
    public Double getParamAsFloat(String name, boolean required) {
        return getParamAsFloat(name, required, null, null, null, null);
    }

    /**
     * Returns query parameter {@code name} as a Double; see the full overload.
     *
     * @param name the parameter name
     * @param required whether an absent parameter is an error
     * @param minValue the smallest value accepted, or {@code null}
     * @param maxValue the largest value accepted, or {@code null}
     * @param defaultValue returned when the parameter is absent and not required
     * @return the value, or {@code defaultValue} when absent and not required
     */
    public Double getParamAsFloat(String name, boolean required, Double minValue, Double maxValue,
            Double defaultValue) {
        return getParamAsFloat(name, required, minValue, maxValue, null, defaultValue);
    }

    /**
     * Returns query parameter {@code name} as a Double.
     *
     * <p>Parsed as Python's {@code float()}: {@code 1e3}, {@code .5}, {@code inf} and {@code nan}
     * are accepted; {@code 0x10} and {@code 1.5f} are not.
     *
     * <p>Falcon: {@code req.get_param_as_float(name, required, min_value, max_value, store,
     * default)}.
     *
     * @param name the parameter name
     * @param required whether an absent parameter is an error
     * @param minValue the smallest value accepted, or {@code null}
     * @param maxValue the largest value accepted, or {@code null}
     * @param store when not null and the parameter is present, receives {@code name -> value}
     * @param defaultValue returned when the parameter is absent and not required
     * @return the value, or {@code defaultValue} if absent and not required
     * @throws HTTPInvalidParam if the value is not a number or lies outside [min, max]
     * @throws HTTPMissingParam if required and absent
     */
    public Double getParamAsFloat(String name, boolean required, Double minValue, Double maxValue,
            Map<String, Object> store, Double defaultValue) {
        return param(name, lastValue(name), required, store, defaultValue, Request::floatParam, minValue, maxValue);
    }

    private static Double floatParam(String name, String raw, Double minValue, Double maxValue) {
        Double value = PythonNumbers.parseFloat(raw);
        if (value == null) {
            throw new HTTPInvalidParam("The value must be a float.", name);
        }
        if (minValue != null && value < minValue) {
            throw new HTTPInvalidParam("The value must be at least " + PythonNumbers.formatFloat(minValue), name);
        }
        if (maxValue != null && maxValue < value) {
            throw new HTTPInvalidParam("The value may not exceed " + PythonNumbers.formatFloat(maxValue), name);
        }
        return value;
    }

    /**
     * Returns query parameter {@code name} as a Boolean, or {@code null} when absent.
     *
     * @param name the parameter name
     * @return the value, or {@code null} when absent
     */
    public Boolean getParamAsBool(String name) {
        return getParamAsBool(name, false, null, true, null);
    }

    /**
     * Returns query parameter {@code name} as a Boolean; see the full overload.
     *
     * @param name the parameter name
     * @param required whether an absent parameter is an error
     * @return the value, or {@code null} when absent and not required
     */
    public Boolean getParamAsBool(String name, boolean required) {
        return getParamAsBool(name, required, null, true, null);
    }

    /**
     * Returns query parameter {@code name} as a Boolean; see the full overload.
     *
     * @param name the parameter name
     * @param required whether an absent parameter is an error
     * @param blankAsTrue whether a blank value reads as {@code true} rather than {@code false}
     * @param defaultValue returned when the parameter is absent and not required
     * @return the value, or {@code defaultValue} when absent and not required
     */
    public Boolean getParamAsBool(String name, boolean required, boolean blankAsTrue, Boolean defaultValue) {
        return getParamAsBool(name, required, null, blankAsTrue, defaultValue);
    }

    /**
     * Returns query parameter {@code name} as a Boolean.
     *
     * <p>True: {@code true True t yes y 1 on}; false: {@code false False f no n 0 off}; a blank
     * value ({@code ?flag} or {@code ?flag=}) is {@code blankAsTrue}.
     *
     * <p>Falcon: {@code req.get_param_as_bool(name, required, store, blank_as_true, default)}.
     *
     * @param name the parameter name
     * @param required whether an absent parameter is an error
     * @param store when not null and the parameter is present, receives {@code name -> value}
     * @param blankAsTrue whether a blank value reads as {@code true} rather than {@code false}
     * @param defaultValue returned when the parameter is absent and not required
     * @return the value, or {@code defaultValue} when absent and not required
     * @throws HTTPInvalidParam for any other value
     * @throws HTTPMissingParam if required and absent
     */
    public Boolean getParamAsBool(String name, boolean required, Map<String, Object> store, boolean blankAsTrue,
            Boolean defaultValue) {
        return param(name, lastValue(name), required, store, defaultValue, Request::boolParam, blankAsTrue, null);
    }

    private static Boolean boolParam(String name, String raw, Boolean blankAsTrue, Object unused) {
        switch (raw) {
            case "true": case "True": case "t": case "yes": case "y": case "1": case "on":
                return Boolean.TRUE;
            case "false": case "False": case "f": case "no": case "n": case "0": case "off":
                return Boolean.FALSE;
            case "":
                return blankAsTrue;
            default:
                throw new HTTPInvalidParam("The value of the parameter must be \"true\" or \"false\".", name);
        }
    }

    /**
     * Returns query parameter {@code name} as a UUID, or {@code null} when absent.
     *
     * @param name the parameter name
     * @return the value, or {@code null} when absent
     */
    public UUID getParamAsUuid(String name) {
        return getParamAsUuid(name, false, null, null);
    }

    /**
     * Returns query parameter {@code name} as a UUID; see the full overload.
     *
     * @param name the parameter name
     * @param required whether an absent parameter is an error
     * @return the value, or {@code null} when absent and not required
     */
    public UUID getParamAsUuid(String name, boolean required) {
        return getParamAsUuid(name, required, null, null);
    }

    /**
     * Returns query parameter {@code name} as a UUID.
     *
     * <p>Accepted as Python's {@code UUID(hex)} accepts it: 32 hex digits in any case, with or
     * without hyphens, braces or a {@code urn:uuid:} prefix.
     *
     * <p>Falcon: {@code req.get_param_as_uuid(name, required, store, default)}.
     *
     * @param name the parameter name
     * @param required whether an absent parameter is an error
     * @param store when not null and the parameter is present, receives {@code name -> value}
     * @param defaultValue returned when the parameter is absent and not required
     * @return the value, or {@code defaultValue} when absent and not required
     * @throws HTTPInvalidParam if the value is not a UUID
     * @throws HTTPMissingParam if required and absent
     */
    public UUID getParamAsUuid(String name, boolean required, Map<String, Object> store, UUID defaultValue) {
        return param(name, lastValue(name), required, store, defaultValue, Request::uuidParam, null, null);
    }

    private static UUID uuidParam(String name, String raw, Object unusedA, Object unusedB) {
        UUID value = parseUuid(raw);
        if (value == null) {
            throw new HTTPInvalidParam("The value must be a UUID string.", name);
        }
        return value;
    }

    // Python's uuid.UUID(hex): drop "urn:", "uuid:", surrounding braces and hyphens.
    private static UUID parseUuid(String raw) {
        String hex = raw.replace("urn:", "").replace("uuid:", "");
        int from = 0;
        int to = hex.length();
        while (from < to && (hex.charAt(from) == '{' || hex.charAt(from) == '}')) {
            from++;
        }
        while (to > from && (hex.charAt(to - 1) == '{' || hex.charAt(to - 1) == '}')) {
            to--;
        }
        hex = hex.substring(from, to).replace("-", "");
        if (hex.length() != 32) {
            return null;
        }
        for (int i = 0; i < 32; i++) {
            if (Character.digit(hex.charAt(i), 16) < 0 || hex.charAt(i) > 'f') {
                return null;
            }
        }
        return new UUID(Long.parseUnsignedLong(hex.substring(0, 16), 16),
                Long.parseUnsignedLong(hex.substring(16), 16));
    }

    /**
     * Returns every value of query parameter {@code name}, or {@code null} when absent.
     *
     * @param name the parameter name
     * @return a new list of the values, or {@code null} when absent
     */
    public List<String> getParamAsList(String name) {
        return getParamAsList(name, null, false, null, null);
    }

    /**
     * Returns every value of query parameter {@code name}, transformed; see the full overload.
     *
     * @param <T> the type of the transformed items
     * @param name the parameter name
     * @param transform applied to each item, or {@code null} to keep the strings
     * @return the transformed values, or {@code null} when absent
     */
    public <T> List<T> getParamAsList(String name, Function<String, T> transform) {
        return getParamAsList(name, transform, false, null, null);
    }

    /**
     * Returns every value of query parameter {@code name}, transformed; see the full overload.
     *
     * @param <T> the type of the transformed items
     * @param name the parameter name
     * @param transform applied to each item, or {@code null} to keep the strings
     * @param required whether an absent parameter is an error
     * @param defaultValue returned when the parameter is absent and not required
     * @return the transformed values, or {@code defaultValue} when absent and not required
     */
    public <T> List<T> getParamAsList(String name, Function<String, T> transform, boolean required,
            List<T> defaultValue) {
        return getParamAsList(name, transform, required, null, defaultValue);
    }

    /**
     * Returns every value of query parameter {@code name}, each passed through {@code transform}.
     *
     * <p>Values come from repeated names ({@code ?t=1&t=2}) and, with {@link
     * RequestOptions#autoParseQsCsv}, from commas ({@code ?t=1,2}); blank items are kept per
     * {@link RequestOptions#keepBlankQsValues}.
     *
     * <p>Falcon: {@code req.get_param_as_list(name, transform, required, store, default)}.
     *
     * @param <T> the type of the transformed items
     * @param name the parameter name
     * @param transform applied to each item, or null; a RuntimeException from it (e.g. {@code
     *     NumberFormatException} from {@code Integer::valueOf}, {@code DateTimeParseException} from
     *     {@code LocalDate::parse}) makes the value invalid; an HTTPError it throws is passed on
     * @param required whether an absent parameter is an error
     * @param store when not null and the parameter is present, receives {@code name -> list}
     * @param defaultValue returned when the parameter is absent and not required
     * @return the transformed values, or {@code defaultValue} when absent and not required
     * @throws HTTPInvalidParam if {@code transform} throws a RuntimeException other than an HTTPError
     * @throws HTTPMissingParam if required and absent
     */
    public <T> List<T> getParamAsList(String name, Function<String, T> transform, boolean required,
            Map<String, Object> store, List<T> defaultValue) {
        // Every value, not the last: a present parameter with no values ("?a=,") is an empty list.
        return param(name, getParams().get(name), required, store, defaultValue, Request::listParam, transform, null);
    }

    /**
     * Returns query parameter {@code name} as a list, a single value split on {@code delimiter}.
     *
     * <p>Falcon 4.3: {@code req.get_param_as_list(name, delimiter=...)}.
     *
     * @param name the parameter name
     * @param delimiter {@code ","}, {@code "|"}, {@code " "}, or OpenAPI's {@code "pipeDelimited"}
     *     or {@code "spaceDelimited"}; a repeated parameter is not split
     * @return the values, or {@code null} when absent
     * @throws IllegalArgumentException for another delimiter
     */
    public List<String> getParamAsList(String name, String delimiter) {
        return getParamAsList(name, null, false, null, null, delimiter);
    }

    /**
     * Returns query parameter {@code name} as a list, each item transformed; a single value is
     * first split on {@code delimiter} (after percent-decoding; {@code keepBlankQsValues} does not
     * apply to the split).
     *
     * <p>Falcon 4.3: {@code req.get_param_as_list(name, transform, required, store, default,
     * delimiter)}.
     *
     * @param <T> the item type
     * @param name the parameter name
     * @param transform converts each item, or {@code null} to keep the strings
     * @param required whether an absent parameter is an error
     * @param store a map to put the value in when present, or {@code null}
     * @param defaultValue returned when the parameter is absent and not required
     * @param delimiter {@code ","}, {@code "|"}, {@code " "}, {@code "pipeDelimited"}, {@code
     *     "spaceDelimited"}, or {@code null} for none
     * @return the items, or {@code defaultValue} when absent and not required
     * @throws HTTPMissingParam if {@code required} and the parameter is absent
     * @throws HTTPInvalidParam if {@code transform} fails on an item
     * @throws IllegalArgumentException for an unsupported delimiter
     */
    public <T> List<T> getParamAsList(String name, Function<String, T> transform, boolean required,
            Map<String, Object> store, List<T> defaultValue, String delimiter) {
        Object raw = getParams().get(name);
        if (delimiter != null) {
            char sep = delimiterChar(delimiter);
            if (raw instanceof String) {
                raw = split((String) raw, sep);
            }
        }
        return param(name, raw, required, store, defaultValue, Request::listParam, transform, null);
    }

    private static char delimiterChar(String delimiter) {
        switch (delimiter) {
            case ",":
                return ',';
            case "|":
            case "pipeDelimited":
                return '|';
            case " ":
            case "spaceDelimited":
                return ' ';
            default:
                throw new IllegalArgumentException("Unsupported delimiter value: '" + delimiter
                        + "'; supported: (',', '|', ' ', 'pipeDelimited', 'spaceDelimited')");
        }
    }

    /** Python's {@code str.split(sep)}: every piece, empty ones included. */
    private static List<String> split(String value, char sep) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) == sep) {
                parts.add(value.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(value.substring(start));
        return parts;
    }

    /**
     * Returns query parameter {@code name} as a map from an alternating key/value list ({@code
     * color=R,100,G,200} with {@code autoParseQsCsv}, or a repeated parameter), or {@code null}.
     *
     * <p>Falcon 4.3: {@code req.get_param_as_dict(name)}.
     *
     * @param name the parameter name
     * @return the map, or {@code null} when absent
     * @throws HTTPInvalidParam when the list has an odd number of items
     */
    public Map<String, String> getParamAsDict(String name) {
        return getParamAsDict(name, false, false, null, null, null);
    }

    /**
     * Returns query parameter {@code name} as a map: an alternating key/value list (split on
     * {@code delimiter} when given), or with {@code deepObject} OpenAPI's {@code deepObject} style
     * ({@code color[R]=100&color[G]=200}; a repeated key gives its first value).
     *
     * <p>Falcon 4.3: {@code req.get_param_as_dict(name, required, deep_object, delimiter, store,
     * default)}.
     *
     * @param name the parameter name
     * @param required whether an absent parameter is an error
     * @param deepObject whether to read {@code name[key]=value} parameters
     * @param delimiter as in {@link #getParamAsList(String, Function, boolean, Map, List, String)};
     *     ignored with {@code deepObject}
     * @param store a map to put the value in when present, or {@code null}
     * @param defaultValue returned when the parameter is absent and not required
     * @return the map (in the order of the keys), or {@code defaultValue}
     * @throws HTTPMissingParam if {@code required} and the parameter is absent
     * @throws HTTPInvalidParam when the list has an odd number of items
     */
    @SuppressWarnings("unchecked")
    public Map<String, String> getParamAsDict(String name, boolean required, boolean deepObject, String delimiter,
            Map<String, Object> store, Map<String, String> defaultValue) {
        Map<String, String> output;
        if (deepObject) {
            Map<String, String> found = new LinkedHashMap<>();
            String prefix = name + "[";
            for (Map.Entry<String, Object> e : getParams().entrySet()) {
                String key = e.getKey();
                if (key.length() > prefix.length() && key.startsWith(prefix) && key.endsWith("]")) {
                    Object value = e.getValue();
                    String first = value instanceof List
                            ? (((List<String>) value).isEmpty() ? "" : ((List<String>) value).get(0))
                            : (String) value;
                    found.put(key.substring(prefix.length(), key.length() - 1), first);
                }
            }
            if (found.isEmpty()) {
                if (required) {
                    throw new HTTPMissingParam(name);
                }
                output = defaultValue;
            } else {
                output = found;
            }
        } else {
            List<String> items = getParamAsList(name, null, required, null, null, delimiter);
            if (items == null) {
                output = defaultValue;
            } else if (items.size() % 2 != 0) {
                throw new HTTPInvalidParam("The number of list elements must be even.", name);
            } else {
                output = new LinkedHashMap<>();
                for (int i = 0; i < items.size(); i += 2) {
                    output.put(items.get(i), items.get(i + 1));
                }
            }
        }
        if (output != null && store != null) {
            store.put(name, output);
        }
        return output;
    }

    /**
     * Returns query parameter {@code name} deserialized by the request media handler for {@code
     * mediaType} (e.g. a JSON document in one parameter, OpenAPI's {@code content} field), or
     * {@code null} when absent.
     *
     * <p>Falcon 4.3: {@code req.get_param_as_media(name, media_type)}.
     *
     * @param name the parameter name
     * @param mediaType the media type, or {@code null} for the default media type
     * @return the deserialized value, or {@code null} when absent
     * @throws HTTPInvalidParam when the value cannot be deserialized
     * @throws IllegalArgumentException when no handler is registered for the media type
     */
    public Object getParamAsMedia(String name, String mediaType) {
        return paramAsMedia(name, mediaType, false, Object.class);
    }

    /**
     * Returns query parameter {@code name} deserialized into {@code type} (a record, a bean, ...)
     * by the request media handler for {@code mediaType}.
     *
     * @param <T> the type wanted
     * @param name the parameter name
     * @param mediaType the media type, or {@code null} for the default media type
     * @param required whether an absent parameter is an error
     * @param type the type wanted
     * @return the value as {@code type}, or {@code null} when absent and not required
     * @throws HTTPMissingParam if {@code required} and the parameter is absent
     * @throws HTTPInvalidParam when the value cannot be deserialized or does not fit the type
     * @throws MediaValidationError when the request options' media validator refuses the value
     * @throws IllegalArgumentException when no handler is registered for the media type
     */
    @SuppressWarnings("unchecked")
    public <T> T getParamAsMedia(String name, String mediaType, boolean required, Class<T> type) {
        return (T) paramAsMedia(name, mediaType, required, type);
    }

    private Object paramAsMedia(String name, String mediaType, boolean required, Type type) {
        String value = getParam(name, required);
        if (value == null) {
            return null;
        }
        String mt = mediaType == null ? options.defaultMediaType : mediaType;
        BaseHandler handler = handlerFor(mt);
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        Object media;
        try {
            media = handler.deserialize(new ByteArrayInputStream(bytes), mt, bytes.length, type);
        } catch (HTTPBadRequest ex) {
            throw new HTTPInvalidParam("It could not be deserialized as '" + mt + "'.", name);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return validated(media, type);
    }

    /** Runs the request options' media validator on a typed read, as {@link #getMedia(Class)} does. */
    private Object validated(Object media, Type type) {
        MediaValidator validator = options.mediaValidator;
        if (validator != null && media != null && type != Object.class) {
            validator.validate(media);
        }
        return media;
    }

    /**
     * Returns the whole query string, percent-decoded, deserialized by the request media handler
     * for {@code mediaType} (OpenAPI 3.2's {@code querystring} parameter location).
     *
     * <p>Falcon 4.3: {@code req.get_query_string_as_media(media_type)}.
     *
     * @param mediaType the media type, or {@code null} for the default media type
     * @return the deserialized query string
     * @throws MediaNotFoundError when the query string is empty (from the JSON handler)
     * @throws MediaMalformedError when it cannot be parsed
     * @throws IllegalArgumentException when no handler is registered for the media type
     */
    public Object getQueryStringAsMedia(String mediaType) {
        return queryStringAsMedia(mediaType, Object.class);
    }

    /**
     * Returns the whole query string, percent-decoded, read into {@code type} by the request media
     * handler for {@code mediaType}.
     *
     * @param <T> the type wanted
     * @param mediaType the media type, or {@code null} for the default media type
     * @param type the type wanted
     * @return the query string as {@code type}
     * @throws MediaNotFoundError when the query string is empty (from the JSON handler)
     * @throws MediaMalformedError when it cannot be parsed or does not fit the type
     * @throws MediaValidationError when the request options' media validator refuses it
     * @throws IllegalArgumentException when no handler is registered for the media type
     */
    @SuppressWarnings("unchecked")
    public <T> T getQueryStringAsMedia(String mediaType, Class<T> type) {
        return (T) queryStringAsMedia(mediaType, type);
    }

    private Object queryStringAsMedia(String mediaType, Type type) {
        String mt = mediaType == null ? options.defaultMediaType : mediaType;
        BaseHandler handler = handlerFor(mt);
        byte[] bytes = Uri.decode(getQueryString(), false).getBytes(StandardCharsets.UTF_8);
        try {
            return validated(handler.deserialize(new ByteArrayInputStream(bytes), mt, bytes.length, type), type);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private BaseHandler handlerFor(String mediaType) {
        try {
            return options.mediaHandlers.resolve(mediaType, options.defaultMediaType);
        } catch (HTTPUnsupportedMediaType ex) {
            throw new IllegalArgumentException("No media handler is configured for '" + mediaType
                    + "'. Please ensure the media type is registered in RequestOptions.mediaHandlers.", ex);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> listParam(String name, Object value, Function<String, T> transform, Object unused) {
        List<String> items = value instanceof List ? (List<String>) value : List.of((String) value);
        List<T> out;
        if (transform == null) {
            out = (List<T>) new ArrayList<>(items);
        } else {
            out = new ArrayList<>(items.size());
            try {
                for (String item : items) {
                    out.add(transform.apply(item));
                }
            } catch (HTTPError | HTTPStatus ex) {
                throw ex; // the transform's own answer
            } catch (RuntimeException ex) {
                // e.g. Integer::parseInt, LocalDate::parse (DateTimeParseException): a client's
                // value, never a 500
                throw new HTTPInvalidParam("The value is not formatted correctly.", name);
            }
        }
        return out;
    }

    /**
     * Returns query parameter {@code name} as a date-time ({@value #DEFAULT_DATETIME_FORMAT}), or
     * {@code null}.
     *
     * @param name the parameter name
     * @return the date-time, or {@code null} when absent
     */
    public LocalDateTime getParamAsDatetime(String name) {
        return getParamAsDatetime(name, DEFAULT_DATETIME_FORMAT, false, null, null);
    }

    /**
     * Returns query parameter {@code name} as a date-time; see the full overload.
     *
     * @param name the parameter name
     * @param formatString the {@code strptime} format, e.g. {@value #DEFAULT_DATETIME_FORMAT}
     * @return the date-time, or {@code null} when absent
     */
    public LocalDateTime getParamAsDatetime(String name, String formatString) {
        return getParamAsDatetime(name, formatString, false, null, null);
    }

    /**
     * Returns query parameter {@code name} as a date-time; see the full overload.
     *
     * @param name the parameter name
     * @param formatString the {@code strptime} format, e.g. {@value #DEFAULT_DATETIME_FORMAT}
     * @param required whether an absent parameter is an error
     * @return the date-time, or {@code null} when absent and not required
     */
    public LocalDateTime getParamAsDatetime(String name, String formatString, boolean required) {
        return getParamAsDatetime(name, formatString, required, null, null);
    }

    /**
     * Returns query parameter {@code name} parsed with a {@code strptime} format.
     *
     * <p>See {@link Strptime} for the directives. With {@code %z} the offset is checked, then
     * dropped: the result is the date-time as written (Python returns an aware datetime).
     *
     * <p>Falcon: {@code req.get_param_as_datetime(name, format_string, required, store,
     * default)}.
     *
     * @param name the parameter name
     * @param formatString e.g. {@value #DEFAULT_DATETIME_FORMAT}
     * @param required whether an absent parameter is an error
     * @param store when not null and the parameter is present, receives {@code name -> value}
     * @param defaultValue returned when the parameter is absent and not required
     * @return the date-time, or {@code defaultValue} when absent and not required
     * @throws HTTPInvalidParam if the value does not match the format
     * @throws HTTPMissingParam if required and absent
     * @throws IllegalArgumentException if the format has an unsupported directive
     */
    public LocalDateTime getParamAsDatetime(String name, String formatString, boolean required,
            Map<String, Object> store, LocalDateTime defaultValue) {
        // Falcon: get_param has already refused a missing required value; None means the default.
        return param(name, getParam(name, required), false, store, defaultValue, Request::datetimeParam,
                formatString, null);
    }

    private static LocalDateTime datetimeParam(String name, String raw, String formatString, Object unused) {
        Object parsed = strptime(formatString).parse(raw);
        if (parsed == null) {
            throw new HTTPInvalidParam("The date value does not match the required format.", name);
        }
        return parsed instanceof OffsetDateTime ? ((OffsetDateTime) parsed).toLocalDateTime()
                : (LocalDateTime) parsed;
    }

    /**
     * Returns query parameter {@code name} as a date ({@value #DEFAULT_DATE_FORMAT}), or
     * {@code null}.
     *
     * @param name the parameter name
     * @return the date, or {@code null} when absent
     */
    public LocalDate getParamAsDate(String name) {
        return getParamAsDate(name, DEFAULT_DATE_FORMAT, false, null, null);
    }

    /**
     * Returns query parameter {@code name} as a date; see the full overload.
     *
     * @param name the parameter name
     * @param formatString the {@code strptime} format, e.g. {@value #DEFAULT_DATE_FORMAT}
     * @return the date, or {@code null} when absent
     */
    public LocalDate getParamAsDate(String name, String formatString) {
        return getParamAsDate(name, formatString, false, null, null);
    }

    /**
     * Returns query parameter {@code name} as a date; see the full overload.
     *
     * @param name the parameter name
     * @param formatString the {@code strptime} format, e.g. {@value #DEFAULT_DATE_FORMAT}
     * @param required whether an absent parameter is an error
     * @return the date, or {@code null} when absent and not required
     */
    public LocalDate getParamAsDate(String name, String formatString, boolean required) {
        return getParamAsDate(name, formatString, required, null, null);
    }

    /**
     * Returns query parameter {@code name} parsed as a date with a {@code strptime} format.
     *
     * <p>Falcon: {@code req.get_param_as_date(name, format_string, required, store, default)}.
     *
     * @param name the parameter name
     * @param formatString the {@code strptime} format, e.g. {@value #DEFAULT_DATE_FORMAT}
     * @param required whether an absent parameter is an error
     * @param store when not null and the parameter is present, receives {@code name -> date}
     * @param defaultValue returned when the parameter is absent and not required
     * @return the date, or {@code defaultValue} when absent and not required
     * @throws HTTPInvalidParam if the value does not match the format
     * @throws HTTPMissingParam if required and absent
     */
    public LocalDate getParamAsDate(String name, String formatString, boolean required, Map<String, Object> store,
            LocalDate defaultValue) {
        // Falcon: through get_param_as_datetime, which has already refused a missing required value.
        return param(name, getParamAsDatetime(name, formatString, required, null, null), false, store, defaultValue,
                (n, dt, a, b) -> dt.toLocalDate(), null, null);
    }

    /**
     * Returns query parameter {@code name} parsed as JSON, or {@code null} when absent.
     *
     * @param name the parameter name
     * @return the parsed value, or {@code null} when absent
     */
    public Object getParamAsJson(String name) {
        return getParamAsJson(name, false, null, null);
    }

    /**
     * Returns query parameter {@code name} parsed as JSON; see the full overload.
     *
     * @param name the parameter name
     * @param required whether an absent parameter is an error
     * @return the parsed value, or {@code null} when absent and not required
     */
    public Object getParamAsJson(String name, boolean required) {
        return getParamAsJson(name, required, null, null);
    }

    /**
     * Returns query parameter {@code name} parsed as JSON (maps, lists, strings, numbers...).
     *
     * <p>Parsed by the request's JSON handler when it is a {@link JSONHandler}. With {@link
     * RequestOptions#autoParseQsCsv}, literal commas split the value first: use percent-encoded
     * commas.
     *
     * <p>Falcon: {@code req.get_param_as_json(name, required, store, default)}.
     *
     * @param name the parameter name
     * @param required whether an absent parameter is an error
     * @param store when not null and the parameter is present, receives {@code name -> value}
     * @param defaultValue returned when the parameter is absent and not required
     * @return the parsed value, or {@code defaultValue} when absent and not required
     * @throws HTTPInvalidParam if the value is not JSON (an empty value included)
     * @throws HTTPMissingParam if required and absent
     */
    public Object getParamAsJson(String name, boolean required, Map<String, Object> store, Object defaultValue) {
        // Falcon: get_param has already refused a missing required value; None means the default.
        return param(name, getParam(name, required), false, store, defaultValue, Request::jsonParam, options, null);
    }

    private static Object jsonParam(String name, String raw, RequestOptions options, Object unused) {
        BaseHandler handler = options.mediaHandlers.get("application/json");
        JSONHandler json = handler instanceof JSONHandler ? (JSONHandler) handler : JSONHandler.falconDefault();
        try {
            if (raw.isBlank()) {
                throw new IOException("empty");   // Falcon: MediaNotFoundError, a 400
            }
            return json.parse(raw);
        } catch (IOException | RuntimeException ex) {
            throw new HTTPInvalidParam("It could not be parsed as JSON.", name);
        }
    }

    /**
     * Logs an error with the request line. Falcon: {@code req.log_error}.
     *
     * @param message the text to log after the method and relative URI
     */
    public void logError(String message) {
        System.getLogger("falcon").log(System.Logger.Level.ERROR,
                method + " " + getRelativeUri() + ": " + message);
    }

    @Override
    public String toString() {
        return "<Request: " + method + " '" + getUri() + "'>";
    }
}
