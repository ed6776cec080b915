package falcon.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import falcon.App;
import falcon.Response;
import falcon.ResponseOptions;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The resource that serves an App's OpenAPI document. */
class OpenApiResourceTest {

    @Test
    void theResourceAnswersWithTheDocumentMadeOnce() {
        App app = InspectTest.fullApp(false);
        OpenApi.DocumentResource resource = (OpenApi.DocumentResource) OpenApi.resource(app, "Shop", "2.1");
        Response first = new Response(new ResponseOptions());
        resource.onGet(null, first);
        assertThat(first.getContentType()).isEqualTo("application/json");
        assertThat(new String(first.getData(), StandardCharsets.UTF_8)).isEqualTo(OpenApi.toJson(app, "Shop", "2.1"))
                .contains("\"title\" : \"Shop\"", "\"version\" : \"2.1\"");
        Response second = new Response(new ResponseOptions());
        resource.onGet(null, second);
        assertThat(second.getData()).as("kept").isSameAs(first.getData());

        Response byDefault = new Response(new ResponseOptions());
        ((OpenApi.DocumentResource) OpenApi.resource(app)).onGet(null, byDefault);
        assertThat(new String(byDefault.getData(), StandardCharsets.UTF_8))
                .isEqualTo(OpenApi.toJson(app, "Falcon App", "1.0.0"));
    }
}
