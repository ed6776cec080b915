package falcon;

import falcon.gateway.Exchange;
import falcon.gateway.RequestHeaders;
import falcon.internal.MimeParse;
import falcon.media.BaseHandler;
import falcon.media.JSONHandler;
import falcon.uri.Uri;
import falcon.util.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * An HTTP request, as the responders, hooks and middleware see it.
 *
 * <p>Everything is read from the adapter's exchange on first use and then kept: an app that
 * never looks at the cookies never parses them. A request belongs to one exchange and one thread
 * at a time, so nothing here is locked.
 *
 * <p>Falcon: {@code falcon.Request}.
 */
public class Request {

    private static final Object UNSET = new Object();

    private final Exchange exchange;
    private final RequestOptions options;
    private final String method;
    private String path;
    private String uriTemplate;
    private Context context;
    private Function<Request, ? extends Context> contextFactory;

    private Map<String, Object> params;
    private Map<String, String> headers;
    private Map<String, List<String>> cookies;
    private Object media = UNSET;
    private RuntimeException mediaError;
    private InputStream stream;

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
        String decoded = raw.isEmpty() ? "/" : Uri.decode(raw);
        if (options.stripUrlPathTrailingSlash && decoded.length() > 1 && decoded.endsWith("/")) {
            decoded = decoded.substring(0, decoded.length() - 1);
        }
        this.path = decoded;
    }

    /** Returns the exchange this request came from (for adapters and advanced use). */
    public Exchange getExchange() {
        return exchange;
    }

    /** Returns the App's request options. */
    public RequestOptions getOptions() {
        return options;
    }

    /** Returns the request method, e.g. {@code GET}. Falcon: {@code req.method}. */
    public String getMethod() {
        return method;
    }

    /**
     * Returns the percent-decoded path, e.g. {@code /books/9780}; {@code +} is kept as is.
     *
     * <p>Falcon: {@code req.path}.
     */
    public String getPath() {
        return path;
    }

    /** Changes the path before routing, from {@code processRequest}: the request is re-routed. */
    public void setPath(String path) {
        this.path = path;
    }

    /** Returns the raw query string without {@code ?}, or an empty string. */
    public String getQueryString() {
        return exchange.queryString();
    }

    /** Returns the template of the matched route, or {@code null} before routing or for sinks. */
    public String getUriTemplate() {
        return uriTemplate;
    }

    /** Sets the matched template; the App calls this after routing. */
    public void setUriTemplate(String uriTemplate) {
        this.uriTemplate = uriTemplate;
    }

    /** Returns the protocol of the request line, e.g. {@code HTTP/1.1}. */
    public String getProtocol() {
        return exchange.protocol();
    }

    /** Returns {@code http} or {@code https}. Falcon: {@code req.scheme}. */
    public String getScheme() {
        return exchange.scheme();
    }

    /** Returns the host from the Host header (without port), else the server's host. */
    public String getHost() {
        String host = exchange.headers().get("Host");
        if (host == null || host.isEmpty()) {
            return exchange.serverHost();
        }
        return stripPort(host);
    }

    /** Returns the port from the Host header, else the scheme's default, else the server's port. */
    public int getPort() {
        String host = exchange.headers().get("Host");
        if (host != null && !host.isEmpty()) {
            int colon = host.lastIndexOf(':');
            int bracket = host.lastIndexOf(']');
            if (colon > bracket) {
                try {
                    return Integer.parseInt(host.substring(colon + 1));
                } catch (NumberFormatException ex) {
                    // fall through to the scheme's default, as Falcon does for a bad port
                }
            }
            return "https".equals(getScheme()) ? 443 : 80;
        }
        return exchange.serverPort();
    }

    /** Returns {@code host[:port]}, without the port when it is the scheme's default. */
    public String getNetloc() {
        String host = getHost();
        int port = getPort();
        boolean defaultPort = "https".equals(getScheme()) ? port == 443 : port == 80;
        return defaultPort ? host : host + ":" + port;
    }

    /** Returns the path the App is mounted under (WSGI {@code SCRIPT_NAME}), or empty. */
    public String getRootPath() {
        return exchange.rootPath();
    }

    /** Returns {@code scheme://netloc/rootPath}. Falcon: {@code req.prefix}. */
    public String getPrefix() {
        return getScheme() + "://" + getNetloc() + getRootPath();
    }

    /** Returns the root path, path and query string. Falcon: {@code req.relative_uri}. */
    public String getRelativeUri() {
        String qs = getQueryString();
        return getRootPath() + path + (qs.isEmpty() ? "" : "?" + qs);
    }

    /** Returns the full URI. Falcon: {@code req.uri} (alias {@code url}). */
    public String getUri() {
        return getPrefix() + path + (getQueryString().isEmpty() ? "" : "?" + getQueryString());
    }

    /** Returns the peer's address. Falcon: {@code req.remote_addr}. */
    public String getRemoteAddr() {
        return exchange.remoteAddr();
    }

    /**
     * Returns this request's context, made by the App's context factory on first use.
     *
     * <p>Falcon: {@code req.context}.
     */
    public Context getContext() {
        Context c = context;
        if (c == null) {
            c = context = contextFactory == null ? new Context() : contextFactory.apply(this);
        }
        return c;
    }

    /** Sets the factory of {@link #getContext()}; the App calls it with its own factory. */
    public void setContextFactory(Function<Request, ? extends Context> factory) {
        this.contextFactory = factory;
    }

    // ---------------------------------------------------------------- headers

    /**
     * Returns all headers, names in upper case as WSGI presents them; built once, read-only.
     *
     * <p>Falcon: {@code req.headers}.
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

    /** Returns the value of header {@code name} (any case), or {@code null}. */
    public String getHeader(String name) {
        return exchange.headers().get(name);
    }

    /**
     * Returns the value of header {@code name}.
     *
     * @throws HTTPMissingHeader if {@code required} and the header is absent
     */
    public String getHeader(String name, boolean required) {
        String value = exchange.headers().get(name);
        if (value == null && required) {
            throw new HTTPMissingHeader(name);
        }
        return value;
    }

    /** Returns the value of header {@code name}, or {@code defaultValue} when absent. */
    public String getHeader(String name, String defaultValue) {
        String value = exchange.headers().get(name);
        return value == null ? defaultValue : value;
    }

    /** Returns the Content-Type header, or {@code null}. */
    public String getContentType() {
        return exchange.headers().get("Content-Type");
    }

    /**
     * Returns the Content-Length header as a number, or {@code null} when absent or empty.
     *
     * @throws HTTPInvalidHeader when it is not a non-negative integer
     */
    public Long getContentLength() {
        String value = exchange.headers().get("Content-Length");
        if (value == null || value.isEmpty()) {
            return null;
        }
        long n;
        try {
            n = Long.parseLong(value.trim());
        } catch (NumberFormatException ex) {
            throw new HTTPInvalidHeader("The value of the header must be a number.", "Content-Length");
        }
        if (n < 0) {
            throw new HTTPInvalidHeader("The value of the header must be a positive number.", "Content-Length");
        }
        return n;
    }

    /** Returns the Accept header, or {@code *}{@code /*} when absent. */
    public String getAccept() {
        String accept = exchange.headers().get("Accept");
        return accept == null || accept.isEmpty() ? "*/*" : accept;
    }

    /** Returns the User-Agent header, or {@code null}. */
    public String getUserAgent() {
        return exchange.headers().get("User-Agent");
    }

    /** Returns the Authorization header, or {@code null}. Falcon: {@code req.auth}. */
    public String getAuth() {
        return exchange.headers().get("Authorization");
    }

    /** Returns whether the client accepts {@code mediaType} at all. */
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

    /** Returns whether the client accepts {@code application/json}. */
    public boolean clientAcceptsJson() {
        return clientAccepts("application/json");
    }

    /** Returns whether the client accepts {@code application/xml}. */
    public boolean clientAcceptsXml() {
        return clientAccepts("application/xml");
    }

    /** Returns whether the client accepts {@code application/msgpack} or its x- variant. */
    public boolean clientAcceptsMsgpack() {
        return clientAccepts("application/x-msgpack") || clientAccepts("application/msgpack");
    }

    /**
     * Returns the client's preferred type among {@code mediaTypes}, or {@code null}.
     *
     * <p>On a tie, the type listed last wins, as in Falcon 3.
     */
    public String clientPrefers(List<String> mediaTypes) {
        try {
            return MimeParse.bestMatch(mediaTypes, getAccept());
        } catch (IllegalArgumentException ex) {
            return null;
        }
    }

    // ---------------------------------------------------------------- cookies

    /** Returns the cookies by name; when a name repeats, the first value wins. */
    public Map<String, String> getCookies() {
        Map<String, String> first = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : parsedCookies().entrySet()) {
            first.put(e.getKey(), e.getValue().get(0));
        }
        return first;
    }

    /** Returns every value of cookie {@code name} in order, or {@code null} when absent. */
    public List<String> getCookieValues(String name) {
        return parsedCookies().get(name);
    }

    private Map<String, List<String>> parsedCookies() {
        Map<String, List<String>> c = cookies;
        if (c == null) {
            c = new LinkedHashMap<>();
            for (String header : exchange.headers().getAll("Cookie")) {
                for (String pair : header.split(";")) {
                    int eq = pair.indexOf('=');
                    if (eq <= 0) {
                        continue; // RFC 6265 5.2: a pair without a name is skipped
                    }
                    String name = pair.substring(0, eq).trim();
                    String value = pair.substring(eq + 1).trim();
                    if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                        value = value.substring(1, value.length() - 1);
                    }
                    if (!name.isEmpty()) {
                        c.computeIfAbsent(name, k -> new ArrayList<>(1)).add(value);
                    }
                }
            }
            cookies = c;
        }
        return c;
    }

    // ---------------------------------------------------------------- body

    /** Returns the body stream; it ends with the body and never blocks past it. */
    public InputStream getStream() {
        InputStream s = stream;
        if (s == null) {
            s = stream = exchange.body();
        }
        return s;
    }

    /** Returns the body stream; the same as {@link #getStream()}, which is always bounded here. */
    public InputStream getBoundedStream() {
        return getStream();
    }

    /**
     * Returns the body deserialized by the handler for its Content-Type; parsed once and kept.
     *
     * <p>Falcon: {@code req.get_media()} / {@code req.media}.
     *
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
     */
    public Object getMedia(Object defaultWhenEmpty) {
        return media(defaultWhenEmpty);
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

    /** Reads the whole body as UTF-8 text (replacing invalid bytes). */
    public String getBodyText() {
        try {
            return new String(getStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    // ---------------------------------------------------------------- query parameters

    /**
     * Returns the query parameters: name to {@code String}, or {@code List<String>} when repeated.
     *
     * <p>Falcon: {@code req.params}.
     */
    public Map<String, Object> getParams() {
        Map<String, Object> p = params;
        if (p == null) {
            p = params = Uri.parseQueryString(getQueryString(), options.keepBlankQsValues, options.autoParseQsCsv);
            if (options.autoParseFormUrlencoded) {
                mergeForm(p);
            }
        }
        return p;
    }

    @SuppressWarnings("unchecked")
    private void mergeForm(Map<String, Object> p) {
        String type = getContentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            return;
        }
        Map<String, Object> form = Uri.parseQueryString(getBodyText(), options.keepBlankQsValues,
                options.autoParseQsCsv);
        for (Map.Entry<String, Object> e : form.entrySet()) {
            Object old = p.get(e.getKey());
            if (old == null) {
                p.put(e.getKey(), e.getValue());
            } else {
                List<String> merged = new ArrayList<>();
                addAll(merged, old);
                addAll(merged, e.getValue());
                p.put(e.getKey(), merged);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static void addAll(List<String> to, Object value) {
        if (value instanceof List) {
            to.addAll((List<String>) value);
        } else {
            to.add((String) value);
        }
    }

    /** Returns whether query parameter {@code name} is present. */
    public boolean hasParam(String name) {
        return getParams().containsKey(name);
    }

    /** Returns the raw value of {@code name}: the last one when repeated; {@code null} if absent. */
    private String lastValue(String name) {
        Object value = getParams().get(name);
        if (value instanceof List) {
            List<?> list = (List<?>) value;
            return list.isEmpty() ? null : (String) list.get(list.size() - 1);
        }
        return (String) value;
    }

    /** Returns query parameter {@code name} (the last value when repeated), or {@code null}. */
    public String getParam(String name) {
        return lastValue(name);
    }

    /**
     * Returns query parameter {@code name}.
     *
     * @throws HTTPMissingParam if {@code required} and absent
     */
    public String getParam(String name, boolean required) {
        return getParam(name, required, null);
    }

    /**
     * Returns query parameter {@code name}, or {@code defaultValue} when absent.
     *
     * @throws HTTPMissingParam if {@code required} and absent
     */
    public String getParam(String name, boolean required, String defaultValue) {
        String value = lastValue(name);
        if (value == null) {
            if (required) {
                throw new HTTPMissingParam(name);
            }
            return defaultValue;
        }
        return value;
    }

    /** Returns query parameter {@code name} as an Integer, or {@code null} when absent. */
    public Integer getParamAsInt(String name) {
        return getParamAsInt(name, false, null, null, null);
    }

    /** Returns query parameter {@code name} as an Integer; see the full overload. */
    public Integer getParamAsInt(String name, boolean required) {
        return getParamAsInt(name, required, null, null, null);
    }

    /**
     * Returns query parameter {@code name} as an Integer.
     *
     * <p>Falcon: {@code req.get_param_as_int(name, required, min_value, max_value, default)}.
     *
     * @return the value, or {@code defaultValue} if absent and not required
     * @throws HTTPInvalidParam if the value is not an integer or lies outside [min, max]
     * @throws HTTPMissingParam if required and absent
     */
    public Integer getParamAsInt(String name, boolean required, Integer minValue, Integer maxValue,
            Integer defaultValue) {
        String raw = lastValue(name);
        if (raw == null) {
            if (required) {
                throw new HTTPMissingParam(name);
            }
            return defaultValue;
        }
        long value;
        try {
            value = Long.parseLong(raw.strip());
        } catch (NumberFormatException ex) {
            throw new HTTPInvalidParam("The value must be an integer.", name);
        }
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw new HTTPInvalidParam("The value must be an integer.", name);
        }
        if (minValue != null && value < minValue) {
            throw new HTTPInvalidParam("The value must be at least " + minValue, name);
        }
        if (maxValue != null && value > maxValue) {
            throw new HTTPInvalidParam("The value may not exceed " + maxValue, name);
        }
        return (int) value;
    }

    /**
     * Returns query parameter {@code name} as a Double.
     *
     * @throws HTTPInvalidParam if the value is not a number or lies outside [min, max]
     * @throws HTTPMissingParam if required and absent
     */
    public Double getParamAsFloat(String name, boolean required, Double minValue, Double maxValue,
            Double defaultValue) {
        String raw = lastValue(name);
        if (raw == null) {
            if (required) {
                throw new HTTPMissingParam(name);
            }
            return defaultValue;
        }
        double value;
        try {
            value = Double.parseDouble(raw.strip());
        } catch (NumberFormatException ex) {
            throw new HTTPInvalidParam("The value must be a float.", name);
        }
        if (minValue != null && value < minValue) {
            throw new HTTPInvalidParam("The value must be at least " + minValue, name);
        }
        if (maxValue != null && value > maxValue) {
            throw new HTTPInvalidParam("The value may not exceed " + maxValue, name);
        }
        return value;
    }

    /** Returns query parameter {@code name} as a Double, or {@code null} when absent. */
    public Double getParamAsFloat(String name) {
        return getParamAsFloat(name, false, null, null, null);
    }

    /** Returns query parameter {@code name} as a Boolean, or {@code null} when absent. */
    public Boolean getParamAsBool(String name) {
        return getParamAsBool(name, false, true, null);
    }

    /**
     * Returns query parameter {@code name} as a Boolean.
     *
     * <p>True: {@code true True t yes y 1 on}; false: {@code false False f no n 0 off}; a blank
     * value is {@code blankAsTrue}.
     *
     * @throws HTTPInvalidParam for any other value
     * @throws HTTPMissingParam if required and absent
     */
    public Boolean getParamAsBool(String name, boolean required, boolean blankAsTrue, Boolean defaultValue) {
        String raw = lastValue(name);
        if (raw == null) {
            if (required) {
                throw new HTTPMissingParam(name);
            }
            return defaultValue;
        }
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
     * @throws HTTPInvalidParam if the value is not a UUID
     */
    public UUID getParamAsUuid(String name, boolean required) {
        String raw = lastValue(name);
        if (raw == null) {
            if (required) {
                throw new HTTPMissingParam(name);
            }
            return null;
        }
        try {
            if (raw.length() != 36) {
                throw new IllegalArgumentException();
            }
            return UUID.fromString(raw);
        } catch (IllegalArgumentException ex) {
            throw new HTTPInvalidParam("The value must be a UUID string.", name);
        }
    }

    /** Returns every value of query parameter {@code name}, or {@code null} when absent. */
    public List<String> getParamAsList(String name) {
        return getParamAsList(name, null, false, null);
    }

    /**
     * Returns every value of query parameter {@code name}, each passed through {@code transform}.
     *
     * @throws HTTPInvalidParam if {@code transform} throws IllegalArgumentException
     * @throws HTTPMissingParam if required and absent
     */
    @SuppressWarnings("unchecked")
    public <T> List<T> getParamAsList(String name, Function<String, T> transform, boolean required,
            List<T> defaultValue) {
        Object value = getParams().get(name);
        if (value == null) {
            if (required) {
                throw new HTTPMissingParam(name);
            }
            return defaultValue;
        }
        List<String> items = value instanceof List ? (List<String>) value : List.of((String) value);
        if (transform == null) {
            return (List<T>) new ArrayList<>(items);
        }
        List<T> out = new ArrayList<>(items.size());
        try {
            for (String item : items) {
                out.add(transform.apply(item));
            }
        } catch (IllegalArgumentException ex) {
            throw new HTTPInvalidParam("The value is not formatted correctly.", name);
        }
        return out;
    }

    /**
     * Returns query parameter {@code name} parsed as JSON, or {@code null} when absent.
     *
     * @throws HTTPInvalidParam if the value is not JSON
     */
    public Object getParamAsJson(String name, boolean required) {
        String raw = lastValue(name);
        if (raw == null) {
            if (required) {
                throw new HTTPMissingParam(name);
            }
            return null;
        }
        BaseHandler handler = options.mediaHandlers.get("application/json");
        try {
            if (handler instanceof JSONHandler) {
                return ((JSONHandler) handler).parse(raw);
            }
            return new JSONHandler().parse(raw);
        } catch (IOException ex) {
            throw new HTTPInvalidParam("It could not be parsed as JSON.", name);
        }
    }

    /** Logs an error with the request line, as Falcon's {@code req.log_error} does. */
    public void logError(String message) {
        System.getLogger("falcon").log(System.Logger.Level.ERROR,
                method + " " + getRelativeUri() + ": " + message);
    }

    private static String stripPort(String host) {
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            return end > 0 ? host.substring(0, end + 1) : host;
        }
        int colon = host.indexOf(':');
        return colon >= 0 ? host.substring(0, colon) : host;
    }

    @Override
    public String toString() {
        return "<Request: " + method + " '" + getUri() + "'>";
    }
}
