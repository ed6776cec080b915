package falcon.media;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import falcon.HTTPError;
import falcon.MediaMalformedError;
import falcon.MediaNotFoundError;
import java.io.FilterInputStream;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Type;
import java.util.Map;

/**
 * The JSON media handler, on Jackson.
 *
 * <p>By default it writes what Falcon's handler writes ({@code json.dumps(obj,
 * ensure_ascii=False)}): one line, with a space after {@code :} and {@code ,}, non-ASCII as
 * UTF-8. {@link #compact()} drops the spaces. Request bodies become {@code Map}, {@code List},
 * {@code String}, {@code Integer}/{@code Long}/{@code BigInteger}, {@code Double}, {@code
 * Boolean} or {@code null}. The body is parsed as it streams in, never copied whole.
 *
 * <p>Hostile bodies are a 400 ({@link MediaMalformedError}), never a 500. The default mapper
 * applies these limits (Jackson's {@link StreamReadConstraints}; a mapper passed in brings its own):
 * <table>
 * <caption>Limits of the default mapper</caption>
 * <tr><th>limit</th><th>default</th></tr>
 * <tr><td>nesting depth of arrays and objects</td><td>{@value #DEFAULT_MAX_NESTING_DEPTH}</td></tr>
 * <tr><td>characters of one number</td><td>{@value #DEFAULT_MAX_NUMBER_LENGTH}</td></tr>
 * <tr><td>characters of one string</td><td>{@value #DEFAULT_MAX_STRING_LENGTH}</td></tr>
 * <tr><td>bytes of the whole document</td><td>{@value #DEFAULT_MAX_DOCUMENT_LENGTH}</td></tr>
 * </table>
 * Unlike Python's {@code json}, which Falcon uses, a 10,000-deep array is a 400 here rather than
 * a {@code RecursionError} (500). Trailing data after the document is an error, as in Python.
 * {@code NaN} and {@code Infinity} are refused (400): RFC 8259 has no such literals, though
 * Python's {@code json} accepts them. A body in an encoding JSON does not allow (UTF-32, as
 * Jackson detects it) is a 400 too.
 *
 * <p>Java values Python's {@code json} has no form for are written the way an API's clients
 * expect them (Python users get the same with {@code json.dumps(default=str)} or {@code
 * .isoformat()}): records and beans as objects of their properties; {@code java.time} values as
 * ISO-8601 strings ({@code Instant} {@code "2026-12-05T10:15:30Z"}, {@code LocalDate} {@code
 * "2026-12-05"}, {@code OffsetDateTime} with its offset, {@code Duration} {@code "PT1H30M"});
 * {@code Optional} as its value or {@code null}. The same mapper reads them back into those types
 * ({@link #defaultMapper()}), offsets kept as sent.
 *
 * <p>Falcon: {@code falcon.media.JSONHandler}.
 */
public class JSONHandler implements BaseHandler {

    /** The default maximum nesting depth of arrays and objects. */
    public static final int DEFAULT_MAX_NESTING_DEPTH = 500;
    /** The default maximum length of one number, in characters. */
    public static final int DEFAULT_MAX_NUMBER_LENGTH = 1000;
    /** The default maximum length of one string, in characters. */
    public static final int DEFAULT_MAX_STRING_LENGTH = 20_000_000;
    /** The default maximum length of a whole document, in bytes (32 MiB). */
    public static final long DEFAULT_MAX_DOCUMENT_LENGTH = 32L * 1024 * 1024;

    private final ObjectMapper mapper; // null: the default mapper, made on first use
    private final boolean falconSpacing;
    private volatile ObjectReader reader;
    private volatile ObjectWriter writer;

    // PERF: Jackson takes a few hundred milliseconds to start; the default mapper is made on
    // first use, not when an App is created, so that start-up does not wait for it.
    private static final class DefaultMapper {
        static final ObjectMapper INSTANCE = defaultMapper();
        static final JSONHandler FALCON = new JSONHandler(INSTANCE, true);
    }

    /**
     * Returns the shared handler with Falcon's default format, e.g. for error bodies.
     *
     * @return the shared handler on the default mapper
     */
    public static JSONHandler falconDefault() {
        return DefaultMapper.FALCON;
    }

    /** The default mapper, shared: for converting media of other handlers. */
    static ObjectMapper sharedMapper() {
        return DefaultMapper.INSTANCE;
    }

    /**
     * Returns a new mapper with the defaults of this handler: the limits above, trailing data
     * refused, {@code NaN} refused, {@code java.time} and {@code Optional} support with dates as
     * ISO-8601 strings. Start from it to configure a mapper of your own.
     *
     * @return a new mapper, not shared
     */
    public static ObjectMapper defaultMapper() {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(DEFAULT_MAX_NESTING_DEPTH)
                        .maxNumberLength(DEFAULT_MAX_NUMBER_LENGTH)
                        .maxStringLength(DEFAULT_MAX_STRING_LENGTH)
                        .maxDocumentLength(DEFAULT_MAX_DOCUMENT_LENGTH)
                        .build())
                // Python's json escapes control characters with lower-case hex digits.
                .disable(JsonWriteFeature.WRITE_HEX_UPPER_CASE)
                // PERF: Jackson keeps its buffers per thread by default, and the server's workers
                // are a new virtual thread per request: each request allocated (and zeroed) fresh
                // buffers, a third of the JSON workload's CPU. A shared pool serves both.
                .recyclerPool(JsonRecyclerPools.sharedConcurrentDequePool())
                .build();
        return new ObjectMapper(factory)
                .registerModule(new JavaTimeModule())
                .registerModule(new Jdk8Module())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                // An OffsetDateTime read back keeps the offset it was sent with.
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /** Creates a handler that writes Falcon's default JSON format. */
    public JSONHandler() {
        this(null, true);
    }

    /**
     * Creates a handler on a configured mapper.
     *
     * <p>Start from {@link #defaultMapper()}, or give the mapper's factory a shared buffer pool
     * ({@code JsonFactory.builder().recyclerPool(JsonRecyclerPools.sharedConcurrentDequePool())}):
     * Jackson's default pool keeps buffers per thread, and on virtual threads, a new one per
     * request, that means new buffers for every request.
     *
     * @param mapper the Jackson mapper to read and write with
     * @param falconSpacing whether to write {@code ": "} and {@code ", "} as Python's json does
     */
    public JSONHandler(ObjectMapper mapper, boolean falconSpacing) {
        this.mapper = mapper;
        this.falconSpacing = falconSpacing;
        if (mapper != null) {
            init(mapper);
        }
    }

    /**
     * Returns a handler that writes compact JSON: {@code {"a":1}}.
     *
     * @return a new handler on the default mapper, without Falcon's spaces
     */
    public static JSONHandler compact() {
        return new JSONHandler(null, false);
    }

    private void init(ObjectMapper m) {
        ObjectWriter w = m.writer();
        writer = falconSpacing ? w.with(new PythonSpacing())
                : w.without(SerializationFeature.INDENT_OUTPUT);
        reader = m.readerFor(Object.class).with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    private ObjectReader reader() {
        ObjectReader r = reader;
        if (r == null) {
            init(mapper != null ? mapper : DefaultMapper.INSTANCE);
            r = reader;
        }
        return r;
    }

    private ObjectWriter writer() {
        ObjectWriter w = writer;
        if (w == null) {
            init(mapper != null ? mapper : DefaultMapper.INSTANCE);
            w = writer;
        }
        return w;
    }

    /**
     * Parses the body as it streams in.
     *
     * @throws MediaNotFoundError when the body is empty
     * @throws MediaMalformedError when it is not JSON or breaks a limit
     */
    @Override
    public Object deserialize(InputStream stream, String contentType, long contentLength) throws IOException {
        return read(reader(), stream);
    }

    /**
     * Parses the body as it streams in, straight into {@code type}: no intermediate maps, numbers
     * read at the precision the type asks for ({@code BigDecimal} keeps every digit).
     *
     * @throws MediaNotFoundError when the body is empty
     * @throws MediaMalformedError when it is not JSON, breaks a limit or does not fit the type (the
     *     description names the field and what was expected)
     */
    @Override
    public Object deserialize(InputStream stream, String contentType, long contentLength, Type type)
            throws IOException {
        if (type == Object.class) {
            return deserialize(stream, contentType, contentLength);
        }
        ObjectReader r = reader();
        return read(r.forType(r.getTypeFactory().constructType(type)), stream);
    }

    private Object read(ObjectReader r, InputStream stream) throws IOException {
        // NOTE: Jackson closes what it reads from; the request's stream is not ours to close.
        PushbackInputStream in = new PushbackInputStream(new FilterInputStream(stream) {
            @Override
            public void close() {
            }
        }, 1);
        int first = in.read();
        if (first < 0) {
            throw new MediaNotFoundError("JSON");
        }
        in.unread(first);
        try {
            return r.readValue(in);
        } catch (JsonProcessingException ex) {
            throw mediaError("JSON", ex);
        } catch (CharConversionException ex) {
            // NOTE: Jackson auto-detects UTF-32 from the first bytes and fails on its code units:
            // the client's bytes, so a 400, never a 500.
            throw new MediaMalformedError("JSON", ex.getMessage());
        }
    }

    /**
     * Converts media this handler (or another) produced, e.g. the {@code Map} of {@link
     * #deserialize(InputStream, String, long)}, into {@code type}, with this handler's mapper.
     *
     * @param media the deserialized media
     * @param type the type wanted: a class, a record, a bean, or a {@link TypeRef}'s type
     * @return the media as {@code type}
     * @throws MediaMalformedError when the media does not fit the type
     */
    @Override
    public Object convert(Object media, Type type) {
        return convert(mapper != null ? mapper : DefaultMapper.INSTANCE, media, type, "JSON");
    }

    /**
     * Converts deserialized media into {@code type} with {@code mapper}; a value that does not fit
     * is a {@link MediaMalformedError} naming the field, as {@link #mediaError} words it. For
     * handlers of other formats built on Jackson.
     *
     * @param mapper the mapper whose configuration (modules, features) applies
     * @param media the deserialized media
     * @param type the type wanted
     * @param mediaName the short name of the format for the error title, e.g. {@code JSON}
     * @return the media as {@code type}
     * @throws MediaMalformedError when the media does not fit the type
     * @throws IllegalStateException when Jackson cannot make the type at all (no constructor it
     *     can use, say): a mistake in the application, not in the request
     */
    public static Object convert(ObjectMapper mapper, Object media, Type type, String mediaName) {
        // Object.class is converted too: it turns a record read earlier into maps and lists.
        if (type != Object.class && type instanceof Class && ((Class<?>) type).isInstance(media)) {
            return media;
        }
        try {
            return mapper.convertValue(media, mapper.getTypeFactory().constructType(type));
        } catch (IllegalArgumentException ex) {
            if (ex.getCause() instanceof JsonProcessingException) {
                throw mediaError(mediaName, (JsonProcessingException) ex.getCause());
            }
            throw ex;
        }
    }

    /**
     * Words a Jackson failure as the 400 a client should see: for a value that does not fit the
     * type, the field's path and what was expected ({@code field 'items[0].qty': expected an
     * integer, got "two"}), never Jackson's class names or tokens; for a syntax error, Jackson's
     * message without its internals, and the line and column. For handlers of other formats
     * built on Jackson.
     *
     * @param mediaName the short name of the format for the title, e.g. {@code JSON}
     * @param ex what Jackson threw
     * @return the error to throw
     * @throws IllegalStateException (thrown, not returned) when the failure is the application's:
     *     Jackson cannot make the type at all
     */
    public static MediaMalformedError mediaError(String mediaName, JsonProcessingException ex) {
        for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof HTTPError) {
                // the body stream's own answer (a body limit: 413, a slow body: 408), which Jackson
                // wraps while it reads a typed value: it is not the client's JSON that is wrong
                throw (HTTPError) cause;
            }
        }
        if (ex instanceof InvalidDefinitionException) {
            throw new IllegalStateException("media type cannot be read: " + ex.getOriginalMessage(), ex);
        }
        if (ex instanceof JsonMappingException) {
            String mismatch = TypeMismatch.describe((JsonMappingException) ex);
            if (mismatch != null) {
                return new MediaMalformedError(mediaName, mismatch);
            }
        }
        return new MediaMalformedError(mediaName, describe(ex));
    }

    /**
     * Parses a JSON text, for {@code getParamAsJson}.
     *
     * @param text the JSON text
     * @return the parsed value, as {@link #deserialize} returns it
     * @throws JsonProcessingException when the text is not JSON
     */
    public Object parse(String text) throws JsonProcessingException {
        return reader().readValue(text);
    }

    @Override
    public byte[] serialize(Object media, String contentType) {
        try {
            return writer().writeValueAsBytes(media);
        } catch (JsonProcessingException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * Writes {@code media} to a String (e.g. for error bodies).
     *
     * @param media the value to write
     * @return the JSON text
     */
    public String serializeToString(Object media) {
        try {
            return writer().writeValueAsString(media);
        } catch (JsonProcessingException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    static String describe(JsonProcessingException ex) {
        String message = ex.getOriginalMessage();
        int nl = message.indexOf('\n');
        if (nl >= 0) {
            message = message.substring(0, nl);
        }
        // Jackson names the (redacted) source of a start marker, "(start marker at [Source: ..." or
        // "(for Array starting at [Source: ..."; the client needs none of it.
        int source = message.indexOf("[Source");
        if (source >= 0) {
            int open = message.lastIndexOf(" (", source);
            message = message.substring(0, open >= 0 ? open : source).stripTrailing();
        }
        // ... nor how to switch a Jackson feature on ("Non-standard token 'NaN': enable ...").
        int hint = message.indexOf(": enable `");
        if (hint >= 0) {
            message = message.substring(0, hint);
        }
        JsonLocation at = ex.getLocation();
        if (at != null && at.getLineNr() > 0) {
            message += ": line " + at.getLineNr() + " column " + at.getColumnNr();
        }
        return message;
    }

    /** Python's {@code json.dumps} layout: {@code {"a": 1, "b": [1, 2]}}; stateless, so shared. */
    static final class PythonSpacing extends MinimalPrettyPrinter {

        private static final long serialVersionUID = 1L;

        @Override
        public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(": ");
        }

        @Override
        public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
            g.writeRaw(", ");
        }

        @Override
        public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(", ");
        }
    }

    /** Returns true when {@code value} is a JSON object as this handler reads one. */
    static boolean isObject(Object value) {
        return value instanceof Map;
    }
}
