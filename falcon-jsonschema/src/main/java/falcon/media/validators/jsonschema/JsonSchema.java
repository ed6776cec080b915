package falcon.media.validators.jsonschema;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * A compiled JSON Schema that checks media: {@code Map}s, {@code List}s and scalars as the JSON
 * handler reads them.
 *
 * <p>Validation uses networknt's json-schema-validator with {@code format} assertions on (as
 * Falcon passes {@code FormatChecker()}); the dialect is the schema's {@code $schema}, else draft
 * 2020-12. Messages follow Python's {@code jsonschema} for the common keywords ({@code required},
 * {@code type}, {@code enum}, {@code minimum}, {@code maximum}, {@code minLength}, {@code
 * maxLength}, {@code pattern}, {@code format}, {@code additionalProperties}); others use the
 * validator's wording.
 *
 * <p>Falcon: the {@code req_schema} and {@code resp_schema} of {@code jsonschema.validate}.
 */
public final class JsonSchema {

    // buffers pooled across threads: validation runs on a new virtual thread per request
    private static final ObjectMapper MAPPER = new ObjectMapper(
            JsonFactory.builder().recyclerPool(JsonRecyclerPools.sharedConcurrentDequePool()).build());
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

    private final Schema schema;

    private JsonSchema(JsonNode node) {
        this.schema = REGISTRY.getSchema(node);
    }

    /**
     * Loads a schema: inline JSON when {@code source} starts with <code>{</code>, else a class-path
     * resource such as {@code "schemas/thing.json"}.
     *
     * @param source inline JSON, or the class-path resource path (a leading {@code /} is ignored)
     * @return the compiled schema
     * @throws IllegalArgumentException when the resource is missing or not JSON
     */
    public static JsonSchema load(String source) {
        String text = source.strip();
        try {
            if (text.startsWith("{")) {
                return new JsonSchema(MAPPER.readTree(text));
            }
            String path = text.startsWith("/") ? text.substring(1) : text;
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            InputStream in = loader == null ? null : loader.getResourceAsStream(path);
            if (in == null) {
                in = JsonSchema.class.getClassLoader().getResourceAsStream(path);
            }
            if (in == null) {
                throw new IllegalArgumentException("JSON Schema not found on the class path: " + source);
            }
            try (InputStream schemaIn = in) {
                return new JsonSchema(MAPPER.readTree(schemaIn));
            }
        } catch (JsonProcessingException ex) {
            throw new IllegalArgumentException("not a JSON Schema: " + source + ": " + ex.getOriginalMessage(), ex);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * Compiles a schema given as media, e.g. a {@code Map} built in code.
     *
     * @param schema the schema as media
     * @return the compiled schema
     */
    public static JsonSchema of(Object schema) {
        return new JsonSchema(MAPPER.valueToTree(schema));
    }

    /**
     * Validates {@code media}.
     *
     * @param media the media to validate
     * @return the message of the most relevant error (the least deep one), or {@code null} when valid
     */
    public String validate(Object media) {
        JsonNode instance = MAPPER.valueToTree(media);
        List<Error> errors = schema.validate(instance);
        if (errors.isEmpty()) {
            return null;
        }
        Error best = errors.get(0);
        for (Error e : errors) {
            if (depth(e) < depth(best)) {
                best = e;
            }
        }
        return message(best);
    }

    private static int depth(Error e) {
        return e.getInstanceLocation() == null ? 0 : e.getInstanceLocation().getNameCount();
    }

    /** Words an error as Python's jsonschema does, for the common keywords. */
    static String message(Error e) {
        JsonNode instance = e.getInstanceNode();
        JsonNode schemaNode = e.getSchemaNode();
        String keyword = e.getKeyword() == null ? "" : e.getKeyword();
        String value = instance == null ? "None" : repr(instance);
        switch (keyword) {
            case "required":
                return e.getProperty() == null ? e.getMessage() : repr(e.getProperty()) + " is a required property";
            case "type":
                return value + " is not of type " + typeNames(schemaNode);
            case "enum":
                return value + " is not one of " + repr(schemaNode);
            case "minimum":
                return value + " is less than the minimum of " + repr(schemaNode);
            case "maximum":
                return value + " is greater than the maximum of " + repr(schemaNode);
            case "minLength":
                return value + " is too short";
            case "maxLength":
                return value + " is too long";
            case "pattern":
                return value + " does not match " + repr(schemaNode);
            case "format":
                return value + " is not a " + repr(schemaNode);
            case "additionalProperties":
                return e.getProperty() == null ? e.getMessage()
                        : "Additional properties are not allowed (" + repr(e.getProperty()) + " was unexpected)";
            default:
                return e.getMessage();
        }
    }

    private static String typeNames(JsonNode types) {
        if (types != null && types.isArray()) {
            StringBuilder sb = new StringBuilder();
            for (JsonNode t : types) {
                sb.append(sb.length() == 0 ? "" : ", ").append(repr(t));
            }
            return sb.toString();
        }
        return types == null ? "" : repr(types);
    }

    private static String repr(String s) {
        return repr(MAPPER.getNodeFactory().textNode(s));
    }

    /** Python's {@code repr} of a JSON value: {@code 'a'}, {@code True}, {@code None}, {@code [1, 2]}. */
    static String repr(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return "None";
        }
        if (node.isBoolean()) {
            return node.booleanValue() ? "True" : "False";
        }
        if (node.isTextual()) {
            String s = node.textValue();
            boolean dq = s.indexOf('\'') >= 0 && s.indexOf('"') < 0;
            StringBuilder sb = new StringBuilder().append(dq ? '"' : '\'');
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '\\' || (c == '\'' && !dq)) {
                    sb.append('\\').append(c);
                } else if (c == '\n') {
                    sb.append("\\n");
                } else if (c == '\r') {
                    sb.append("\\r");
                } else if (c == '\t') {
                    sb.append("\\t");
                } else if (c < 0x20 || c == 0x7f) {
                    sb.append(String.format("\\x%02x", (int) c));
                } else {
                    sb.append(c);
                }
            }
            return sb.append(dq ? '"' : '\'').toString();
        }
        if (node.isArray()) {
            StringBuilder sb = new StringBuilder("[");
            for (JsonNode item : node) {
                sb.append(sb.length() == 1 ? "" : ", ").append(repr(item));
            }
            return sb.append(']').toString();
        }
        if (node.isObject()) {
            StringBuilder sb = new StringBuilder("{");
            for (Map.Entry<String, JsonNode> f : node.properties()) {
                sb.append(sb.length() == 1 ? "" : ", ").append(repr(f.getKey())).append(": ").append(repr(f.getValue()));
            }
            return sb.append('}').toString();
        }
        return node.asText();
    }
}
