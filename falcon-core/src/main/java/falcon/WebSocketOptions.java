package falcon;

import falcon.media.BinaryBaseHandlerWS;
import falcon.media.JSONHandlerWS;
import falcon.media.TextBaseHandlerWS;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * The WebSocket settings of an App: {@code app.getWsOptions()}.
 *
 * <table>
 * <caption>Settings and defaults</caption>
 * <tr><th>field</th><th>default</th><th>meaning</th></tr>
 * <tr><td>{@code errorCloseCode}</td><td>{@value #DEFAULT_ERROR_CLOSE_CODE}</td><td>close code
 * when an unexpected error escapes a WebSocket responder</td></tr>
 * <tr><td>{@code maxReceiveQueue}</td><td>{@value #DEFAULT_MAX_RECEIVE_QUEUE}</td><td>messages
 * received but not yet taken by the App; when full, the adapter stops reading from the network.
 * 0 means no read-ahead: at most one message waits</td></tr>
 * <tr><td>{@code maxMessageBytes}</td><td>{@value #DEFAULT_MAX_MESSAGE_BYTES}</td><td>largest
 * message (all fragments) the adapter accepts; a larger one closes the connection with 1009</td></tr>
 * <tr><td>{@code maxFramePayloadBytes}</td><td>{@value #DEFAULT_MAX_FRAME_PAYLOAD_BYTES}</td>
 * <td>largest single frame payload; a larger one closes with 1009</td></tr>
 * <tr><td>{@code mediaHandlers}</td><td>TEXT: {@link JSONHandlerWS}; BINARY: none (MessagePack
 * needs the optional falcon-msgpack module: {@code MessagePackHandlerWS.register(options)})</td><td>used by {@code sendMedia}/{@code receiveMedia}</td></tr>
 * <tr><td>{@code defaultCloseReasons}</td><td>Falcon 4's</td><td>the reason sent with a close
 * code when none is given</td></tr>
 * </table>
 *
 * <p>Falcon: {@code falcon.asgi.WebSocketOptions}; the size limits are ours (the ASGI server's
 * in Falcon).
 */
public final class WebSocketOptions {

    /** Default close code for unexpected errors: 1011, Internal Error. */
    public static final int DEFAULT_ERROR_CLOSE_CODE = 1011;
    /** Default number of received messages held for the App. */
    public static final int DEFAULT_MAX_RECEIVE_QUEUE = 4;
    /** Default largest message, 1 MiB. */
    public static final int DEFAULT_MAX_MESSAGE_BYTES = 1024 * 1024;
    /** Default largest frame payload, 1 MiB. */
    public static final int DEFAULT_MAX_FRAME_PAYLOAD_BYTES = 1024 * 1024;

    /** The close code used when an unexpected error escapes. Falcon: {@code error_close_code}. */
    public int errorCloseCode = DEFAULT_ERROR_CLOSE_CODE;

    /** Received messages held for the App before reading pauses. Falcon: {@code max_receive_queue}. */
    public int maxReceiveQueue = DEFAULT_MAX_RECEIVE_QUEUE;

    /** The largest message accepted, in bytes. */
    public int maxMessageBytes = DEFAULT_MAX_MESSAGE_BYTES;

    /** The largest frame payload accepted, in bytes. */
    public int maxFramePayloadBytes = DEFAULT_MAX_FRAME_PAYLOAD_BYTES;

    /**
     * The media handlers by payload type: a {@link TextBaseHandlerWS} for TEXT, a
     * {@link BinaryBaseHandlerWS} for BINARY. Falcon: {@code media_handlers}.
     */
    public final Map<WebSocketPayloadType, Object> mediaHandlers = new EnumMap<>(WebSocketPayloadType.class);

    /**
     * The close reason sent for a code when {@code close(code)} gives none: 1000 "Normal
     * Closure", 1011 and 3011 "Internal Server Error", and 3000 + status the HTTP reason phrase.
     * Falcon 4: {@code default_close_reasons}.
     */
    public final Map<Integer, String> defaultCloseReasons = new HashMap<>();

    /** Creates the options with Falcon's defaults. */
    public WebSocketOptions() {
        mediaHandlers.put(WebSocketPayloadType.TEXT, new JSONHandlerWS());
        mediaHandlers.put(WebSocketPayloadType.BINARY, new MissingMessagePack());
        for (int code = 100; code < 600; code++) {
            if (Status.isKnown(code)) {
                defaultCloseReasons.put(3000 + code, Status.reasonPhrase(code));
            }
        }
        defaultCloseReasons.put(1000, "Normal Closure");
        defaultCloseReasons.put(1011, "Internal Server Error");
        defaultCloseReasons.put(3011, "Internal Server Error");
    }

    /** The BINARY handler when none is configured: names the missing module. */
    private static final class MissingMessagePack implements BinaryBaseHandlerWS {
        private static final String MESSAGE = "no BINARY WebSocket media handler: MessagePack needs the"
                + " falcon-msgpack module (MessagePackHandlerWS.register(app.getWsOptions())), or set"
                + " app.getWsOptions().mediaHandlers.put(BINARY, handler)";

        @Override
        public byte[] serialize(Object media) {
            throw new UnsupportedOperationException(MESSAGE);
        }

        @Override
        public Object deserialize(byte[] payload) {
            throw new UnsupportedOperationException(MESSAGE);
        }
    }
}
