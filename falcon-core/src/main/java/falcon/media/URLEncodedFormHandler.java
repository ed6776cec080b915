package falcon.media;

import falcon.MediaMalformedError;
import falcon.uri.Uri;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code application/x-www-form-urlencoded} media handler.
 *
 * <p>Deserializes to a {@code Map<String, Object>} (a repeated name gives a {@code List}); the
 * body must be US-ASCII, and percent-escapes are decoded as UTF-8 (a {@code _charset_} field is
 * ignored, as in Falcon). Serializes a {@code Map} back to a query string, a {@code List} value
 * as repeated names.
 *
 * <p>Falcon: {@code falcon.media.URLEncodedFormHandler(keep_blank=True, csv=False)}.
 */
public class URLEncodedFormHandler implements BaseHandler {

    private final boolean keepBlank;
    private final boolean csv;

    /** Creates a handler that keeps blank values and does not split on commas (Falcon's defaults). */
    public URLEncodedFormHandler() {
        this(true, false);
    }

    /**
     * Creates a handler.
     *
     * @param keepBlank whether {@code a=} yields an empty value rather than nothing
     * @param csv whether values are split on unencoded commas
     */
    public URLEncodedFormHandler(boolean keepBlank, boolean csv) {
        this.keepBlank = keepBlank;
        this.csv = csv;
    }

    /**
     * Parses the body like a query string; an empty body gives an empty map.
     *
     * @throws MediaMalformedError when the body is not US-ASCII (RFC 1866 8.2.1; Falcon)
     */
    @Override
    public Object deserialize(InputStream stream, String contentType, long contentLength) throws IOException {
        byte[] body = stream.readAllBytes();
        for (int i = 0; i < body.length; i++) {
            if (body[i] < 0) {
                // The cause reads as Python's, which Falcon appends.
                throw new MediaMalformedError("URL-encoded", String.format(Locale.ROOT,
                        "'ascii' codec can't decode byte 0x%02x in position %d: ordinal not in range(128)",
                        body[i] & 0xff, i));
            }
        }
        return Uri.parseQueryString(new String(body, StandardCharsets.US_ASCII), keepBlank, csv);
    }

    /**
     * Converts the parsed form into {@code type}, e.g. a record of its fields; a field's string is
     * coerced to the component's type ({@code "5"} to {@code int}).
     *
     * @throws MediaMalformedError titled "Invalid URL-encoded" when a field does not fit
     */
    @Override
    public Object convert(Object media, Type type) {
        return JSONHandler.convert(JSONHandler.sharedMapper(), media, type, "URL-encoded");
    }

    @Override
    public byte[] serialize(Object media, String contentType) {
        StringBuilder sb = new StringBuilder();
        if (media instanceof Map) {
            for (Map.Entry<?, ?> e : ((Map<?, ?>) media).entrySet()) {
                Object v = e.getValue();
                if (v instanceof List) {
                    for (Object item : (List<?>) v) {
                        append(sb, e.getKey(), item);
                    }
                } else {
                    append(sb, e.getKey(), v);
                }
            }
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void append(StringBuilder sb, Object name, Object value) {
        if (sb.length() > 0) {
            sb.append('&');
        }
        sb.append(URLEncoder.encode(String.valueOf(name), StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(String.valueOf(value), StandardCharsets.UTF_8));
    }
}
