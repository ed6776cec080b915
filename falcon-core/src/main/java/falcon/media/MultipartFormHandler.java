package falcon.media;

import falcon.HTTPInvalidHeader;
import falcon.HTTPUnsupportedMediaType;
import java.io.InputStream;
import java.lang.reflect.Type;

/**
 * The {@code multipart/form-data} media handler (RFC 7578): {@code req.getMedia()} returns a
 * {@link MultipartForm}, parsed on demand while it is iterated, never buffered whole.
 *
 * <p>Falcon: {@code falcon.media.MultipartFormHandler}.
 */
public class MultipartFormHandler implements BaseHandler {

    private final MultipartParseOptions parseOptions;

    /** Creates a handler with the default {@link MultipartParseOptions}. */
    public MultipartFormHandler() {
        this(new MultipartParseOptions());
    }

    /**
     * Creates a handler.
     *
     * @param parseOptions the parser's options, passed on to every {@link BodyPart}
     */
    public MultipartFormHandler(MultipartParseOptions parseOptions) {
        this.parseOptions = parseOptions;
    }

    /**
     * Returns the parser's options; change them at start-up. Falcon: {@code parse_options}.
     *
     * @return the parser's options (changes to them apply)
     */
    public MultipartParseOptions getParseOptions() {
        return parseOptions;
    }

    /**
     * Returns the form, without reading the stream yet.
     *
     * @return a {@link MultipartForm}
     * @throws HTTPInvalidHeader when the Content-Type has no boundary, or one that is not 1 to 70
     *     characters long (RFC 2046 5.1.1)
     */
    @Override
    public Object deserialize(InputStream stream, String contentType, long contentLength) {
        String boundary = HeaderParams.parse(contentType == null ? "" : contentType).params.get("boundary");
        if (boundary == null) {
            throw new HTTPInvalidHeader("No boundary specifier found in " + pythonRepr(contentType),
                    "Content-Type");
        }
        // RFC 2046 5.1.1: white space at the end of a boundary was added by a gateway.
        boundary = boundary.stripTrailing();
        if (boundary.isEmpty() || boundary.length() > 70) {
            throw new HTTPInvalidHeader("The boundary parameter must consist of 1 to 70 characters",
                    "Content-Type");
        }
        return new MultipartForm(stream, boundary, parseOptions);
    }

    /**
     * Returns the form itself for {@code MultipartForm} (or a supertype such as {@code Iterable});
     * a multipart body has no typed form of its own: read each part with {@link
     * BodyPart#getMedia(Class)}.
     *
     * @throws HTTPUnsupportedMediaType (415) for any other type
     */
    @Override
    public Object convert(Object media, Type type) {
        if (type instanceof Class && ((Class<?>) type).isInstance(media)) {
            return media;
        }
        throw new HTTPUnsupportedMediaType(null, "A multipart/form-data body cannot be read as "
                + type.getTypeName() + "; read its parts, e.g. part.getMedia(Type.class).");
    }

    /**
     * Not supported, as in Falcon.
     *
     * @throws UnsupportedOperationException always
     */
    @Override
    public byte[] serialize(Object media, String contentType) {
        throw new UnsupportedOperationException("multipart form serialization unsupported");
    }

    private static String pythonRepr(String s) {
        if (s == null) {
            return "None";
        }
        return s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? "\"" + s + "\"" : "'" + s.replace("'", "\\'") + "'";
    }
}
