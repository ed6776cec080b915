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
 * <p>By default JSON and URL-encoded forms are registered. Falcon: {@code falcon.media.Handlers}.
 */
public class Handlers extends LinkedHashMap<String, BaseHandler> {

    private static final long serialVersionUID = 1L;

    /** Falcon's JSON media type. */
    public static final String MEDIA_JSON = "application/json";
    /** The URL-encoded form media type. */
    public static final String MEDIA_URLENCODED = "application/x-www-form-urlencoded";

    // Resolution results per Content-Type value; cleared whenever handlers change.
    private transient Map<String, BaseHandler> resolved = new ConcurrentHashMap<>();

    /** Creates the default set: JSON and URL-encoded forms. */
    public Handlers() {
        super.put(MEDIA_JSON, new JSONHandler());
        super.put(MEDIA_URLENCODED, new URLEncodedFormHandler());
    }

    /** Creates a set with exactly the given handlers. */
    public Handlers(Map<String, BaseHandler> handlers) {
        super.putAll(handlers);
    }

    @Override
    public BaseHandler put(String mediaType, BaseHandler handler) {
        resolved = new ConcurrentHashMap<>();
        return super.put(mediaType, handler);
    }

    @Override
    public BaseHandler remove(Object mediaType) {
        resolved = new ConcurrentHashMap<>();
        return super.remove(mediaType);
    }

    /**
     * Finds the handler for {@code mediaType}, or for {@code defaultMediaType} when the type is
     * missing or {@code *}{@code /*}.
     *
     * @throws HTTPUnsupportedMediaType when no handler fits
     */
    public BaseHandler resolve(String mediaType, String defaultMediaType) {
        String type = mediaType == null || mediaType.equals("*/*") ? defaultMediaType : mediaType;
        BaseHandler handler = get(type);
        if (handler != null) {
            return handler;
        }
        handler = resolved.get(type);
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
        if (resolved.size() < 256) {
            resolved.put(type, handler);
        }
        return handler;
    }
}
