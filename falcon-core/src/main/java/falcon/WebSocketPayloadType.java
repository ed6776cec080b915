package falcon;

/**
 * The payload type of a WebSocket message: which media handler (de)serializes it.
 *
 * <p>Falcon: {@code falcon.WebSocketPayloadType}.
 */
public enum WebSocketPayloadType {
    /** A TEXT (0x01) frame: UTF-8 text. */
    TEXT,
    /** A BINARY (0x02) frame: bytes. */
    BINARY
}
