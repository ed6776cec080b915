package falcon.media;

import java.io.IOException;
import java.io.InputStream;

/**
 * Serializes and deserializes one family of media types, e.g. JSON.
 *
 * <p>Handlers are shared by all requests and must be thread-safe. Falcon: {@code
 * falcon.media.BaseHandler}.
 */
public interface BaseHandler {

    /**
     * Reads a request body.
     *
     * @param stream the body, bounded by the request's framing
     * @param contentType the request's Content-Type (or the default media type)
     * @param contentLength the declared length, or -1
     * @return the deserialized media
     * @throws falcon.MediaNotFoundError when the body is empty
     * @throws falcon.MediaMalformedError when the body cannot be parsed
     * @throws IOException when reading the body fails
     */
    Object deserialize(InputStream stream, String contentType, long contentLength) throws IOException;

    /**
     * Writes a response body.
     *
     * @param media the object to serialize
     * @param contentType the response's Content-Type
     * @return the bytes
     */
    byte[] serialize(Object media, String contentType);
}
