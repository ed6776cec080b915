package falcon.inspect;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import falcon.App;
import falcon.Request;
import falcon.Status;
import falcon.internal.EngineView;
import falcon.internal.Engines;
import falcon.routing.CompiledRouter;
import falcon.routing.MethodMap;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * An OpenAPI 3.1 document of an App's routes, and a resource that serves it.
 *
 * <pre>{@code
 * app.addRoute("/openapi.json", OpenApi.resource(app));     // GET /openapi.json
 * String json = OpenApi.toJson(app, "Things API", "1.0");   // or the document as text
 * }</pre>
 *
 * <p>Each route is a path, its template's fields written {@code {name}} and described as path
 * parameters typed by their converters: {@code int} an integer with its {@code min} and {@code
 * max}, {@code float} a number, {@code uuid} a string of format {@code uuid}, {@code dt} a string
 * of format {@code date-time} (or {@code date} for {@code "%Y-%m-%d"}), {@code path} and plain
 * fields strings. Each HTTP method the resource answers (its own {@code onXxx}, not the defaults
 * Falcon adds) is an operation whose {@code operationId} is {@code Class.onXxx}; a suffixed route
 * ({@code onGetCollection}) is a path of its own, as it is in the router. Responders may add a
 * summary ({@link Operation}), a request body ({@link RequestBody}) and responses with status
 * codes and bodies ({@link Response}); a record class named there becomes a schema under {@code
 * components/schemas}, its components its properties. Every operation also answers Falcon's
 * error body ({@code components/schemas/HTTPError}) by default. Sinks, static routes and
 * WebSocket responders are not described.
 *
 * <p>Falcon leaves OpenAPI to third-party libraries.
 */
public final class OpenApi {

    /** The OpenAPI version of the documents made here. */
    public static final String OPENAPI_VERSION = "3.1.0";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private OpenApi() {
    }

    /**
     * Describes the operation of a responder.
     *
     * <pre>{@code
     * @OpenApi.Operation(summary = "Lists the things", tags = "things")
     * public void onGet(Request req, Response resp) { ... }
     * }</pre>
     */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    public @interface Operation {
        /**
         * The operation's summary.
         *
         * @return the summary; empty for none
         */
        String summary() default "";

        /**
         * The operation's description.
         *
         * @return the description; empty for none
         */
        String description() default "";

        /**
         * The operation's id.
         *
         * @return the id; empty for {@code Class.onXxx}
         */
        String operationId() default "";

        /**
         * The operation's tags.
         *
         * @return the tags; empty for the resource's class name
         */
        String[] tags() default {};

        /**
         * Whether the operation is deprecated.
         *
         * @return whether the operation is deprecated
         */
        boolean deprecated() default false;
    }

    /**
     * A response of a responder: its status code and body; repeat it for each status.
     *
     * <pre>{@code
     * @OpenApi.Response(status = 201, description = "Created", body = Thing.class)
     * @OpenApi.Response(status = 409, description = "Already there")
     * public void onPost(Request req, Response resp) { ... }
     * }</pre>
     */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @Repeatable(Responses.class)
    public @interface Response {
        /**
         * The status code.
         *
         * @return the status code
         */
        int status();

        /**
         * The response's description.
         *
         * @return the description; empty for the status's reason phrase
         */
        String description() default "";

        /**
         * The body's type: a record, a class, an array type ({@code Thing[].class}) or {@code
         * Void.class} for none.
         *
         * @return the body's type
         */
        Class<?> body() default Void.class;

        /**
         * The body's media type.
         *
         * @return the media type
         */
        String mediaType() default "application/json";
    }

    /** The container of repeated {@link Response} annotations. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    public @interface Responses {
        /**
         * The responses.
         *
         * @return the responses
         */
        Response[] value();
    }

    /** The request body a responder reads. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    public @interface RequestBody {
        /**
         * The body's type: a record, a class or an array type ({@code Thing[].class}).
         *
         * @return the body's type
         */
        Class<?> value();

        /**
         * The body's media type.
         *
         * @return the media type
         */
        String mediaType() default "application/json";

        /**
         * Whether the body is required.
         *
         * @return whether the body is required
         */
        boolean required() default true;

        /**
         * The body's description.
         *
         * @return the description; empty for none
         */
        String description() default "";
    }

    /**
     * Returns the OpenAPI document of {@code app}'s routes, titled {@code Falcon App}, version
     * {@code 1.0.0}.
     *
     * @param app the App
     * @return the document
     * @throws IllegalArgumentException when the App's router cannot be inspected
     */
    public static ObjectNode document(App app) {
        return document(app, "Falcon App", "1.0.0");
    }

    /**
     * Returns the OpenAPI document of {@code app}'s routes.
     *
     * @param app the App
     * @param title the API's title ({@code info.title})
     * @param version the API's version ({@code info.version})
     * @return the document
     * @throws IllegalArgumentException when the App's router cannot be inspected
     */
    public static ObjectNode document(App app, String title, String version) {
        return new Builder().build(app, title, version);
    }

    /**
     * Returns the OpenAPI document of {@code app}'s routes as indented JSON.
     *
     * @param app the App
     * @param title the API's title
     * @param version the API's version
     * @return the document's JSON text
     * @throws IllegalArgumentException when the App's router cannot be inspected
     */
    public static String toJson(App app, String title, String version) {
        try {
            return MAPPER.writeValueAsString(document(app, title, version));
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /**
     * Returns a resource that answers GET with {@code app}'s OpenAPI document, titled {@code
     * Falcon App}; see {@link #resource(App, String, String)}.
     *
     * @param app the App
     * @return the resource
     */
    public static Object resource(App app) {
        return resource(app, "Falcon App", "1.0.0");
    }

    /**
     * Returns a resource that answers GET with {@code app}'s OpenAPI document as JSON. The
     * document is made on the first request, when the App is configured, and kept; the route of
     * the resource itself is left out of it.
     *
     * @param app the App
     * @param title the API's title
     * @param version the API's version
     * @return the resource, for {@code app.addRoute("/openapi.json", ...)}
     */
    public static Object resource(App app, String title, String version) {
        return new DocumentResource(app, title, version);
    }

    /** Serves the document; public for the router, which binds its {@code onGet}. */
    public static final class DocumentResource {
        private final App app;
        private final String title;
        private final String version;
        private volatile byte[] document;

        DocumentResource(App app, String title, String version) {
            this.app = app;
            this.title = title;
            this.version = version;
        }

        /**
         * Answers with the document.
         *
         * @param req the request
         * @param resp the response
         */
        public void onGet(Request req, falcon.Response resp) {
            byte[] body = document;
            if (body == null) {
                body = document = toJson(app, title, version).getBytes(StandardCharsets.UTF_8);
            }
            resp.setContentType("application/json");
            resp.setData(body);
        }
    }

    // ------------------------------------------------------------------ the document

    private static final class Builder {
        private final ObjectNode schemas = JSON.objectNode();
        private final Map<Class<?>, String> schemaNames = new HashMap<>();
        private final Set<String> operationIds = new HashSet<>();

        ObjectNode build(App app, String title, String version) {
            ObjectNode doc = JSON.objectNode();
            doc.put("openapi", OPENAPI_VERSION);
            ObjectNode info = doc.putObject("info");
            info.put("title", title);
            info.put("version", version);
            ObjectNode paths = doc.putObject("paths");
            EngineView engine = Engines.of(app);
            if (engine.router() instanceof CompiledRouter) {
                for (EngineView.RouteEntry route : Engines.routesOf((CompiledRouter) engine.router())) {
                    if (!(route.resource() instanceof DocumentResource)) {
                        path(paths, route.path(), Names.of(route.resource()), route.methodMap());
                    }
                }
            } else {
                for (RouteInfo route : Inspect.inspectRoutes(app)) {
                    path(paths, route.path(), route.className(), route.methods());
                }
            }
            ObjectNode components = doc.putObject("components");
            ObjectNode error = JSON.objectNode();
            error.put("type", "object");
            error.put("description", "Falcon's error body");
            ObjectNode errorProperties = error.putObject("properties");
            errorProperties.putObject("title").put("type", "string");
            errorProperties.putObject("description").put("type", "string");
            errorProperties.putObject("code").put("type", "integer");
            ObjectNode link = errorProperties.putObject("link");
            link.put("type", "object");
            ObjectNode linkProperties = link.putObject("properties");
            linkProperties.putObject("text").put("type", "string");
            linkProperties.putObject("href").put("type", "string");
            linkProperties.putObject("rel").put("type", "string");
            error.putArray("required").add("title");
            ObjectNode all = JSON.objectNode();
            all.set("HTTPError", error);
            all.setAll(new TreeMap<>(toMap(schemas)));
            components.set("schemas", all);
            ObjectNode errorResponse = components.putObject("responses").putObject("HTTPError");
            errorResponse.put("description", "An error, as Falcon renders it");
            errorResponse.putObject("content").putObject("application/json").putObject("schema")
                    .put("$ref", "#/components/schemas/HTTPError");
            return doc;
        }

        private static Map<String, com.fasterxml.jackson.databind.JsonNode> toMap(ObjectNode node) {
            Map<String, com.fasterxml.jackson.databind.JsonNode> map = new HashMap<>();
            node.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue()));
            return map;
        }

        /** A path of a CompiledRouter's route, with the user's responder methods. */
        private void path(ObjectNode paths, String template, String className, MethodMap map) {
            Map<String, Method> found = map.responderMethods();
            ObjectNode item = JSON.objectNode();
            for (String httpMethod : MethodMap.COMBINED_METHODS) {
                Method responder = found.get(httpMethod);
                if (responder != null && isOpenApiMethod(httpMethod)) {
                    item.set(httpMethod.toLowerCase(java.util.Locale.ROOT), operation(className, responder));
                }
            }
            addPath(paths, template, item);
        }

        /** A path of a custom router's route, from its info only. */
        private void path(ObjectNode paths, String template, String className, List<RouteMethodInfo> methods) {
            ObjectNode item = JSON.objectNode();
            for (RouteMethodInfo m : methods) {
                if (!m.internal() && isOpenApiMethod(m.method())) {
                    ObjectNode op = JSON.objectNode();
                    op.put("operationId", operationId(className + "." + m.functionName()));
                    op.putArray("tags").add(className);
                    defaultResponses(op.putObject("responses"));
                    item.set(m.method().toLowerCase(java.util.Locale.ROOT), op);
                }
            }
            addPath(paths, template, item);
        }

        private static boolean isOpenApiMethod(String method) {
            switch (method) {
                case "GET":
                case "PUT":
                case "POST":
                case "DELETE":
                case "OPTIONS":
                case "HEAD":
                case "PATCH":
                case "TRACE":
                    return true;
                default:
                    return false; // CONNECT, WebDAV and WEBSOCKET have no place in OpenAPI
            }
        }

        private void addPath(ObjectNode paths, String template, ObjectNode item) {
            if (item.isEmpty()) {
                return;
            }
            List<PathField> fields = PathField.parse(template);
            if (!fields.isEmpty()) {
                ArrayNode parameters = JSON.arrayNode();
                for (PathField f : fields) {
                    ObjectNode p = parameters.addObject();
                    p.put("name", f.name);
                    p.put("in", "path");
                    p.put("required", true);
                    if (f.description != null) {
                        p.put("description", f.description);
                    }
                    p.set("schema", f.schema);
                }
                ObjectNode withParameters = JSON.objectNode();
                withParameters.set("parameters", parameters);
                withParameters.setAll(item);
                item = withParameters;
            }
            paths.set(PathField.openApiPath(template), item);
        }

        private ObjectNode operation(String className, Method responder) {
            ObjectNode op = JSON.objectNode();
            Operation annotation = responder.getAnnotation(Operation.class);
            String id = className + "." + responder.getName();
            if (annotation != null && !annotation.operationId().isEmpty()) {
                id = annotation.operationId();
            }
            if (annotation != null && !annotation.summary().isEmpty()) {
                op.put("summary", annotation.summary());
            }
            if (annotation != null && !annotation.description().isEmpty()) {
                op.put("description", annotation.description());
            }
            op.put("operationId", operationId(id));
            ArrayNode tags = op.putArray("tags");
            if (annotation != null && annotation.tags().length > 0) {
                for (String t : annotation.tags()) {
                    tags.add(t);
                }
            } else {
                tags.add(className);
            }
            if (annotation != null && annotation.deprecated()) {
                op.put("deprecated", true);
            }
            RequestBody body = responder.getAnnotation(RequestBody.class);
            if (body != null) {
                ObjectNode rb = op.putObject("requestBody");
                if (!body.description().isEmpty()) {
                    rb.put("description", body.description());
                }
                rb.put("required", body.required());
                rb.putObject("content").putObject(body.mediaType()).set("schema", schema(body.value()));
            }
            ObjectNode responses = op.putObject("responses");
            Response[] declared = responder.getAnnotationsByType(Response.class);
            if (declared.length == 0) {
                defaultResponses(responses);
            } else {
                for (Response r : declared) {
                    ObjectNode response = responses.putObject(Integer.toString(r.status()));
                    response.put("description", r.description().isEmpty() ? reason(r.status()) : r.description());
                    if (r.body() != Void.class && r.body() != void.class) {
                        response.putObject("content").putObject(r.mediaType()).set("schema", schema(r.body()));
                    }
                }
                responses.putObject("default").put("$ref", "#/components/responses/HTTPError");
            }
            return op;
        }

        private static String reason(int status) {
            String phrase = Status.reasonPhrase(status);
            return phrase == null || phrase.isEmpty() ? "Status " + status : phrase;
        }

        private static void defaultResponses(ObjectNode responses) {
            responses.putObject("200").put("description", "OK");
            responses.putObject("default").put("$ref", "#/components/responses/HTTPError");
        }

        private String operationId(String wanted) {
            String id = wanted;
            for (int n = 2; !operationIds.add(id); n++) {
                id = wanted + "_" + n;
            }
            return id;
        }

        // -------------------------------------------------------------- schemas of Java types

        ObjectNode schema(Type type) {
            ObjectNode s = JSON.objectNode();
            if (type instanceof WildcardType) {
                Type[] upper = ((WildcardType) type).getUpperBounds();
                return upper.length == 1 ? schema(upper[0]) : s;
            }
            if (type instanceof ParameterizedType) {
                ParameterizedType p = (ParameterizedType) type;
                Class<?> raw = (Class<?>) p.getRawType();
                Type[] args = p.getActualTypeArguments();
                if (Collection.class.isAssignableFrom(raw)) {
                    s.put("type", "array");
                    s.set("items", schema(args[0]));
                    return s;
                } else if (Map.class.isAssignableFrom(raw)) {
                    s.put("type", "object");
                    s.set("additionalProperties", schema(args[1]));
                    return s;
                } else if (raw == Optional.class) {
                    return schema(args[0]);
                }
                return schema(raw);
            }
            if (!(type instanceof Class)) {
                return s; // a type variable: anything
            }
            Class<?> c = (Class<?>) type;
            if (c == String.class || c == char.class || c == Character.class) {
                s.put("type", "string");
            } else if (c == int.class || c == Integer.class || c == short.class || c == Short.class
                    || c == byte.class || c == Byte.class) {
                s.put("type", "integer");
                s.put("format", "int32");
            } else if (c == long.class || c == Long.class) {
                s.put("type", "integer");
                s.put("format", "int64");
            } else if (c == BigInteger.class) {
                s.put("type", "integer");
            } else if (c == double.class || c == Double.class) {
                s.put("type", "number");
                s.put("format", "double");
            } else if (c == float.class || c == Float.class) {
                s.put("type", "number");
                s.put("format", "float");
            } else if (c == BigDecimal.class) {
                s.put("type", "number");
            } else if (c == boolean.class || c == Boolean.class) {
                s.put("type", "boolean");
            } else if (c == UUID.class) {
                s.put("type", "string");
                s.put("format", "uuid");
            } else if (c == LocalDate.class) {
                s.put("type", "string");
                s.put("format", "date");
            } else if (c == LocalDateTime.class || c == OffsetDateTime.class || c == ZonedDateTime.class
                    || c == Instant.class) {
                s.put("type", "string");
                s.put("format", "date-time");
            } else if (c == LocalTime.class) {
                s.put("type", "string");
                s.put("format", "time");
            } else if (c == byte[].class) {
                s.put("type", "string");
                s.put("contentEncoding", "base64");
            } else if (c.isArray()) {
                s.put("type", "array");
                s.set("items", schema(c.getComponentType()));
            } else if (c.isEnum()) {
                s.put("type", "string");
                ArrayNode values = s.putArray("enum");
                for (Object constant : c.getEnumConstants()) {
                    values.add(((Enum<?>) constant).name());
                }
            } else if (Collection.class.isAssignableFrom(c)) {
                s.put("type", "array");
            } else if (Map.class.isAssignableFrom(c) || c == Object.class) {
                s.put("type", "object");
            } else if (c.isRecord()) {
                s.put("$ref", "#/components/schemas/" + recordSchema(c));
            } else {
                s.put("type", "object");
            }
            return s;
        }

        /** Adds a record's schema under components/schemas once; returns its name. */
        private String recordSchema(Class<?> record) {
            String name = schemaNames.get(record);
            if (name != null) {
                return name;
            }
            name = record.getSimpleName();
            if (schemas.has(name) || name.equals("HTTPError")) {
                name = record.getName().replace('.', '_').replace('$', '_');
            }
            schemaNames.put(record, name);
            ObjectNode s = JSON.objectNode();
            schemas.set(name, s); // before the components: a record may refer to itself
            s.put("type", "object");
            ObjectNode properties = s.putObject("properties");
            List<String> required = new ArrayList<>();
            for (RecordComponent component : record.getRecordComponents()) {
                properties.set(component.getName(), schema(component.getGenericType()));
                if (component.getType() != Optional.class) {
                    required.add(component.getName());
                }
            }
            if (!required.isEmpty()) {
                ArrayNode list = s.putArray("required");
                required.forEach(list::add);
            }
            return name;
        }
    }

    /** A field of a URI template, with its converter's schema. */
    static final class PathField {
        final String name;
        final ObjectNode schema;
        final String description;

        private PathField(String name, ObjectNode schema, String description) {
            this.name = name;
            this.schema = schema;
            this.description = description;
        }

        /** The template with {@code {name:converter(...)}} written {@code {name}}. */
        static String openApiPath(String template) {
            StringBuilder sb = new StringBuilder();
            int i = 0;
            while (i < template.length()) {
                char c = template.charAt(i);
                int close = c == '{' ? template.indexOf('}', i) : -1;
                if (close < 0) {
                    sb.append(c);
                    i++;
                    continue;
                }
                String expression = template.substring(i + 1, close);
                int colon = expression.indexOf(':');
                sb.append('{').append(colon < 0 ? expression : expression.substring(0, colon)).append('}');
                i = close + 1;
            }
            return sb.toString();
        }

        static List<PathField> parse(String template) {
            List<PathField> fields = new ArrayList<>();
            int i = template.indexOf('{');
            while (i >= 0) {
                int close = template.indexOf('}', i);
                if (close < 0) {
                    break;
                }
                fields.add(of(template.substring(i + 1, close)));
                i = template.indexOf('{', close);
            }
            return fields;
        }

        private static PathField of(String expression) {
            int colon = expression.indexOf(':');
            String name = colon < 0 ? expression : expression.substring(0, colon);
            ObjectNode s = JSON.objectNode();
            if (colon < 0) {
                s.put("type", "string");
                return new PathField(name, s, null);
            }
            String spec = expression.substring(colon + 1);
            int paren = spec.indexOf('(');
            String converter = paren < 0 ? spec : spec.substring(0, paren);
            List<String> positional = new ArrayList<>();
            Map<String, String> keywords = new HashMap<>();
            if (paren >= 0 && spec.endsWith(")")) {
                for (String arg : splitArguments(spec.substring(paren + 1, spec.length() - 1))) {
                    int eq = arg.indexOf('=');
                    if (eq > 0 && arg.substring(0, eq).trim().matches("[A-Za-z_]\\w*")) {
                        keywords.put(arg.substring(0, eq).trim(), unquote(arg.substring(eq + 1).trim()));
                    } else {
                        positional.add(unquote(arg.trim()));
                    }
                }
            }
            String description = null;
            switch (converter) {
                case "int": {
                    s.put("type", "integer");
                    String digits = argument(positional, keywords, 0, "num_digits");
                    String min = argument(positional, keywords, 1, "min");
                    String max = argument(positional, keywords, 2, "max");
                    putNumber(s, "minimum", min);
                    putNumber(s, "maximum", max);
                    if (digits != null && !digits.equals("None")) {
                        description = "exactly " + digits + " digits";
                    }
                    break;
                }
                case "float": {
                    s.put("type", "number");
                    putNumber(s, "minimum", argument(positional, keywords, 0, "min"));
                    putNumber(s, "maximum", argument(positional, keywords, 1, "max"));
                    break;
                }
                case "uuid":
                    s.put("type", "string");
                    s.put("format", "uuid");
                    break;
                case "dt": {
                    s.put("type", "string");
                    String format = argument(positional, keywords, 0, "format_string");
                    if (format == null || format.equals(falcon.routing.DateTimeConverter.DEFAULT_FORMAT)) {
                        s.put("format", "date-time");
                    } else if (format.equals("%Y-%m-%d")) {
                        s.put("format", "date");
                    } else {
                        description = "a date and time in the format " + format;
                    }
                    break;
                }
                case "path":
                    s.put("type", "string");
                    description = "the rest of the path, slashes included";
                    break;
                default:
                    s.put("type", "string");
                    description = "converted by the '" + converter + "' converter";
                    break;
            }
            return new PathField(name, s, description);
        }

        private static String argument(List<String> positional, Map<String, String> keywords, int index,
                String keyword) {
            String value = keywords.get(keyword);
            if (value == null && index < positional.size()) {
                value = positional.get(index);
            }
            return value;
        }

        private static void putNumber(ObjectNode s, String key, String value) {
            if (value == null || value.equals("None")) {
                return;
            }
            try {
                BigDecimal number = new BigDecimal(value.replace("_", ""));
                if (number.stripTrailingZeros().scale() <= 0) {
                    long integral = number.toBigIntegerExact().longValue();
                    if (integral == (int) integral) {
                        s.put(key, (int) integral);
                    } else {
                        s.put(key, integral);
                    }
                } else {
                    s.put(key, number.doubleValue());
                }
            } catch (NumberFormatException ex) {
                // not a literal the converter would take either: leave it out
            }
        }

        private static List<String> splitArguments(String text) {
            List<String> args = new ArrayList<>();
            StringBuilder current = new StringBuilder();
            char quote = 0;
            for (char c : text.toCharArray()) {
                if (quote != 0) {
                    current.append(c);
                    if (c == quote) {
                        quote = 0;
                    }
                } else if (c == '"' || c == '\'') {
                    quote = c;
                    current.append(c);
                } else if (c == ',') {
                    args.add(current.toString());
                    current.setLength(0);
                } else {
                    current.append(c);
                }
            }
            if (!current.toString().isBlank()) {
                args.add(current.toString());
            }
            return args;
        }

        private static String unquote(String value) {
            if (value.length() >= 2 && (value.charAt(0) == '"' || value.charAt(0) == '\'')
                    && value.charAt(value.length() - 1) == value.charAt(0)) {
                return value.substring(1, value.length() - 1);
            }
            return value;
        }
    }
}
