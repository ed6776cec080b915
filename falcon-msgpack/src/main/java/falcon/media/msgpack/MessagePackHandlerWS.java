package falcon.media.msgpack;

import com.fasterxml.jackson.databind.ObjectMapper;
import falcon.WebSocketOptions;
import falcon.WebSocketPayloadType;
import falcon.media.BinaryBaseHandlerWS;
import falcon.media.JSONHandler;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Type;

/**
 * The BINARY handler of WebSocket media: MessagePack, as {@link MessagePackHandler} reads and
 * writes it. {@code ws.sendMedia(obj, WebSocketPayloadType.BINARY)} and {@code ws.receiveMedia()}
 * of a BINARY message use it once registered:
 *
 * <pre>{@code
 * MessagePackHandlerWS.register(app.getWsOptions());
 * }</pre>
 *
 * <p>Falcon: {@code falcon.media.MessagePackHandlerWS}, the default BINARY handler of its ASGI
 * App when msgpack is installed.
 */
public class MessagePackHandlerWS implements BinaryBaseHandlerWS {

    private final MessagePackHandler handler;
    private final ObjectMapper mapper;

    /** Creates the handler with {@link MessagePackHandler}'s default mapper. */
    public MessagePackHandlerWS() {
        this(MessagePackHandler.defaultMapper());
    }

    /**
     * Creates the handler on a mapper whose factory is a MessagePack factory.
     *
     * @param mapper the mapper to read and write with
     */
    public MessagePackHandlerWS(ObjectMapper mapper) {
        this.handler = new MessagePackHandler(mapper);
        this.mapper = mapper;
    }

    /**
     * Makes a MessagePack handler the BINARY media handler of {@code options}.
     *
     * @param options the App's WebSocket options ({@code app.getWsOptions()})
     */
    public static void register(WebSocketOptions options) {
        options.mediaHandlers.put(WebSocketPayloadType.BINARY, new MessagePackHandlerWS());
    }

    @Override
    public byte[] serialize(Object media) {
        return handler.serialize(media, "application/msgpack");
    }

    /**
     * Unpacks a BINARY message.
     *
     * @throws falcon.MediaMalformedError when it is not MessagePack, or empty
     */
    @Override
    public Object deserialize(byte[] payload) {
        try {
            return handler.deserialize(new ByteArrayInputStream(payload), "application/msgpack", payload.length);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * Converts an unpacked message into {@code type}, with this handler's mapper.
     *
     * @throws falcon.MediaMalformedError titled "Invalid MessagePack" when it does not fit
     */
    @Override
    public Object convert(Object media, Type type) {
        return JSONHandler.convert(mapper, media, type, "MessagePack");
    }
}
