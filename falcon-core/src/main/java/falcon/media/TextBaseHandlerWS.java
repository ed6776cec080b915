package falcon.media;

import java.lang.reflect.Type;

/**
 * A WebSocket media handler for TEXT messages: objects to and from strings.
 *
 * <p>Falcon: {@code falcon.media.TextBaseHandlerWS}.
 */
public interface TextBaseHandlerWS {

    /**
     * Serializes {@code media} to the text of a TEXT message.
     *
     * @param media the object to serialize
     * @return the message text
     */
    String serialize(Object media);

    /**
     * Deserializes the text of a TEXT message.
     *
     * @param payload the message text
     * @return the deserialized object
     * @throws falcon.MediaMalformedError when the text is not valid for this handler
     */
    Object deserialize(String payload);

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
