package falcon.media;

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
}
