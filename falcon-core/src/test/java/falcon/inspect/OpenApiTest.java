package falcon.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import falcon.App;
import falcon.Request;
import falcon.Response;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@link OpenApi}: the OpenAPI 3.1 document of an App, checked with swagger-parser. */
class OpenApiTest {

    public record Part(String name, int count) {
    }

    public record Thing(UUID id, String name, Optional<String> note, List<Part> parts, LocalDate made,
            Map<String, Double> prices, Kind kind) {
    }

    public enum Kind { SMALL, LARGE }

    public static class ThingsResource {
        @OpenApi.Operation(summary = "Lists the things", tags = "things")
        @OpenApi.Response(status = 200, description = "The things", body = Thing[].class)
        public void onGet(Request req, Response resp) {
        }

        @OpenApi.RequestBody(Thing.class)
        @OpenApi.Response(status = 201, body = Thing.class)
        @OpenApi.Response(status = 409, description = "Already there")
        public void onPost(Request req, Response resp) {
        }

        public void onGetCollection(Request req, Response resp) {
        }
    }

    public static class ThingResource {
        public void onGet(Request req, Response resp, int thingId) {
        }

        @OpenApi.Operation(summary = "Removes a thing", deprecated = true, operationId = "removeThing")
        public void onDelete(Request req, Response resp, int thingId) {
        }
    }

    public static class Everything {
        public void onGet(Request req, Response resp, UUID userId, java.time.LocalDateTime day, double ratio,
                String name, String ext) {
        }

        public void onPropfind(Request req, Response resp, UUID userId, java.time.LocalDateTime day, double ratio,
                String name, String ext) {
        }
    }

    public static class Files {
        public void onGet(Request req, Response resp, String rest) {
        }
    }

    static App app() {
        App app = new App();
        ThingsResource things = new ThingsResource();
        app.addRoute("/things", things);
        app.addRoute("/things/all", things, "collection");
        app.addRoute("/things/{thingId:int(min=1, max=999)}", new ThingResource());
        app.addRoute("/users/{userId:uuid}/days/{day:dt(\"%Y-%m-%d\")}/{ratio:float(0, 1)}/{name}.{ext}",
                new Everything());
        app.addRoute("/files/{rest:path}", new Files());
        return app;
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();

    static SwaggerParseResult parse(String json) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        return new OpenAPIV3Parser().readContents(json, null, options);
    }

    @Test
    void theDocumentIsValidOpenApi31() {
        String json = OpenApi.toJson(app(), "Things", "2.0");
        SwaggerParseResult result = parse(json);
        assertThat(result.getMessages()).isEmpty();
        assertThat(result.getOpenAPI().getOpenapi()).isEqualTo("3.1.0");
        assertThat(result.getOpenAPI().getInfo().getTitle()).isEqualTo("Things");
        assertThat(result.getOpenAPI().getPaths()).containsOnlyKeys("/things", "/things/all", "/things/{thingId}",
                "/users/{userId}/days/{day}/{ratio}/{name}.{ext}", "/files/{rest}");
    }

    @Test
    void theParserFindsMistakes() {
        // The check above can fail: a path parameter missing from its path is reported.
        assertThat(parse("{\"openapi\": \"3.1.0\", \"info\": {\"title\": \"x\", \"version\": \"1\"},"
                + " \"paths\": {\"/a\": {\"get\": {\"parameters\": [{\"name\": \"id\", \"in\": \"path\"}],"
                + " \"responses\": {\"200\": {\"description\": \"OK\"}}}}}}").getMessages()).isNotEmpty();
    }

    @Test
    void fieldsArePathParametersTypedByTheirConverters() throws Exception {
        JsonNode doc = OpenApi.document(app());
        JsonNode thing = doc.at("/paths/~1things~1{thingId}/parameters/0");
        assertThat(thing).isEqualTo(MAPPER.readTree("{\"name\": \"thingId\", \"in\": \"path\", \"required\": true,"
                + " \"schema\": {\"type\": \"integer\", \"minimum\": 1, \"maximum\": 999}}"));
        JsonNode params = doc.at("/paths/~1users~1{userId}~1days~1{day}~1{ratio}~1{name}.{ext}/parameters");
        assertThat(params.get(0).get("schema")).isEqualTo(MAPPER.readTree("{\"type\": \"string\", \"format\": \"uuid\"}"));
        assertThat(params.get(1).get("schema")).isEqualTo(MAPPER.readTree("{\"type\": \"string\", \"format\": \"date\"}"));
        assertThat(params.get(2).get("schema")).isEqualTo(MAPPER.readTree("{\"type\": \"number\", \"minimum\": 0,"
                + " \"maximum\": 1}"));
        assertThat(params.get(3).get("schema")).isEqualTo(MAPPER.readTree("{\"type\": \"string\"}"));
        assertThat(params.get(4).get("name").asText()).isEqualTo("ext");
        assertThat(doc.at("/paths/~1files~1{rest}/parameters/0/description").asText())
                .isEqualTo("the rest of the path, slashes included");
    }

    @Test
    void operationsAreTheResponderTheResourceHasWithSuffixedOnesOnTheirOwnPath() {
        JsonNode doc = OpenApi.document(app());
        assertThat(doc.at("/paths/~1things").fieldNames()).toIterable().containsExactly("get", "post");
        assertThat(doc.at("/paths/~1things~1all").fieldNames()).toIterable().containsExactly("get");
        assertThat(doc.at("/paths/~1things~1all/get/operationId").asText()).isEqualTo("ThingsResource.onGetCollection");
        assertThat(doc.at("/paths/~1things~1{thingId}").fieldNames()).toIterable()
                .containsExactly("parameters", "delete", "get");
        // PROPFIND (WebDAV) has no place in OpenAPI
        assertThat(doc.at("/paths/~1users~1{userId}~1days~1{day}~1{ratio}~1{name}.{ext}").fieldNames()).toIterable()
                .containsExactly("parameters", "get");
    }

    @Test
    void annotationsAddSummariesBodiesAndStatusCodes() throws Exception {
        JsonNode doc = OpenApi.document(app());
        JsonNode get = doc.at("/paths/~1things/get");
        assertThat(get.get("summary").asText()).isEqualTo("Lists the things");
        assertThat(get.get("tags")).isEqualTo(MAPPER.readTree("[\"things\"]"));
        assertThat(get.at("/responses/200")).isEqualTo(MAPPER.readTree("{\"description\": \"The things\","
                + " \"content\": {\"application/json\": {\"schema\": {\"type\": \"array\","
                + " \"items\": {\"$ref\": \"#/components/schemas/Thing\"}}}}}"));
        JsonNode post = doc.at("/paths/~1things/post");
        assertThat(post.at("/requestBody")).isEqualTo(MAPPER.readTree("{\"required\": true, \"content\":"
                + " {\"application/json\": {\"schema\": {\"$ref\": \"#/components/schemas/Thing\"}}}}"));
        assertThat(post.at("/responses/201/description").asText()).isEqualTo("Created");
        assertThat(post.at("/responses/409/description").asText()).isEqualTo("Already there");
        assertThat(post.at("/responses/default/$ref").asText()).isEqualTo("#/components/responses/HTTPError");
        JsonNode delete = doc.at("/paths/~1things~1{thingId}/delete");
        assertThat(delete.get("operationId").asText()).isEqualTo("removeThing");
        assertThat(delete.get("deprecated").asBoolean()).isTrue();
        assertThat(doc.at("/paths/~1things~1{thingId}/get/responses")).isEqualTo(MAPPER.readTree(
                "{\"200\": {\"description\": \"OK\"}, \"default\": {\"$ref\": \"#/components/responses/HTTPError\"}}"));
    }

    @Test
    void recordsBecomeSchemas() throws Exception {
        JsonNode schemas = OpenApi.document(app()).at("/components/schemas");
        assertThat(schemas.fieldNames()).toIterable().containsExactly("HTTPError", "Part", "Thing");
        assertThat(schemas.get("Thing")).isEqualTo(MAPPER.readTree("{\"type\": \"object\", \"properties\": {"
                + "\"id\": {\"type\": \"string\", \"format\": \"uuid\"},"
                + "\"name\": {\"type\": \"string\"},"
                + "\"note\": {\"type\": \"string\"},"
                + "\"parts\": {\"type\": \"array\", \"items\": {\"$ref\": \"#/components/schemas/Part\"}},"
                + "\"made\": {\"type\": \"string\", \"format\": \"date\"},"
                + "\"prices\": {\"type\": \"object\", \"additionalProperties\": {\"type\": \"number\", \"format\": \"double\"}},"
                + "\"kind\": {\"type\": \"string\", \"enum\": [\"SMALL\", \"LARGE\"]}},"
                + "\"required\": [\"id\", \"name\", \"parts\", \"made\", \"prices\", \"kind\"]}"));
        assertThat(schemas.get("Part").get("properties").get("count"))
                .isEqualTo(MAPPER.readTree("{\"type\": \"integer\", \"format\": \"int32\"}"));
    }

    @Test
    void duplicateOperationIdsAreMadeUnique() {
        App app = new App();
        ThingResource resource = new ThingResource();
        app.addRoute("/a/{thingId:int}", resource);
        app.addRoute("/b/{thingId:int}", resource);
        JsonNode doc = OpenApi.document(app);
        assertThat(doc.at("/paths/~1a~1{thingId}/get/operationId").asText()).isEqualTo("ThingResource.onGet");
        assertThat(doc.at("/paths/~1b~1{thingId}/get/operationId").asText()).isEqualTo("ThingResource.onGet_2");
        assertThat(parse(OpenApi.toJson(app, "t", "1")).getMessages()).isEmpty();
    }
}
