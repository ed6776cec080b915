package falcon;

import falcon.media.JSONHandler;
import falcon.uri.Uri;
import falcon.util.HttpDates;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * An HTTP error: raise it, or one of its subclasses, to answer with an error status and body.
 *
 * <p>The App's default handler sets the status and {@link #getHeaders() headers} on the
 * response and serializes the error as JSON ({@link #toJson()}) or XML ({@link #toXml()})
 * according to the request's {@code Accept} header. To change what is serialized, override
 * {@link #toDict()} (and {@link #toXml()} for XML); to change how, install an error serializer.
 *
 * <pre>{@code
 * throw new HTTPError(Status.HTTP_402, "Payment required", "Top up your account.")
 *         .withHeader("X-Balance", "0")
 *         .withHref("https://example.com/docs/billing")
 *         .withCode(4021);
 * }</pre>
 *
 * <p>Falcon's keyword arguments ({@code title}, {@code description}, {@code headers},
 * {@code href}, {@code href_text}, {@code code}) map to constructor arguments and to the fluent
 * {@code with*} methods, each of which returns this error so that it can be thrown at once.
 *
 * <p>Errors keep their stack trace: they are thrown once per failed request at most, and the
 * trace is what tells a developer which responder or hook raised a 4xx.
 *
 * <p>Falcon: {@code falcon.HTTPError}.
 */
public class HTTPError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The link text used when {@link #withHref(String)} is given no text (Falcon's source). */
    public static final String DEFAULT_HREF_TEXT = "Documentation related to this error";

    /** The status line, such as {@code "404 Not Found"}. */
    private final String status;
    /** The numeric status code, such as 404. */
    private final int statusCode;
    /** The title sent to the client; the status line unless one was given. */
    private String title;
    /** The description sent to the client, or {@code null} for none. */
    private String description;
    /** The extra response headers in the order they were added, or {@code null} for none. */
    private Map<String, String> headers;
    /** The documentation URL as given, or {@code null} for none. */
    private String href;
    /** The documentation link's text. */
    private String hrefText;
    /** The application-specific error code, or {@code null} for none. */
    private Integer code;

    /**
     * Creates an error with a status line such as {@code "404 Not Found"} and no description.
     *
     * <p>The title defaults to the status line.
     *
     * @param status the status line, e.g. {@link Status#HTTP_404}
     * @throws IllegalArgumentException if {@code status} does not start with a three-digit code
     */
    public HTTPError(String status) {
        this(status, null, null);
    }

    /**
     * Creates an error with a numeric status such as 404 and no description.
     *
     * <p>The code becomes its status line ({@code 404} gives {@code "404 Not Found"}), as in
     * Falcon 4; Falcon 3.1.1 kept the bare int.
     *
     * @param status a code from 100 to 999
     * @throws IllegalArgumentException if {@code status} lies outside 100..999
     */
    public HTTPError(int status) {
        this(status, null, null);
    }

    /**
     * Creates an error with a status line, a title and a description.
     *
     * @param status the status line, e.g. {@link Status#HTTP_400}
     * @param title a short human-friendly title; {@code null} or empty means the status line
     * @param description a human-friendly explanation, or {@code null} for none
     * @throws IllegalArgumentException if {@code status} does not start with a three-digit code
     */
    public HTTPError(String status, String title, String description) {
        this(Objects.requireNonNull(status, "status"), Status.httpStatusToCode(status), title, description);
    }

    /**
     * Creates an error with a numeric status, a title and a description.
     *
     * @param status a code from 100 to 999
     * @param title a short human-friendly title; {@code null} or empty means the status line
     * @param description a human-friendly explanation, or {@code null} for none
     * @throws IllegalArgumentException if {@code status} lies outside 100..999
     */
    public HTTPError(int status, String title, String description) {
        this(Status.codeToHttpStatus(status), status, title, description);
    }

    private HTTPError(String status, int statusCode, String title, String description) {
        super();
        this.status = status;
        this.statusCode = statusCode;
        // Falcon: ``title or status``, so an empty title also falls back to the status line.
        this.title = title == null || title.isEmpty() ? status : title;
        this.description = description;
    }

    /**
     * Adds a response header, replacing an earlier value of the same name.
     *
     * @param name the header name
     * @param value the header value
     * @return this error
     */
    public HTTPError withHeader(String name, String value) {
        putHeader(name, value);
        return this;
    }

    // Final, so that subclass constructors can set their headers (Allow, Retry-After...)
    // without calling an overridable method.
    final void putHeader(String name, String value) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        if (headers == null) {
            headers = new LinkedHashMap<>();
        }
        headers.put(name, value);
    }

    /**
     * Adds response headers in the map's iteration order.
     *
     * <p>A {@code Content-Type} header is overridden by the error serializer.
     *
     * @param headers header names and values; {@code null} adds nothing
     * @return this error
     */
    public HTTPError withHeaders(Map<String, String> headers) {
        if (headers != null) {
            headers.forEach(this::putHeader);
        }
        return this;
    }

    /**
     * Sets a link to documentation about this error, with the default link text.
     *
     * @param href a URL; non-ASCII and other characters not allowed in a URI are
     *     percent-encoded; {@code null} or empty removes the link
     * @return this error
     */
    public HTTPError withHref(String href) {
        return withHref(href, null);
    }

    /**
     * Sets a link to documentation about this error, with its text.
     *
     * @param href a URL; {@code null} or empty removes the link
     * @param hrefText the link text; {@code null} or empty means {@value #DEFAULT_HREF_TEXT}
     * @return this error
     */
    public HTTPError withHref(String href, String hrefText) {
        this.href = href == null || href.isEmpty() ? null : href;
        this.hrefText = hrefText == null || hrefText.isEmpty() ? DEFAULT_HREF_TEXT : hrefText;
        return this;
    }

    /**
     * Sets an application-specific error code that clients can quote to support.
     *
     * @param code the code
     * @return this error
     */
    public HTTPError withCode(int code) {
        this.code = code;
        return this;
    }

    /**
     * Replaces the title.
     *
     * @param title the title; {@code null} or empty means the status line
     * @return this error
     */
    public HTTPError withTitle(String title) {
        this.title = title == null || title.isEmpty() ? status : title;
        return this;
    }

    /**
     * Replaces the description.
     *
     * @param description the description, or {@code null} for none
     * @return this error
     */
    public HTTPError withDescription(String description) {
        this.description = description;
        return this;
    }

    /**
     * Returns the status line, such as {@code "404 Not Found"}.
     *
     * <p>Falcon: {@code HTTPError.status}.
     *
     * @return the status line
     */
    public String getStatus() {
        return status;
    }

    /**
     * Returns the numeric status code, such as 404.
     *
     * @return the code
     */
    public int getStatusCode() {
        return statusCode;
    }

    /**
     * Returns the title sent to the client; the status line unless one was given.
     *
     * <p>Falcon: {@code HTTPError.title}.
     *
     * @return the title; never {@code null}
     */
    public String getTitle() {
        return title;
    }

    /**
     * Returns the description sent to the client.
     *
     * <p>Falcon: {@code HTTPError.description}.
     *
     * @return the description, or {@code null} if none
     */
    public String getDescription() {
        return description;
    }

    /**
     * Returns the extra response headers, in the order they were added.
     *
     * <p>Falcon: {@code HTTPError.headers}.
     *
     * @return an unmodifiable view; empty if none
     */
    public Map<String, String> getHeaders() {
        return headers == null ? Collections.emptyMap() : Collections.unmodifiableMap(headers);
    }

    /**
     * Returns the documentation URL as given, before percent-encoding.
     *
     * @return the URL, or {@code null} if none
     */
    public String getHref() {
        return href;
    }

    /**
     * Returns the documentation link's text.
     *
     * @return the text, or {@code null} if there is no link
     */
    public String getHrefText() {
        return href == null ? null : hrefText;
    }

    /**
     * Returns the application-specific error code.
     *
     * <p>Falcon: {@code HTTPError.code}.
     *
     * @return the code, or {@code null} if none
     */
    public Integer getCode() {
        return code;
    }

    /**
     * Returns the documentation link as {@code text}, {@code href} and {@code rel} entries.
     *
     * <p>{@code href} is percent-encoded as by {@code falcon.uri.encode}; {@code rel} is always
     * {@code "help"}.
     *
     * <p>Falcon: {@code HTTPError.link}.
     *
     * @return a new ordered map, or {@code null} if there is no link
     */
    public Map<String, String> getLink() {
        if (href == null) {
            return null;
        }
        Map<String, String> link = new LinkedHashMap<>(4);
        link.put("text", hrefText);
        link.put("href", encodeUri(href));
        link.put("rel", "help");
        return link;
    }

    /**
     * Returns the status line, and the title when it says more, for logs.
     *
     * @return e.g. {@code "404 Not Found"} or {@code "400 Bad Request: Invalid parameter"}
     */
    @Override
    public String getMessage() {
        return title.equals(status) ? status : status + ": " + title;
    }

    /**
     * Returns the error's representation: {@code title}, then {@code description},
     * {@code code} and {@code link} when present.
     *
     * <p>Override it to change what {@link #toJson()} and the error serializers send.
     *
     * <p>Falcon: {@code HTTPError.to_dict}.
     *
     * @return a new ordered, modifiable map
     */
    public Map<String, Object> toDict() {
        Map<String, Object> obj = new LinkedHashMap<>(8);
        obj.put("title", title);
        if (description != null) {
            obj.put("description", description);
        }
        if (code != null) {
            obj.put("code", code);
        }
        Map<String, String> link = getLink();
        if (link != null) {
            obj.put("link", link);
        }
        return obj;
    }

    /**
     * Returns {@link #toDict()} as a JSON document, byte for byte as Falcon writes it.
     *
     * <p>For example {@code {"title": "404 Not Found"}}: UTF-8, one line, a space after each
     * comma and colon, non-ASCII characters unescaped.
     *
     * <p>Falcon: {@code HTTPError.to_json()}.
     *
     * @return the UTF-8 encoded document
     */
    public byte[] toJson() {
        // Falcon serializes with json.dumps(obj, ensure_ascii=False), as the default handler does.
        return JSONHandler.falconDefault().serialize(toDict(), "application/json");
    }

    /**
     * Returns {@link #toDict()} serialized by {@code serializer}, such as the App's JSON handler.
     *
     * <p>Falcon: {@code HTTPError.to_json(handler)}.
     *
     * @param serializer turns the representation into bytes
     * @return the serializer's result
     */
    public byte[] toJson(Function<Object, byte[]> serializer) {
        return serializer.apply(toDict());
    }

    /**
     * Returns the error as an XML document, byte for byte as Falcon writes it.
     *
     * <p>For example
     * {@code <?xml version="1.0" encoding="UTF-8"?><error><title>404 Not Found</title></error>},
     * followed where present by {@code description}, {@code code} and
     * {@code link} ({@code text}, {@code href}, {@code rel}) elements.
     *
     * <p>Falcon: {@code HTTPError.to_xml}.
     *
     * @return the UTF-8 encoded document
     */
    public byte[] toXml() {
        StringBuilder xml = new StringBuilder(128);
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?><error>");
        appendElement(xml, "title", title);
        if (description != null) {
            appendElement(xml, "description", description);
        }
        if (code != null) {
            appendElement(xml, "code", code.toString());
        }
        Map<String, String> link = getLink();
        if (link != null) {
            xml.append("<link>");
            appendElement(xml, "text", link.get("text"));
            appendElement(xml, "href", link.get("href"));
            appendElement(xml, "rel", link.get("rel"));
            xml.append("</link>");
        }
        xml.append("</error>");
        return xml.toString().getBytes(StandardCharsets.UTF_8);
    }

    // ElementTree writes an element without text as "<name />" and escapes only &, < and > in
    // text (xml.etree.ElementTree._escape_cdata).
    private static void appendElement(StringBuilder xml, String name, String text) {
        xml.append('<').append(name);
        if (text == null || text.isEmpty()) {
            xml.append(" />");
            return;
        }
        xml.append('>');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> xml.append("&amp;");
                case '<' -> xml.append("&lt;");
                case '>' -> xml.append("&gt;");
                default -> xml.append(c);
            }
        }
        xml.append("</").append(name).append('>');
    }

    // Falcon: falcon.uri.encode (not encode_check_escaped): "%20" becomes "%2520".
    static String encodeUri(String uri) {
        return Uri.encode(uri);
    }

    /**
     * Formats a {@code Retry-After} value: seconds as digits, a date as an HTTP-date.
     *
     * <p>A {@link TemporalAccessor} with an instant ({@code Instant}, {@code ZonedDateTime},
     * {@code OffsetDateTime}) is converted to GMT; a {@code LocalDateTime} is taken as UTC, as
     * Falcon takes a naive {@code datetime}. Anything else is written with {@code toString()},
     * as Falcon writes {@code str(retry_after)}.
     *
     * @return the header value, or {@code null} if {@code retryAfter} is {@code null}
     */
    static String retryAfterValue(Object retryAfter) {
        if (retryAfter == null) {
            return null;
        }
        if (retryAfter instanceof LocalDateTime local) {
            return HttpDates.dtToHttp(local);
        }
        if (retryAfter instanceof TemporalAccessor temporal
                && temporal.isSupported(ChronoField.INSTANT_SECONDS)) {
            return HttpDates.format(Instant.from(temporal));
        }
        return retryAfter.toString();
    }
}
