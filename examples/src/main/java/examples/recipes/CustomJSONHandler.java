package examples.recipes;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import falcon.media.BaseHandler;
import falcon.media.JSONHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * JSON that a client may ask to be indented, with a media-type parameter: {@code Accept:
 * application/json; indent=4}. Keys are then sorted, as Python's {@code json.dumps(media,
 * indent=indent, sort_keys=True)}; without it (or with an indent outside 0..8) the JSON is Python's
 * one-line form. Falcon: "Prettifying JSON Responses", "Supporting optional indentation".
 */
public class CustomJSONHandler implements BaseHandler {

    /** The deepest indentation a client may ask for. */
    public static final int MAX_INDENT_LEVEL = 8;

    // Python's json.dumps escapes non-ASCII characters by default (ensure_ascii=True).
    private static final ObjectMapper MAPPER = JsonMapperHolder.MAPPER;

    @Override
    public Object deserialize(InputStream stream, String contentType, long contentLength) throws IOException {
        return MAPPER.readValue(stream, Object.class);
    }

    @Override
    public byte[] serialize(Object media, String contentType) {
        Integer indent = indentOf(contentType);
        try {
            if (indent == null) {
                return new JSONHandler(MAPPER, true).serialize(media, contentType);
            }
            ObjectWriter writer = MAPPER.writer(new PythonIndent(indent))
                    .with(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
            return writer.writeValueAsBytes(media);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** The {@code indent} parameter, or {@code null} when absent, not a number or out of range. */
    static Integer indentOf(String contentType) {
        if (contentType == null) {
            return null;
        }
        String[] params = contentType.split(";");
        for (int i = 1; i < params.length; i++) {
            String[] nameValue = params[i].split("=", 2);
            if (nameValue.length == 2 && nameValue[0].trim().equalsIgnoreCase("indent")) {
                try {
                    int indent = Integer.parseInt(nameValue[1].trim());
                    // NOTE: Impose a reasonable indentation level limit.
                    return indent < 0 || indent > MAX_INDENT_LEVEL ? null : indent;
                } catch (NumberFormatException ex) {
                    // TODO: Handle invalid params?
                    return null;
                }
            }
        }
        return null;
    }

    private static final class JsonMapperHolder {
        static final ObjectMapper MAPPER = JSONHandler.defaultMapper();

        static {
            MAPPER.getFactory().configure(JsonWriteFeature.ESCAPE_NON_ASCII.mappedFeature(), true);
        }
    }

    /**
     * Python's {@code indent=n}: each value on its own line, {@code ": "} after a key, and {@code []}
     * / {@code {}} for empty containers (Jackson's default writes {@code [ ]}).
     */
    static final class PythonIndent extends DefaultPrettyPrinter {
        private static final long serialVersionUID = 1L;
        private final int indent;

        PythonIndent(int indent) {
            super(Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEntrySpacing(Separators.Spacing.NONE)
                    .withArrayValueSpacing(Separators.Spacing.NONE));
            this.indent = indent;
            DefaultIndenter indenter = new DefaultIndenter(" ".repeat(indent), "\n");
            indentObjectsWith(indenter);
            indentArraysWith(indenter);
        }

        @Override
        public DefaultPrettyPrinter createInstance() {
            return new PythonIndent(indent);
        }

        @Override
        public void writeEndObject(JsonGenerator g, int nrOfEntries) throws IOException {
            if (nrOfEntries == 0) {
                --_nesting;
                g.writeRaw('}');
                return;
            }
            super.writeEndObject(g, nrOfEntries);
        }

        @Override
        public void writeEndArray(JsonGenerator g, int nrOfValues) throws IOException {
            if (nrOfValues == 0) {
                --_nesting;
                g.writeRaw(']');
                return;
            }
            super.writeEndArray(g, nrOfValues);
        }
    }
}
