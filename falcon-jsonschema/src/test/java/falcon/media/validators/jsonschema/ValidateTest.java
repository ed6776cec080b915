package falcon.media.validators.jsonschema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import falcon.After;
import falcon.App;
import falcon.Before;
import falcon.Request;
import falcon.Response;
import falcon.testing.Result;
import falcon.testing.Simulate;
import falcon.testing.TestClient;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Falcon: tests/test_validators.py; messages recorded from Falcon 3.1.1 with Python's jsonschema. */
class ValidateTest {

    public static class Things {
        @Before(value = ValidateRequest.class, args = "schemas/thing.json")
        @After(value = ValidateResponse.class,
                args = "{\"type\": \"object\", \"properties\": {\"id\": {\"type\": \"integer\"}}, \"required\": [\"id\"]}")
        public void onPost(Request req, Response resp) {
            resp.setMedia(req.getParam("id") != null ? Map.of("id", req.getParamAsInt("id")) : Map.of("nope", 1));
        }
    }

    static TestClient client() {
        App app = new App();
        app.addRoute("/v", new Things());
        return new TestClient(app);
    }

    @Test
    void validMediaPassesBothWays() {
        Result r = client().simulatePost("/v", Simulate.with().body("{\"name\": \"ok\"}").param("id", "3"));
        assertThat(r.getStatusCode()).isEqualTo(200);
        assertThat(r.getText()).isEqualTo("{\"id\": 3}");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{}|'name' is a required property",
        "{\"name\": 5}|5 is not of type 'string'",
        "{\"name\": \"x\"}|'x' is too short",
        "{\"name\": \"toolong\"}|'toolong' is too long",
        "{\"name\": \"ok\", \"age\": -1}|-1 is less than the minimum of 0",
        "{\"name\": \"ok\", \"age\": 200}|200 is greater than the maximum of 150",
        "{\"name\": \"ok\", \"age\": \"x\"}|'x' is not of type 'integer'",
        "{\"name\": \"ok\", \"email\": \"nope\"}|'nope' is not a 'email'",
        "{\"name\": \"ok\", \"kind\": \"c\"}|'c' is not one of ['a', 'b']",
        "{\"name\": \"ok\", \"code\": \"abc\"}|'abc' does not match '^[0-9]+$'",
        "{\"name\": \"ok\", \"extra\": 1}|Additional properties are not allowed ('extra' was unexpected)",
        "{\"name\": \"ok\", \"tags\": [\"a\", 1]}|1 is not of type 'string'",
        "[1]|[1] is not of type 'object'",
        "{\"name\": \"ok\", \"age\": 1.5}|1.5 is not of type 'integer'",
        "{\"name\": true}|True is not of type 'string'"})
    void invalidRequestMediaIsA400WithJsonschemasMessage(String body, String message) {
        Result r = client().simulatePost("/v", Simulate.with().body(body).param("id", "3"));
        assertThat(r.getStatusCode()).isEqualTo(400);
        assertThat(r.getJsonMap()).containsEntry("title", "Request data failed validation")
                .containsEntry("description", message);
    }

    @Test
    void anEmptyBodyIsStillMediaNotFound() {
        Result r = client().simulatePost("/v", Simulate.with().body("").contentType("application/json"));
        assertThat(r.getText()).isEqualTo(
                "{\"title\": \"Invalid JSON\", \"description\": \"Could not parse an empty JSON body\"}");
    }

    @Test
    void invalidResponseMediaIsA500WithoutDetails() {
        Result r = client().simulatePost("/v", Simulate.with().body("{\"name\": \"ok\"}"));
        assertThat(r.getStatusCode()).isEqualTo(500);
        assertThat(r.getText()).isEqualTo("{\"title\": \"Response data failed validation\"}");
    }

    @Test
    void aMissingSchemaFailsAtAddRoute() {
        assertThatThrownBy(() -> new ValidateRequest("schemas/missing.json"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("schemas/missing.json");
    }

    @Test
    void schemasCanBeBuiltInCode() {
        JsonSchema schema = JsonSchema.of(Map.of("type", "array", "maxItems", 1));
        assertThat(schema.validate(java.util.List.of(1))).isNull();
        assertThat(schema.validate(java.util.List.of(1, 2))).isNotNull();
    }
}
