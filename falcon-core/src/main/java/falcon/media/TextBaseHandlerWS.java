package falcon.media;

/**
 * A WebSocket media handler for TEXT messages: objects to and from strings.
 *
 * <p>Falcon: {@code falcon.media.TextBaseHandlerWS}.
 */
public interface TextBaseHandlerWS {

    /** Serializes {@code media} to the text of a TEXT message. */
    String serialize(Object media);

    /**
     * Deserializes the text of a TEXT message.
     *
     * @throws falcon.MediaMalformedError when the text is not valid for this handler
     */
    Object deserialize(String payload);
}
