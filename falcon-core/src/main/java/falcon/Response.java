package falcon;

import falcon.media.BaseHandler;
import falcon.util.Context;
import falcon.util.HttpDates;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * An HTTP response, as responders, hooks and middleware build it.
 *
 * <p>Set one of {@link #setText}, {@link #setData}, {@link #setMedia} or {@link #setStream}.
 * Header names are case-insensitive and sent in lower case, as Falcon sends them.
 *
 * <p>Falcon: {@code falcon.Response}.
 */
public class Response {

    private static final Object UNSET = new Object();

    private final ResponseOptions options;
    private int statusCode = 200;
    private String statusLine = Status.HTTP_200;
    // Lower-case name -> value, in the order first set (Falcon's resp._headers).
    private final Map<String, String> headers = new LinkedHashMap<>(8);
    private List<String> extraHeaders;
    private Map<String, String> cookies;

    private String text;
    private byte[] data;
    private Object media;
    private Object mediaRendered = UNSET;
    private InputStream stream;
    private boolean complete;
    private Context context;
    private Function<Response, ? extends Context> contextFactory;
    private List<Runnable> afterSent;

    /** Creates a response with the App's options; the status is {@code 200 OK}. */
    public Response(ResponseOptions options) {
        this.options = options;
    }

    /** Returns the App's response options. */
    public ResponseOptions getOptions() {
        return options;
    }

    // ---------------------------------------------------------------- status

    /** Returns the status line, e.g. {@code 200 OK}. Falcon: {@code resp.status}. */
    public String getStatus() {
        return statusLine;
    }

    /** Returns the status code, e.g. {@code 200}. */
    public int getStatusCode() {
        return statusCode;
    }

    /**
     * Sets the status from a status line such as {@code "404 Not Found"} ({@link Status#HTTP_404}).
     *
     * @throws IllegalArgumentException when it does not start with a three-digit code
     */
    public void setStatus(String status) {
        this.statusCode = Status.httpStatusToCode(status);
        this.statusLine = status.length() == 3 ? Status.codeToHttpStatus(statusCode) : status;
    }

    /** Sets the status from a code; the reason phrase is the standard one. */
    public void setStatus(int code) {
        this.statusCode = code;
        this.statusLine = Status.codeToHttpStatus(code);
    }

    // ---------------------------------------------------------------- body

    /** Returns the text body, or {@code null}. */
    public String getText() {
        return text;
    }

    /** Sets the body as text, sent UTF-8 encoded. Falcon: {@code resp.text}. */
    public void setText(String text) {
        this.text = text;
    }

    /** Returns the body bytes, or {@code null}. */
    public byte[] getData() {
        return data;
    }

    /** Sets the body as bytes: the fastest way. Falcon: {@code resp.data}. */
    public void setData(byte[] data) {
        this.data = data;
    }

    /** Returns the media object, or {@code null}. */
    public Object getMedia() {
        return media;
    }

    /**
     * Sets an object to serialize with the handler for the Content-Type (JSON by default).
     *
     * <p>Falcon: {@code resp.media}.
     */
    public void setMedia(Object media) {
        this.media = media;
        this.mediaRendered = UNSET;
    }

    /** Returns the body stream, or {@code null}. */
    public InputStream getStream() {
        return stream;
    }

    /** Sets a stream as the body; it is closed after sending. Falcon: {@code resp.stream}. */
    public void setStream(InputStream stream) {
        this.stream = stream;
    }

    /**
     * Sets a stream as the body with its length. Falcon: {@code resp.set_stream(stream, length)}.
     */
    public void setStream(InputStream stream, long contentLength) {
        this.stream = stream;
        setContentLength(contentLength);
    }

    /**
     * Returns the body as bytes: text, else data, else the serialized media; {@code null} if none.
     *
     * <p>Serializing media sets the default Content-Type if none was set. Falcon: {@code
     * resp.render_body()}.
     *
     * @throws HTTPUnsupportedMediaType when no handler can serialize the Content-Type
     */
    public byte[] renderBody() {
        if (text != null) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        if (data != null) {
            return data;
        }
        if (media != null) {
            if (mediaRendered == UNSET) {
                String type = getContentType();
                if (type == null) {
                    type = options.defaultMediaType;
                    setContentType(type);
                }
                BaseHandler handler = options.mediaHandlers.resolve(type, options.defaultMediaType);
                mediaRendered = handler.serialize(media, type);
            }
            return (byte[]) mediaRendered;
        }
        return null;
    }

    /** Clears text, data and media: the App does so before running an error handler. */
    public void clearBody() {
        text = null;
        data = null;
        media = null;
        mediaRendered = UNSET;
    }

    // ---------------------------------------------------------------- state

    /** Returns whether processing was cut short: the responder (and the rest) will not run. */
    public boolean isComplete() {
        return complete;
    }

    /**
     * Marks the response complete: later {@code processRequest}/{@code processResource} methods
     * and the responder are skipped; {@code processResponse} still runs. Falcon: {@code
     * resp.complete}.
     */
    public void setComplete(boolean complete) {
        this.complete = complete;
    }

    /** Returns this response's context. Falcon: {@code resp.context}. */
    public Context getContext() {
        Context c = context;
        if (c == null) {
            c = context = contextFactory == null ? new Context() : contextFactory.apply(this);
        }
        return c;
    }

    /** Sets the factory of {@link #getContext()}; the App calls it with its own factory. */
    public void setContextFactory(Function<Response, ? extends Context> factory) {
        this.contextFactory = factory;
    }

    /**
     * Runs {@code callback} after the response has been sent; not run when the request ended in
     * an unhandled error. Falcon: {@code resp.schedule_sync}.
     */
    public void scheduleSync(Runnable callback) {
        if (afterSent == null) {
            afterSent = new ArrayList<>(2);
        }
        afterSent.add(callback);
    }

    /** Returns the scheduled callbacks (for adapters); empty when none. */
    public List<Runnable> getScheduled() {
        return afterSent == null ? List.of() : afterSent;
    }

    // ---------------------------------------------------------------- headers

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    private static void refuseSetCookie(String key, String method) {
        if (key.equals("set-cookie")) {
            throw new IllegalArgumentException(method + " cannot be used with Set-Cookie: use setCookie or "
                    + "appendHeader");
        }
    }

    /**
     * Sets a header, replacing any value; a {@code null} value deletes it.
     *
     * @throws IllegalArgumentException for Set-Cookie (use {@link #setCookie} or appendHeader)
     */
    public void setHeader(String name, String value) {
        String k = key(name);
        refuseSetCookie(k, "setHeader");
        if (value == null) {
            headers.remove(k);
        } else {
            headers.put(k, value);
        }
    }

    /**
     * Appends a value to a header, comma-separated; Set-Cookie lines are kept separate.
     *
     * <p>Falcon: {@code resp.append_header}.
     */
    public void appendHeader(String name, String value) {
        String k = key(name);
        if (k.equals("set-cookie")) {
            if (extraHeaders == null) {
                extraHeaders = new ArrayList<>(4);
            }
            extraHeaders.add(name);
            extraHeaders.add(value);
            return;
        }
        String old = headers.get(k);
        headers.put(k, old == null ? value : old + ", " + value);
    }

    /** Sets several headers; the last value of a repeated name wins. */
    public void setHeaders(Map<String, String> values) {
        for (Map.Entry<String, String> e : values.entrySet()) {
            setHeader(e.getKey(), e.getValue());
        }
    }

    /**
     * Returns the value of a header, or {@code null}.
     *
     * @throws IllegalArgumentException for Set-Cookie
     */
    public String getHeader(String name) {
        String k = key(name);
        refuseSetCookie(k, "getHeader");
        return headers.get(k);
    }

    /** Returns the value of a header, or {@code defaultValue}. */
    public String getHeader(String name, String defaultValue) {
        String value = getHeader(name);
        return value == null ? defaultValue : value;
    }

    /**
     * Deletes a header; nothing happens when it is absent.
     *
     * @throws IllegalArgumentException for Set-Cookie (use {@link #unsetCookie})
     */
    public void deleteHeader(String name) {
        String k = key(name);
        refuseSetCookie(k, "deleteHeader");
        headers.remove(k);
    }

    /** Returns a copy of the headers, names in lower case, cookies left out. */
    public Map<String, String> getHeaders() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    /** Returns the Content-Type header, or {@code null}. */
    public String getContentType() {
        return headers.get("content-type");
    }

    /** Sets the Content-Type header. */
    public void setContentType(String value) {
        setHeader("Content-Type", value);
    }

    /** Returns the Content-Length header, or {@code null}. */
    public String getContentLength() {
        return headers.get("content-length");
    }

    /** Sets the Content-Length header. */
    public void setContentLength(long length) {
        headers.put("content-length", Long.toString(length));
    }

    /** Sets the Location header. */
    public void setLocation(String location) {
        setHeader("Location", location);
    }

    // ---------------------------------------------------------------- cookies

    /** Sets a cookie with Falcon's defaults: HttpOnly, and Secure per the response options. */
    public void setCookie(String name, String value) {
        setCookie(name, value, null, null, null, null, null, true, null);
    }

    /**
     * Sets a cookie; attributes are written in the order Python's {@code http.cookies} uses.
     *
     * <p>Falcon: {@code resp.set_cookie(name, value, expires, max_age, domain, path, secure,
     * http_only, same_site)}.
     *
     * @param expires when it expires, or null
     * @param maxAge its lifetime in seconds, or null
     * @param secure whether Secure is set; null for {@link ResponseOptions#secureCookiesByDefault}
     * @param sameSite {@code Strict}, {@code Lax} or {@code None}, or null
     * @throws IllegalArgumentException when the name is not a token or the value has bad characters
     */
    public void setCookie(String name, String value, TemporalAccessor expires, Integer maxAge, String domain,
            String path, Boolean secure, boolean httpOnly, String sameSite) {
        checkCookie(name, value);
        StringBuilder sb = new StringBuilder(name).append('=').append(quoteCookie(value));
        if (domain != null) {
            sb.append("; Domain=").append(domain);
        }
        if (expires != null) {
            sb.append("; expires=").append(HttpDates.dtToHttp(expires));
        }
        if (httpOnly) {
            sb.append("; HttpOnly");
        }
        if (maxAge != null) {
            sb.append("; Max-Age=").append(maxAge);
        }
        if (path != null) {
            sb.append("; Path=").append(path);
        }
        if (sameSite != null) {
            String s = sameSite.toLowerCase(Locale.ROOT);
            if (!s.equals("strict") && !s.equals("lax") && !s.equals("none")) {
                throw new IllegalArgumentException("same_site must be set to either 'lax', 'strict' or 'none'");
            }
            sb.append("; SameSite=").append(Character.toUpperCase(s.charAt(0))).append(s.substring(1));
        }
        if (secure == null ? options.secureCookiesByDefault : secure) {
            sb.append("; Secure");
        }
        if (cookies == null) {
            cookies = new LinkedHashMap<>();
        }
        cookies.put(name, sb.toString());
    }

    /**
     * Unsets a cookie in the client: empty value, expired, {@code SameSite=Lax}.
     *
     * <p>Falcon: {@code resp.unset_cookie(name, domain, path)}.
     */
    public void unsetCookie(String name, String domain, String path) {
        checkCookie(name, "");
        StringBuilder sb = new StringBuilder(name).append("=\"\"");
        if (domain != null) {
            sb.append("; Domain=").append(domain);
        }
        sb.append("; expires=").append(HttpDates.format(Instant.now().minusSeconds(1)));
        if (path != null) {
            sb.append("; Path=").append(path);
        }
        sb.append("; SameSite=Lax");
        if (cookies == null) {
            cookies = new LinkedHashMap<>();
        }
        cookies.put(name, sb.toString());
    }

    /** Unsets a cookie. */
    public void unsetCookie(String name) {
        unsetCookie(name, null, null);
    }

    private static void checkCookie(String name, String value) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("Illegal cookie name: " + name);
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c <= 32 || c >= 127 || "()<>@,;:\\\"/[]?={}".indexOf(c) >= 0) {
                throw new IllegalArgumentException("Illegal cookie name: " + name);
            }
        }
        if (value == null) {
            throw new IllegalArgumentException("cookie value must not be null");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 32 || c == 127) {
                throw new IllegalArgumentException("Illegal cookie value for " + name);
            }
        }
    }

    /** Quotes a value the way {@code http.cookies} does when it holds characters outside a token. */
    private static String quoteCookie(String value) {
        boolean plain = true;
        for (int i = 0; i < value.length() && plain; i++) {
            char c = value.charAt(i);
            plain = c > 32 && c < 127 && "\",;\\".indexOf(c) < 0;
        }
        if (plain) {
            return value;
        }
        StringBuilder sb = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c > 126) {
                for (byte b : String.valueOf(c).getBytes(StandardCharsets.UTF_8)) {
                    sb.append('\\').append(String.format(Locale.ROOT, "%03o", b & 0xff));
                }
            } else {
                sb.append(c);
            }
        }
        return sb.append('"').toString();
    }

    /**
     * Returns the final header lines, flat (name, value, ...): the headers, Content-Type from
     * {@code defaultMediaType} when unset, then Set-Cookie lines. The App calls it once.
     */
    public List<String> headerLines(String defaultMediaType) {
        int size = headers.size() * 2 + 2 + (cookies == null ? 0 : cookies.size() * 2)
                + (extraHeaders == null ? 0 : extraHeaders.size());
        List<String> lines = new ArrayList<>(size);
        for (Map.Entry<String, String> e : headers.entrySet()) {
            lines.add(e.getKey());
            lines.add(e.getValue());
        }
        if (defaultMediaType != null && !headers.containsKey("content-type")) {
            lines.add("content-type");
            lines.add(defaultMediaType);
        }
        if (cookies != null) {
            for (String c : cookies.values()) {
                lines.add("set-cookie");
                lines.add(c);
            }
        }
        if (extraHeaders != null) {
            lines.addAll(extraHeaders);
        }
        return lines;
    }

    @Override
    public String toString() {
        return "<Response: " + statusLine + ">";
    }
}
