package falcon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import falcon.routing.FieldName;
import falcon.routing.UnacceptableRouteError;
import falcon.testing.Result;
import falcon.testing.TestClient;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

/** Falcon: tests/test_uri_templates.py (fields reaching responders), test_suffixed_routes.py. */
class ResponderBindingTest {

    public static class Typed {
        public void onGet(Request req, Response resp, int id, UUID uid, LocalDateTime when, String name) {
            resp.setText(id + 1 + "|" + uid + "|" + when.getYear() + "|" + name);
        }
    }

    @Test
    void fieldsReachResponderParametersByNameWithTheirConvertersTypes() {
        App app = new App();
        app.addRoute("/t/{name}/{uid:uuid}/{when:dt(\"%Y-%m-%d\")}/{id:int}", new Typed());
        Result result = new TestClient(app).simulateGet(
                "/t/ann/8a8b8c8d-0000-4000-8000-000000000001/2024-02-29/41");
        assertThat(result.getText()).isEqualTo("42|8a8b8c8d-0000-4000-8000-000000000001|2024|ann");
    }

    public static class Things {
        public void onGet(Request req, Response resp, int id) {
            resp.setText("one " + id);
        }

        public void onGetCollection(Request req, Response resp) {
            resp.setText("all");
        }

        public void onPostCollection(Request req, Response resp) {
            resp.setStatus(201);
        }
    }

    @Test
    void suffixedRespondersServeAnotherRouteOfTheSameResource() {
        App app = new App();
        Things things = new Things();
        app.addRoute("/things", things, "collection");
        app.addRoute("/things/{id:int}", things);
        TestClient client = new TestClient(app);
        assertThat(client.simulateGet("/things").getText()).isEqualTo("all");
        assertThat(client.simulatePost("/things").getStatus()).isEqualTo("201 Created");
        assertThat(client.simulateGet("/things/3").getText()).isEqualTo("one 3");
        assertThat(client.simulatePost("/things/3").getHeader("allow")).isEqualTo("GET, OPTIONS");
        assertThat(client.simulateOptions("/things").getHeader("allow")).isEqualTo("GET, POST");
    }

    @Test
    void oneTwoAndThreeFieldsReachTheirParameters() {
        // the responder call takes a different path by parameter count (direct up to two fields)
        App app = new App();
        app.addRoute("/p/{a:int}", new Object() {
            public void onGet(Request req, Response resp, int a) {
                resp.setText("1:" + a);
            }
        });
        app.addRoute("/p/{a:int}/{b}", new Object() {
            public void onGet(Request req, Response resp, String b, int a) {
                resp.setText("2:" + a + "|" + b);
            }
        });
        app.addRoute("/p/{a:int}/{b}/{c}", new Object() {
            public void onGet(Request req, Response resp, int a, String b, Map<String, Object> rest) {
                resp.setText("3:" + a + "|" + b + "|" + rest);
            }
        });
        TestClient c = new TestClient(app);
        assertThat(c.simulateGet("/p/7").getText()).isEqualTo("1:7");
        assertThat(c.simulateGet("/p/7/x").getText()).isEqualTo("2:7|x");
        assertThat(c.simulateGet("/p/7/x/y").getText()).isEqualTo("3:7|x|{c=y}");
    }

    @Test
    void aMapParameterReceivesAllFields() {
        App app = new App();
        app.addRoute("/a/{x}/{y}", new Object() {
            public void onGet(Request req, Response resp, Map<String, Object> fields) {
                resp.setText(fields.toString());
            }
        });
        assertThat(new TestClient(app).simulateGet("/a/1/2").getText()).isEqualTo("{x=1, y=2}");
    }

    @Test
    void fieldNameAnnotationNamesAParameter() {
        App app = new App();
        app.addRoute("/u/{user_id:int}", new Object() {
            public void onGet(Request req, Response resp, @FieldName("user_id") int userId) {
                resp.setText("u" + userId);
            }
        });
        assertThat(new TestClient(app).simulateGet("/u/5").getText()).isEqualTo("u5");
    }

    @Test
    void asyncRespondersMayReturnACompletionStage() {
        App app = new App();
        app.addRoute("/async", new Object() {
            public CompletionStage<Void> onGet(Request req, Response resp) {
                return CompletableFuture.runAsync(() -> resp.setText("later"));
            }
        });
        assertThat(new TestClient(app).simulateGet("/async").getText()).isEqualTo("later");
    }

    @Test
    void aParameterWithoutAFieldFailsAtAddRoute() {
        App app = new App();
        assertThatThrownBy(() -> app.addRoute("/items/{id:int}", new Object() {
            public void onGet(Request req, Response resp, int itemId) {
            }
        })).isInstanceOf(UnacceptableRouteError.class)
                .hasMessageContaining("'/items/{id:int}'")
                .hasMessageContaining("has parameter 'itemId', but the template has no field {itemId}");
    }

    @Test
    void aFieldWithoutAParameterFailsAtAddRoute() {
        App app = new App();
        assertThatThrownBy(() -> app.addRoute("/items/{id}", new Object() {
            public void onGet(Request req, Response resp) {
            }
        })).isInstanceOf(UnacceptableRouteError.class)
                .hasMessageContaining("'/items/{id}'")
                .hasMessageContaining("has no parameter for field {id}");
    }

    @Test
    void aParameterOfTheWrongTypeFailsAtAddRoute() {
        App app = new App();
        assertThatThrownBy(() -> app.addRoute("/items/{id:int}", new Object() {
            public void onGet(Request req, Response resp, UUID id) {
            }
        })).isInstanceOf(UnacceptableRouteError.class)
                .hasMessageContaining("parameter 'UUID id' does not fit field {id}, which converts to Integer");
    }

    @Test
    void aResourceWithoutRespondersFailsAtAddRoute() {
        App app = new App();
        assertThatThrownBy(() -> app.addRoute("/x", new Object()))
                .isInstanceOf(UnacceptableRouteError.class)
                .hasMessageContaining("'/x'")
                .hasMessageContaining("has no responders");
    }

    @Test
    void aMissingSuffixFailsAtAddRoute() {
        App app = new App();
        assertThatThrownBy(() -> app.addRoute("/x", new Things(), "nope"))
                .isInstanceOf(UnacceptableRouteError.class)
                .hasMessageContaining("no responders found for suffix 'nope'");
    }

    @Test
    void aResponderMustStartWithRequestAndResponse() {
        App app = new App();
        assertThatThrownBy(() -> app.addRoute("/x", new Object() {
            public void onGet(Response resp) {
            }
        })).isInstanceOf(UnacceptableRouteError.class)
                .hasMessageContaining("must take (Request req, Response resp, <fields>)");
    }

    @Test
    void overloadedRespondersAreRejected() {
        App app = new App();
        assertThatThrownBy(() -> app.addRoute("/x", new Object() {
            public void onGet(Request req, Response resp) {
            }

            public void onGet(Request req, Response resp, Map<String, Object> all) {
            }
        })).isInstanceOf(UnacceptableRouteError.class).hasMessageContaining("is overloaded");
    }

    @Test
    void oneResourceInstanceServesSeveralTemplates() {
        App app = new App();
        Object shared = new Object() {
            public void onGet(Request req, Response resp, Map<String, Object> fields) {
                resp.setText(req.getUriTemplate() + " " + fields);
            }
        };
        app.addRoute("/a/{x}", shared);
        app.addRoute("/b/{y}/{z}", shared);
        TestClient client = new TestClient(app);
        assertThat(client.simulateGet("/a/1").getText()).isEqualTo("/a/{x} {x=1}");
        assertThat(client.simulateGet("/b/2/3").getText()).isEqualTo("/b/{y}/{z} {y=2, z=3}");
    }
}
