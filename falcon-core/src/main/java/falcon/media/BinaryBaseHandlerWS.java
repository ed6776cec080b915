package falcon.media;

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
}
