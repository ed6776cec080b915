package examples.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import falcon.App;
import falcon.inspect.OpenApi;
import falcon.testing.Result;
import falcon.testing.TestClient;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The OpenAPI document of every example app, checked with swagger-parser. */
class OpenApiExamplesTest {

    static Stream<Arguments> apps() {
        return Stream.of(
                Arguments.of("things", (Supplier<App>) examples.things.Main::createApp),
                Arguments.of("thingsadvanced", (Supplier<App>) examples.thingsadvanced.Main::createApp),
                Arguments.of("ws", (Supplier<App>) () -> examples.ws.Main.createApp(
                        new examples.ws.LoggingMiddleware(), new examples.ws.EventFeed())),
                Arguments.of("sse", (Supplier<App>) () -> examples.sse.Main.createApp(
                        new examples.sse.EventsResource(10))));
    }

    private static SwaggerParseResult parse(String json) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        return new OpenAPIV3Parser().readContents(json, null, options);
    }

    @ParameterizedTest
    @MethodSource("apps")
    void theDocumentOfEachExampleIsValidOpenApi31(String name, Supplier<App> app) {
        SwaggerParseResult result = parse(OpenApi.toJson(app.get(), name, "1.0"));
        assertThat(result.getMessages()).isEmpty();
        OpenAPI api = result.getOpenAPI();
        assertThat(api.getOpenapi()).isEqualTo("3.1.0");
        assertThat(api.getInfo().getTitle()).isEqualTo(name);
        assertThat(api.getPaths()).isNotEmpty();
    }

    @Test
    void thingsAdvancedHasItsRouteWithATypedPathParameter() {
        OpenAPI api = parse(OpenApi.toJson(examples.thingsadvanced.Main.createApp(), "t", "1")).getOpenAPI();
        assertThat(api.getPaths()).containsOnlyKeys("/{userId}/things");
        var item = api.getPaths().get("/{userId}/things");
        assertThat(item.getParameters()).singleElement().satisfies(p -> {
            assertThat(p.getName()).isEqualTo("userId");
            assertThat(p.getIn()).isEqualTo("path");
            assertThat(p.getSchema().getTypes()).containsExactly("string");
        });
        assertThat(item.getGet().getOperationId()).isEqualTo("ThingsResource.onGet");
        assertThat(item.getPost().getOperationId()).isEqualTo("ThingsResource.onPost");
    }

    @Test
    void oneCallServesTheDocument() throws Exception {
        App app = examples.things.Main.createApp();
        app.addRoute("/openapi.json", OpenApi.resource(app));
        Result result = new TestClient(app).simulateGet("/openapi.json");
        assertThat(result.getStatusCode()).isEqualTo(200);
        assertThat(result.getHeader("Content-Type")).isEqualTo("application/json");
        JsonNode doc = new ObjectMapper().readTree(result.getText());
        assertThat(doc.get("paths").fieldNames()).toIterable().containsExactly("/things");
        assertThat(doc.at("/info/title").asText()).isEqualTo("Falcon App");
        assertThat(parse(result.getText()).getMessages()).isEmpty();
        // Made once, on the first request: the same bytes again.
        assertThat(new TestClient(app).simulateGet("/openapi.json").getText()).isEqualTo(result.getText());
    }
}
