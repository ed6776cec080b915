package falcon.media;

import falcon.HTTPUnsupportedMediaType;
import falcon.internal.MimeParse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Media handlers by media type: an exact match first, then the best match on parameters.
 *
 * <p>By default JSON, URL-encoded forms and multipart forms are registered. Replace or add
 * handlers with {@code put} (Falcon's {@code handlers[type] = handler}) or {@code putAll}
 * (Falcon's {@code update}); look-ups are cached and the cache is cleared on every change.
 * Configure handlers at start-up: the map itself is not synchronized.
 *
 * <p>Falcon: {@code falcon.media.Handlers}.
 */
public class Handlers extends LinkedHashMap<String, BaseHandler> {

    private static final long serialVersionUID = 1L;

    /** JSON. Falcon: {@code falcon.MEDIA_JSON}. */
    public static final String MEDIA_JSON = "application/json";
    /** MessagePack. Falcon: {@code falcon.MEDIA_MSGPACK}. */
    public static final String MEDIA_MSGPACK = "application/msgpack";
    /** Multipart forms. Falcon: {@code falcon.MEDIA_MULTIPART}. */
    public static final String MEDIA_MULTIPART = "multipart/form-data";
    /** URL-encoded forms. Falcon: {@code falcon.MEDIA_URLENCODED}. */
    public static final String MEDIA_URLENCODED = "application/x-www-form-urlencoded";
    /** YAML. Falcon: {@code falcon.MEDIA_YAML}. */
    public static final String MEDIA_YAML = "application/yaml";
    /** XML. Falcon: {@code falcon.MEDIA_XML}. */
    public static final String MEDIA_XML = "application/xml";
    /** HTML in UTF-8. Falcon: {@code falcon.MEDIA_HTML}. */
    public static final String MEDIA_HTML = "text/html; charset=utf-8";
    /** JavaScript. Falcon: {@code falcon.MEDIA_JS}. */
    public static final String MEDIA_JS = "application/javascript";
    /** Plain text in UTF-8. Falcon: {@code falcon.MEDIA_TEXT}. */
    public static final String MEDIA_TEXT = "text/plain; charset=utf-8";
    /** JPEG images. Falcon: {@code falcon.MEDIA_JPEG}. */
    public static final String MEDIA_JPEG = "image/jpeg";
    /** PNG images. Falcon: {@code falcon.MEDIA_PNG}. */
    public static final String MEDIA_PNG = "image/png";
    /** GIF images. Falcon: {@code falcon.MEDIA_GIF}. */
    public static final String MEDIA_GIF = "image/gif";
    /** CSV in UTF-8. Falcon 4.1: {@code falcon.MEDIA_CSV}. */
    public static final String MEDIA_CSV = "text/csv; charset=utf-8";
    /** Apache Parquet. Falcon 4.1: {@code falcon.MEDIA_PARQUET}. */
    public static final String MEDIA_PARQUET = "application/vnd.apache.parquet";

    // Resolution results per Content-Type value; replaced whenever handlers change.
    private transient volatile Map<String, BaseHandler> resolved = new ConcurrentHashMap<>();

    /** Creates the default set: JSON, URL-encoded forms and multipart forms. */
    public Handlers() {
        super.put(MEDIA_JSON, new JSONHandler());
        super.put(MEDIA_MULTIPART, new MultipartFormHandler());
        super.put(MEDIA_URLENCODED, new URLEncodedFormHandler());
    }

    /**
     * Creates a set with exactly the given handlers.
     *
     * <p>Falcon: {@code Handlers(initial)}.
     *
     * @param handlers the handlers by media type
     */
    public Handlers(Map<String, ? extends BaseHandler> handlers) {
        super.putAll(handlers);
    }

    @Override
    public BaseHandler put(String mediaType, BaseHandler handler) {
        BaseHandler old = super.put(mediaType, handler);
        resolved = new ConcurrentHashMap<>();
        return old;
    }

    @Override
    public void putAll(Map<? extends String, ? extends BaseHandler> handlers) {
        super.putAll(handlers);
        resolved = new ConcurrentHashMap<>();
    }

    @Override
    public BaseHandler remove(Object mediaType) {
        BaseHandler old = super.remove(mediaType);
        resolved = new ConcurrentHashMap<>();
        return old;
    }

    @Override
    public void clear() {
        super.clear();
        resolved = new ConcurrentHashMap<>();
    }

    /**
     * Finds the handler for {@code mediaType}, or for {@code defaultMediaType} when the type is
     * missing or {@code *}{@code /*}: the handler registered under exactly that string, else the
     * best match by type, subtype and parameters (e.g. {@code application/json} for {@code
     * application/json; charset=utf-8}).
     *
     * <p>Falcon: {@code Handlers._resolve(media_type, default)}.
     *
     * @param mediaType the media type, e.g. a Content-Type; {@code null} or empty for the default
     * @param defaultMediaType the media type used when {@code mediaType} is missing or
     *     {@code *}{@code /*}
     * @return the handler; never {@code null}
     * @throws HTTPUnsupportedMediaType when no handler fits
     */
    public BaseHandler resolve(String mediaType, String defaultMediaType) {
        String type = mediaType == null || mediaType.isEmpty() || mediaType.equals("*/*")
                ? defaultMediaType : mediaType;
        BaseHandler handler = get(type);
        if (handler != null) {
            return handler;
        }
        Map<String, BaseHandler> cache = resolved;
        handler = cache.get(type);
        if (handler != null) {
            return handler;
        }
        String best;
        try {
            best = MimeParse.bestMatch(new ArrayList<>(keySet()), type);
        } catch (IllegalArgumentException ex) {
            best = null;
        }
        handler = best == null ? null : get(best);
        if (handler == null) {
            throw new HTTPUnsupportedMediaType(null, type + " is an unsupported media type.");
        }
        // NOTE: multipart types carry a boundary per request, so the cache is kept small.
        if (cache.size() < 256) {
            cache.put(type, handler);
        }
        return handler;
    }
}
