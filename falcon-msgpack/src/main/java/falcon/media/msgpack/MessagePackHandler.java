package falcon.media.msgpack;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import falcon.MediaMalformedError;
import falcon.MediaNotFoundError;
import falcon.media.BaseHandler;
import falcon.media.Handlers;
import falcon.media.JSONHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Type;
import org.msgpack.jackson.dataformat.MessagePackFactory;

/**
 * The MessagePack media handler, on Jackson's msgpack dataformat.
 *
 * <p>The {@code bin} type tells bytes from text: a {@code byte[]} is written as {@code bin} and
 * read back as {@code byte[]}, a {@code String} as {@code str}. Other values map as in {@link
 * JSONHandler}. Register it for both directions:
 *
 * <pre>{@code
 * MessagePackHandler msgpack = new MessagePackHandler();
 * app.getReqOptions().getMediaHandlers().put(Handlers.MEDIA_MSGPACK, msgpack);
 * app.getRespOptions().getMediaHandlers().put(Handlers.MEDIA_MSGPACK, msgpack);
 * }</pre>
 * or {@code MessagePackHandler.register(app.getReqOptions().getMediaHandlers(),
 * app.getRespOptions().getMediaHandlers())}.
 *
 * <p>Hostile bodies are a 400: nesting deeper than {@value #DEFAULT_MAX_NESTING_DEPTH}, strings
 * longer than Jackson's default limit, and truncated or malformed data.
 *
 * <p>Falcon: {@code falcon.media.MessagePackHandler}.
 */
public class MessagePackHandler implements BaseHandler {

    /** The maximum nesting depth of arrays and maps. */
    public static final int DEFAULT_MAX_NESTING_DEPTH = 500;

    private final ObjectMapper mapper;
    private final ObjectReader reader;
    private final ObjectWriter writer;

    /** Creates a handler with the default mapper. */
    public MessagePackHandler() {
        this(defaultMapper());
    }

    /**
     * Creates a handler on a mapper whose factory is a {@link MessagePackFactory}.
     *
     * @param mapper the mapper to read and write with
     */
    public MessagePackHandler(ObjectMapper mapper) {
        this.mapper = mapper;
        this.reader = mapper.readerFor(Object.class);
        this.writer = mapper.writer();
    }

    /**
     * Returns a new mapper with this handler's defaults, to start a configuration of one's own.
     *
     * @return a new mapper on a {@link MessagePackFactory}, nesting depth limited to {@value
     *     #DEFAULT_MAX_NESTING_DEPTH}
     */
    public static ObjectMapper defaultMapper() {
        MessagePackFactory factory = new MessagePackFactory();
        factory.setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(DEFAULT_MAX_NESTING_DEPTH).build());
        // buffers pooled across threads, not per thread: workers are a virtual thread per request
        factory.setRecyclerPool(JsonRecyclerPools.sharedConcurrentDequePool());
        return new ObjectMapper(factory);
    }

    /**
     * Registers one handler for {@link Handlers#MEDIA_MSGPACK} (and {@code application/x-msgpack})
     * in each of {@code handlers}, e.g. the request and response options' handlers.
     *
     * @param handlers the handler registries to register it in
     */
    public static void register(Handlers... handlers) {
        MessagePackHandler handler = new MessagePackHandler();
        for (Handlers h : handlers) {
            h.put(Handlers.MEDIA_MSGPACK, handler);
            h.put("application/x-msgpack", handler);
        }
    }

    /**
     * Reads a MessagePack body.
     *
     * @throws MediaNotFoundError when the body is empty
     * @throws MediaMalformedError when it is not MessagePack
     */
    @Override
    public Object deserialize(InputStream stream, String contentType, long contentLength) throws IOException {
        return read(reader, stream);
    }

    /**
     * Reads a MessagePack body straight into {@code type}.
     *
     * @throws MediaNotFoundError when the body is empty
     * @throws MediaMalformedError titled "Invalid MessagePack" when it is not MessagePack or does
     *     not fit the type; the description names the field and what was expected
     */
    @Override
    public Object deserialize(InputStream stream, String contentType, long contentLength, Type type)
            throws IOException {
        return read(type == Object.class ? reader : reader.forType(mapper.constructType(type)), stream);
    }

    /**
     * Converts deserialized MessagePack into {@code type}, with this handler's mapper.
     *
     * @throws MediaMalformedError titled "Invalid MessagePack" when it does not fit the type
     */
    @Override
    public Object convert(Object media, Type type) {
        return JSONHandler.convert(mapper, media, type, "MessagePack");
    }

    private static Object read(ObjectReader reader, InputStream stream) throws IOException {
        byte[] data = stream.readAllBytes();
        if (data.length == 0) {
            throw new MediaNotFoundError("MessagePack");
        }
        try {
            try (JsonParser parser = reader.createParser(data)) {
                Object value = reader.readValue(parser);
                JsonToken next;
                try {
                    next = parser.nextToken();
                } catch (IOException atEnd) {
                    next = null; // NOTE: this parser reports the end of input as an error
                }
                if (next != null) {
                    // As Python's msgpack.unpackb: data after the first object is an error.
                    throw new MediaMalformedError("MessagePack", "extra data");
                }
                return value;
            }
        } catch (JsonMappingException ex) {
            throw JSONHandler.mediaError("MessagePack", ex);
        } catch (JsonProcessingException ex) {
            throw new MediaMalformedError("MessagePack", ex.getOriginalMessage());
        } catch (IOException | RuntimeException ex) {
            // The msgpack parser reports some malformed input as IOException or runtime errors.
            throw new MediaMalformedError("MessagePack", ex.getMessage());
        } catch (StackOverflowError ex) {
            // NOTE: a last guard should a parser not count nesting; the stack unwound cleanly.
            throw new MediaMalformedError("MessagePack", "nesting too deep");
        }
    }

    @Override
    public byte[] serialize(Object media, String contentType) {
        try {
            return writer.writeValueAsBytes(media);
        } catch (JsonProcessingException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
