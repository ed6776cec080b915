package falcon.validation;

import static org.assertj.core.api.Assertions.assertThat;

import falcon.App;
import falcon.Request;
import falcon.Response;
import falcon.media.TypeRef;
import falcon.testing.Result;
import falcon.testing.Simulate;
import falcon.testing.TestClient;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Positive;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

/** Bean Validation of typed media: a 400 in Falcon's error shape listing each violated field. */
class BeanValidationTest {

    record Line(@NotBlank String sku, @Positive int quantity) {
    }

    record Order(@NotBlank String id, @Email String contact, @NotEmpty List<@Valid Line> lines) {
    }

    /** An ordinary bean with constraints on its fields. */
    public static class Customer {
        @NotBlank
        private String name;

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }
    }

    static final TypeRef<List<Line>> LINES = new TypeRef<>() {
    };

    private static TestClient client(boolean problemDetails) {
        App app = new App();
        BeanValidation.install(app);
        app.getRespOptions().setProblemDetails(problemDetails);
        app.addRoute("/orders", new Object() {
            public void onPost(Request req, Response resp) {
                Order order = req.getMedia(Order.class);
                resp.setText(order.id() + " " + order.lines().size());
            }

            public void onPut(Request req, Response resp) {
                resp.setText("lines " + req.getMedia(LINES).size());
            }

            public CompletionStage<?> onPatch(Request req, Response resp) {
                return req.getMediaAsync(Order.class).thenAccept(order -> resp.setText("async " + order.id()));
            }
        });
        app.addRoute("/customers", new Object() {
            public void onPost(Request req, Response resp) {
                resp.setText(req.getMedia(Customer.class).getName());
            }
        });
        return new TestClient(app);
    }

    private static Result post(String path, String json) {
        return client(false).simulatePost(path, Simulate.with().body(json));
    }

    @Test
    void aValidOrderPasses() {
        Result r = post("/orders", "{\"id\": \"o-1\", \"contact\": \"a@example.com\", \"lines\": [{\"sku\": \"a\", \"quantity\": 2}]}");
        assertThat(r.getStatusCode()).isEqualTo(200);
        assertThat(r.getText()).isEqualTo("o-1 1");
    }

    @Test
    void everyViolatedFieldIsListedInFalconsErrorShape() {
        Result r = post("/orders", "{\"id\": \" \", \"contact\": \"nope\", \"lines\": [{\"sku\": \"a\", \"quantity\": 2},"
                + " {\"sku\": \"\", \"quantity\": 0}]}");
        assertThat(r.getStatusCode()).isEqualTo(400);
        assertThat(r.getJsonMap()).containsEntry("title", "Request data failed validation")
                .containsEntry("description", "contact: must be a well-formed email address; id: must not be blank;"
                        + " lines[1].quantity: must be greater than 0; lines[1].sku: must not be blank")
                .containsEntry("errors", List.of(
                        Map.of("field", "contact", "message", "must be a well-formed email address"),
                        Map.of("field", "id", "message", "must not be blank"),
                        Map.of("field", "lines[1].quantity", "message", "must be greater than 0"),
                        Map.of("field", "lines[1].sku", "message", "must not be blank")));
    }

    @Test
    void aMissingFieldIsAViolationToo() {
        Result r = post("/orders", "{\"id\": \"o-1\"}");
        assertThat(r.getStatusCode()).isEqualTo(400);
        assertThat(r.getJsonMap().get("errors")).isEqualTo(List.of(Map.of("field", "lines", "message", "must not be empty")));
    }

    @Test
    void theElementsOfAGenericTypeAreChecked() {
        Result r = post("/orders", "[{\"sku\": \"a\", \"quantity\": 1}, {\"sku\": \"b\", \"quantity\": -1}]");
        Result put = client(false).simulatePut("/orders",
                Simulate.with().body("[{\"sku\": \"a\", \"quantity\": 1}, {\"sku\": \"b\", \"quantity\": -1}]"));
        assertThat(r.getStatusCode()).isEqualTo(400);
        assertThat(put.getStatusCode()).isEqualTo(400);
        assertThat(put.getJsonMap()).containsEntry("description", "[1].quantity: must be greater than 0");
    }

    @Test
    void beansAreChecked() {
        Result r = post("/customers", "{\"name\": \"\"}");
        assertThat(r.getStatusCode()).isEqualTo(400);
        assertThat(r.getJsonMap()).containsEntry("description", "name: must not be blank");
        assertThat(post("/customers", "{\"name\": \"Ada\"}").getText()).isEqualTo("Ada");
    }

    @Test
    void theAsyncReadIsChecked() {
        Result r = client(false).simulatePatch("/orders", Simulate.with().body("{\"id\": \"\", \"lines\": [{\"sku\": \"a\", \"quantity\": 1}]}"));
        assertThat(r.getStatusCode()).isEqualTo(400);
        assertThat(r.getJsonMap()).containsEntry("description", "id: must not be blank");
    }

    @Test
    void aTypeMismatchIsStillTheParseError() {
        Result r = post("/orders", "{\"id\": \"o\", \"lines\": [{\"sku\": \"a\", \"quantity\": \"x\"}]}");
        assertThat(r.getJsonMap()).containsEntry("title", "Invalid JSON");
    }

    @Test
    void withProblemDetailsTheViolationsAreAnExtensionMember() {
        Result r = client(true).simulatePost("/orders", Simulate.with().body("{\"id\": \"\", \"lines\": [{\"sku\": \"a\", \"quantity\": 1}]}"));
        assertThat(r.getHeader("Content-Type")).isEqualTo("application/problem+json");
        assertThat(r.getText()).isEqualTo("{\"type\": \"about:blank\", \"title\": \"Request data failed validation\","
                + " \"status\": 400, \"detail\": \"id: must not be blank\", \"instance\": \"/orders\","
                + " \"errors\": [{\"field\": \"id\", \"message\": \"must not be blank\"}]}");
    }

    @Test
    void aSecondReadOfAnInvalidBodyFailsTheSameWay() {
        App app = new App();
        BeanValidation.install(app);
        app.addRoute("/twice", new Object() {
            public void onPost(Request req, Response resp) {
                try {
                    req.getMedia(Line.class);
                } catch (ConstraintViolationError first) {
                    resp.setText(first.getViolations().size() + " ");
                }
                req.getMedia(Line.class);
            }
        });
        Result r = new TestClient(app).simulatePost("/twice", Simulate.with().body("{\"sku\": \"\", \"quantity\": 0}"));
        assertThat(r.getStatusCode()).isEqualTo(400);
        assertThat(r.getJsonMap()).containsEntry("description", "quantity: must be greater than 0; sku: must not be blank");
    }

    @Test
    void otherValuesCanBeCheckedByHand() {
        BeanValidation check = BeanValidation.create();
        check.validate(new Line("a", 1));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> check.validate(new Line[] {new Line("a", 1), new Line("b", 0)}))
                .isInstanceOf(ConstraintViolationError.class)
                .extracting(ex -> ((ConstraintViolationError) ex).getViolations())
                .isEqualTo(List.of(new ConstraintViolationError.Violation("[1].quantity", "must be greater than 0")));
    }

    record Filter(@NotBlank String q, @Positive int limit) {
    }

    @Test
    void typedQueryParametersAreCheckedToo() {
        App app = new App();
        BeanValidation.install(app);
        app.addRoute("/search", new Object() {
            public void onGet(Request req, Response resp) {
                Filter one = req.getParamAsMedia("filter", null, false, Filter.class);
                Filter all = req.getQueryStringAsMedia("application/x-www-form-urlencoded", Filter.class);
                resp.setText(one + " " + all);
            }
        });
        TestClient c = new TestClient(app);
        Result bad = c.simulateGet("/search", Simulate.with().queryString("filter=%7B%22q%22%3A%22%22%2C%22limit%22%3A1%7D"));
        assertThat(bad.getStatusCode()).isEqualTo(400);
        assertThat(bad.getJsonMap()).containsEntry("description", "q: must not be blank");
        App formApp = new App();
        BeanValidation.install(formApp);
        formApp.addRoute("/search", new Object() {
            public void onGet(Request req, Response resp) {
                resp.setText(req.getQueryStringAsMedia("application/x-www-form-urlencoded", Filter.class).toString());
            }
        });
        TestClient f = new TestClient(formApp);
        assertThat(f.simulateGet("/search", Simulate.with().queryString("q=x&limit=2")).getText())
                .isEqualTo("Filter[q=x, limit=2]");
        Result invalid = f.simulateGet("/search", Simulate.with().queryString("q=x&limit=0"));
        assertThat(invalid.getStatusCode()).isEqualTo(400);
        assertThat(invalid.getJsonMap()).containsEntry("description", "limit: must be greater than 0");
    }
}
