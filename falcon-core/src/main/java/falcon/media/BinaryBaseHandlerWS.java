package falcon.media;

import java.lang.reflect.Type;

/**
 * A WebSocket media handler for BINARY messages: objects to and from bytes.
 *
 * <p>Falcon: {@code falcon.media.BinaryBaseHandlerWS}.
 */
public interface BinaryBaseHandlerWS {

    /**
     * Serializes {@code media} to the bytes of a BINARY message.
     *
     * @param media the object to serialize
     * @return the message bytes
     */
    byte[] serialize(Object media);

    /**
     * Deserializes the bytes of a BINARY message.
     *
     * @param payload the message bytes
     * @return the deserialized object
     * @throws falcon.MediaMalformedError when the bytes are not valid for this handler
     */
    Object deserialize(byte[] payload);

    /**
     * Converts a deserialized message into {@code type}, for {@code ws.receiveMedia(Class)}. By
     * default with the default JSON mapper, as {@link BaseHandler#convert} does.
     *
     * @param media what {@link #deserialize} returned
     * @param type the type wanted
     * @return the message as {@code type}
     * @throws falcon.MediaMalformedError when the message does not fit the type
     */
    default Object convert(Object media, Type type) {
        return JSONHandler.falconDefault().convert(media, type);
    }
}
