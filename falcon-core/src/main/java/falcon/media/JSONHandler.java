package falcon.media;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.PrettyPrinter;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import falcon.MediaMalformedError;
import falcon.MediaNotFoundError;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The JSON media handler, on Jackson.
 *
 * <p>By default it writes what Falcon's handler writes ({@code json.dumps(obj,
 * ensure_ascii=False)}): one line, with a space after {@code :} and {@code ,}, non-ASCII as
 * UTF-8. {@link #compact()} drops the spaces. Request bodies become {@code Map}, {@code List},
 * {@code String}, {@code Integer}/{@code Long}/{@code BigInteger}, {@code Double}, {@code
 * Boolean} or {@code null}. Jackson's stream constraints (nesting depth, number and document
 * length) apply; a body that breaks them is a 400 like any malformed body.
 *
 * <p>Falcon: {@code falcon.media.JSONHandler}.
 */
public class JSONHandler implements BaseHandler {

    private static final ObjectMapper DEFAULT_MAPPER = new ObjectMapper();

    private final ObjectReader reader;
    private final ObjectWriter writer;

    /** Creates a handler that writes Falcon's default JSON format. */
    public JSONHandler() {
        this(DEFAULT_MAPPER, true);
    }

    /**
     * Creates a handler on a configured mapper.
     *
     * @param mapper the Jackson mapper to read and write with
     * @param falconSpacing whether to write {@code ": "} and {@code ", "} as Python's json does
     */
    public JSONHandler(ObjectMapper mapper, boolean falconSpacing) {
        this.reader = mapper.readerFor(Object.class);
        ObjectWriter w = mapper.writer();
        this.writer = falconSpacing ? w.with(new PythonSpacing()) : w.without(
                com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT);
    }

    /** Returns a handler that writes compact JSON: {@code {"a":1}}. */
    public static JSONHandler compact() {
        return new JSONHandler(DEFAULT_MAPPER, false);
    }

    @Override
    public Object deserialize(InputStream stream, String contentType, long contentLength) throws IOException {
        byte[] data = stream.readAllBytes();
        if (data.length == 0) {
            throw new MediaNotFoundError("JSON");
        }
        try {
            return reader.readValue(data);
        } catch (JsonProcessingException ex) {
            throw new MediaMalformedError("JSON", describe(ex));
        }
    }

    /**
     * Parses a JSON text, for {@code getParamAsJson}.
     *
     * @throws JsonProcessingException when the text is not JSON
     */
    public Object parse(String text) throws JsonProcessingException {
        return reader.readValue(text);
    }

    @Override
    public byte[] serialize(Object media, String contentType) {
        try {
            return writer.writeValueAsBytes(media);
        } catch (JsonProcessingException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** Writes {@code media} to a String (e.g. for error bodies). */
    public String serializeToString(Object media) {
        try {
            return writer.writeValueAsString(media);
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
        JsonLocation at = ex.getLocation();
        if (at != null && at.getLineNr() > 0) {
            message += ": line " + at.getLineNr() + " column " + at.getColumnNr();
        }
        return message;
    }

    /** Python's {@code json.dumps} layout: {@code {"a": 1, "b": [1, 2]}}. */
    static final class PythonSpacing implements PrettyPrinter, com.fasterxml.jackson.core.util.Instantiatable<PythonSpacing> {

        @Override
        public PythonSpacing createInstance() {
            return this; // stateless
        }

        @Override
        public void writeRootValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(' ');
        }

        @Override
        public void writeStartObject(JsonGenerator g) throws IOException {
            g.writeRaw('{');
        }

        @Override
        public void writeEndObject(JsonGenerator g, int nrOfEntries) throws IOException {
            g.writeRaw('}');
        }

        @Override
        public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
            g.writeRaw(", ");
        }

        @Override
        public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(": ");
        }

        @Override
        public void writeStartArray(JsonGenerator g) throws IOException {
            g.writeRaw('[');
        }

        @Override
        public void writeEndArray(JsonGenerator g, int nrOfValues) throws IOException {
            g.writeRaw(']');
        }

        @Override
        public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(", ");
        }

        @Override
        public void beforeArrayValues(JsonGenerator g) {
        }

        @Override
        public void beforeObjectEntries(JsonGenerator g) {
        }
    }

    /** Returns true when {@code value} is a JSON object as this handler reads one. */
    static boolean isObject(Object value) {
        return value instanceof Map;
    }
}
