package falcon.media;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Serializes and deserializes one family of media types, e.g. JSON.
 *
 * <p>Handlers are shared by all requests and must be thread-safe. Implement the two abstract
 * methods to plug in another library or format; register the handler for its media type on
 * {@code app.getReqOptions().getMediaHandlers()} and {@code app.getRespOptions().getMediaHandlers()}.
 * The asynchronous variants default to the blocking ones.
 *
 * <p>Falcon: {@code falcon.media.BaseHandler}.
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
     * Reads a request body into {@code type}: a record, a bean, a collection of them (a {@link
     * TypeRef}'s type) or any type the handler's mapper can make. By default {@link
     * #deserialize(InputStream, String, long)} then {@link #convert}; handlers that can read
     * straight into the type override it.
     *
     * @param stream the body, bounded by the request's framing
     * @param contentType the request's Content-Type (or the default media type)
     * @param contentLength the declared length, or -1
     * @param type the type wanted
     * @return the media as {@code type}
     * @throws falcon.MediaNotFoundError when the body is empty
     * @throws falcon.MediaMalformedError when the body cannot be parsed or does not fit the type
     * @throws IOException when reading the body fails
     */
    default Object deserialize(InputStream stream, String contentType, long contentLength, Type type)
            throws IOException {
        return convert(deserialize(stream, contentType, contentLength), type);
    }

    /**
     * Converts media this handler deserialized into {@code type}. By default with the default
     * JSON mapper ({@link JSONHandler#defaultMapper()}), which turns maps into records and beans
     * and coerces strings such as a form's {@code "5"} into numbers; the error is titled "Invalid
     * JSON". Handlers of other formats override it to name their own format.
     *
     * @param media what {@link #deserialize(InputStream, String, long)} returned
     * @param type the type wanted
     * @return the media as {@code type}
     * @throws falcon.MediaMalformedError when the media does not fit the type; the description
     *     names the field and what was expected
     */
    default Object convert(Object media, Type type) {
        return JSONHandler.falconDefault().convert(media, type);
    }

    /**
     * Writes a response body.
     *
     * @param media the object to serialize
     * @param contentType the response's Content-Type
     * @return the bytes
     */
    byte[] serialize(Object media, String contentType);

    /**
     * Reads a request body without blocking the caller; by default runs {@link #deserialize}.
     *
     * <p>Falcon: {@code BaseHandler.deserialize_async}.
     *
     * @param stream the body, bounded by the request's framing
     * @param contentType the request's Content-Type (or the default media type)
     * @param contentLength the declared length, or -1
     * @return a stage completed with the media, or failed with the error {@code deserialize} threw
     */
    default CompletionStage<Object> deserializeAsync(InputStream stream, String contentType, long contentLength) {
        try {
            return CompletableFuture.completedFuture(deserialize(stream, contentType, contentLength));
        } catch (IOException | RuntimeException ex) {
            return CompletableFuture.failedFuture(ex);
        }
    }

    /**
     * Writes a response body without blocking the caller; by default runs {@link #serialize}.
     *
     * <p>Falcon: {@code BaseHandler.serialize_async}.
     *
     * @param media the object to serialize
     * @param contentType the response's Content-Type
     * @return a stage completed with the bytes, or failed with the error {@code serialize} threw
     */
    default CompletionStage<byte[]> serializeAsync(Object media, String contentType) {
        try {
            return CompletableFuture.completedFuture(serialize(media, contentType));
        } catch (RuntimeException ex) {
            return CompletableFuture.failedFuture(ex);
        }
    }

    /**
     * Returns whether the rest of the stream is read and dropped after {@link #deserialize}, for
     * handlers that may stop early. Default false.
     *
     * <p>Falcon: {@code BaseHandler.exhaust_stream}.
     *
     * @return {@code true} when the rest of the stream is to be read and dropped
     */
    default boolean exhaustStream() {
        return false;
    }
}
