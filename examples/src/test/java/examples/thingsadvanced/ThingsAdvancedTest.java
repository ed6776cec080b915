package examples.thingsadvanced;

import static org.assertj.core.api.Assertions.assertThat;

import falcon.App;
import falcon.testing.Result;
import falcon.testing.Simulate;
import falcon.testing.TestClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Falcon: {@code examples/things_advanced.py}, every behaviour the manual describes. */
class ThingsAdvancedTest {

    private final TestClient client = new TestClient(Main.createApp());

    private static Simulate authed() {
        return Simulate.with().header("Authorization", "custom-token");
    }

    @Nested
    class Auth {

        @Test
        void aRequestWithoutATokenIs401WithChallengeAndHref() {
            Result result = client.simulateGet("/1/things");

            assertThat(result.getStatusCode()).isEqualTo(401);
            assertThat(result.getHeader("WWW-Authenticate")).isEqualTo("Token type=\"Fernet\"");
            Map<String, Object> body = result.getJsonMap();
            assertThat(body).containsEntry("title", "Auth token required")
                    .containsEntry("description", "Please provide an auth token as part of the request.");
            assertThat(body.get("link")).isEqualTo(Map.of("text", "Documentation related to this error",
                    "href", "http://docs.example.com/auth", "rel", "help"));
        }

        @Test
        void theSinkIsBehindTheAuthMiddlewareToo() {
            assertThat(client.simulateGet("/search/ddg", Simulate.with().param("q", "falcon")).getStatusCode())
                    .isEqualTo(401);
        }

        @Test
        void anInvalidTokenIs401AuthenticationRequired() {
            App app = App.builder().middleware(new AuthMiddleware() {
                @Override
                protected boolean tokenIsValid(String token, String accountId) {
                    return false;
                }
            }).build();
            app.addRoute("/{userId}/things", new ThingsResource(new StorageEngine()));

            Result result = new TestClient(app).simulateGet("/1/things", authed());

            assertThat(result.getStatusCode()).isEqualTo(401);
            assertThat(result.getJsonMap()).containsEntry("title", "Authentication required")
                    .containsEntry("description",
                            "The provided auth token is not valid. Please request a new token and try again.");
            assertThat(result.getHeader("WWW-Authenticate")).isEqualTo("Token type=\"Fernet\"");
        }
    }

    @Nested
    class ContentNegotiation {

        @Test
        void aClientThatDoesNotAcceptJsonIs406() {
            Result result = client.simulateGet("/1/things", authed().header("Accept", "text/html"));

            assertThat(result.getStatusCode()).isEqualTo(406);
            // Not acceptable: Falcon's error body is neither JSON nor XML here, so there is none.
            assertThat(result.getContent()).isEmpty();
        }

        @Test
        void the406BodyIsJsonWhenTheClientAcceptsItAsASuffix() {
            Result result = client.simulateGet("/1/things", authed().header("Accept", "application/problem+json"));

            assertThat(result.getStatusCode()).isEqualTo(406);
            assertThat(result.getJsonMap())
                    .containsEntry("description", "This API only supports responses encoded as JSON.");
        }

        @Test
        void aPostThatIsNotJsonIs415() {
            Result result = client.simulatePost("/1/things",
                    authed().body("color=green").contentType("application/x-www-form-urlencoded"));

            assertThat(result.getStatusCode()).isEqualTo(415);
            assertThat(result.getJsonMap())
                    .containsEntry("title", "This API only supports requests encoded as JSON.");
        }

        @Test
        void aPostWithoutContentTypeIs415() {
            Result result = client.simulatePost("/1/things", authed().body("{}"));

            assertThat(result.getStatusCode()).isEqualTo(415);
        }

        @Test
        void aPutThatIsNotJsonIs415BeforeRouting() {
            Result result = client.simulatePut("/1/things", authed().body("x").contentType("text/plain"));

            assertThat(result.getStatusCode()).isEqualTo(415);
        }
    }

    @Nested
    class Get {

        @Test
        void listsThingsAsJsonWithPoweredBy() {
            Result result = client.simulateGet("/1/things", authed());

            assertThat(result.getStatusCode()).isEqualTo(200);
            assertThat(result.getHeader("Powered-By")).isEqualTo("Falcon");
            assertThat(result.getHeader("Content-Type")).isEqualTo("application/json");
            // json.dumps' default separators, as the Python example writes it.
            assertThat(result.getText()).matches("\\[\\{\"id\": \"[0-9a-f-]{36}\", \"color\": \"green\"}]");
        }

        @Test
        void passesMarkerAndLimitToTheStorageEngine() {
            List<Object> seen = new ArrayList<>();
            StorageEngine db = new StorageEngine() {
                @Override
                public List<Map<String, Object>> getThings(String marker, int limit) throws StorageError {
                    seen.add(marker);
                    seen.add(limit);
                    return super.getThings(marker, limit);
                }
            };
            TestClient c = new TestClient(Main.createApp(db, SearchClient.STUB));

            c.simulateGet("/1/things", authed());
            c.simulateGet("/1/things", authed().param("marker", "m1").param("limit", "5"));
            c.simulateGet("/1/things", authed().param("limit", "0"));

            assertThat(seen).containsExactly("", 50, "m1", 5, "", 50);
        }

        @Test
        void aNonIntegerLimitIs400() {
            Result result = client.simulateGet("/1/things", authed().param("limit", "many"));

            assertThat(result.getStatusCode()).isEqualTo(400);
            assertThat(result.getJsonMap()).containsEntry("title", "Invalid parameter");
        }

        @Test
        void aStorageFailureOnGetIs503WithRetryAfter() {
            StorageEngine broken = new StorageEngine() {
                @Override
                public List<Map<String, Object>> getThings(String marker, int limit) throws StorageError {
                    throw new StorageError("the database is on fire");
                }
            };
            Result result = new TestClient(Main.createApp(broken, SearchClient.STUB)).simulateGet("/1/things", authed());

            assertThat(result.getStatusCode()).isEqualTo(503);
            assertThat(result.getHeader("Retry-After")).isEqualTo("30");
            assertThat(result.getJsonMap()).containsEntry("title", "Service Outage")
                    .containsEntry("description", "Aliens have attacked our base! We will be back as soon as"
                            + " we fight them off. We appreciate your patience.");
        }
    }

    @Nested
    class Post {

        @Test
        void addsAThingAnd201sWithItsLocation() {
            Result result = client.simulatePost("/42/things", authed().json(Map.of("color", "blue")));

            assertThat(result.getStatusCode()).isEqualTo(201);
            assertThat(result.getHeader("Location")).matches("/42/things/[0-9a-f-]{36}");
            assertThat(result.getContent()).isEmpty();
        }

        @Test
        void storesTheDocumentFromTheBody() {
            List<Map<String, Object>> stored = new ArrayList<>();
            StorageEngine db = new StorageEngine() {
                @Override
                public Map<String, Object> addThing(Map<String, Object> thing) throws StorageError {
                    stored.add(thing);
                    return super.addThing(thing);
                }
            };
            new TestClient(Main.createApp(db, SearchClient.STUB))
                    .simulatePost("/1/things", authed().json(Map.of("color", "blue", "size", 3)));

            assertThat(stored).hasSize(1);
            assertThat(stored.get(0)).containsEntry("color", "blue").containsEntry("size", 3).containsKey("id");
        }

        @Test
        void aPostWithoutABodyIs400MissingThing() {
            Result result = client.simulatePost("/1/things", authed().contentType("application/json"));

            assertThat(result.getStatusCode()).isEqualTo(400);
            assertThat(result.getJsonMap()).containsEntry("title", "Missing thing")
                    .containsEntry("description", "A thing must be submitted in the request body.");
        }

        @Test
        void malformedJsonIs400() {
            Result result = client.simulatePost("/1/things",
                    authed().body("{not json").contentType("application/json"));

            assertThat(result.getStatusCode()).isEqualTo(400);
            assertThat(result.getJsonMap()).containsEntry("title", "Malformed JSON")
                    .containsEntry("description", "Could not decode the request body. The JSON was incorrect"
                            + " or not encoded as UTF-8.");
        }

        @Test
        void aBodyThatIsNotUtf8Is400MalformedJson() {
            byte[] latin1 = "{\"color\": \"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);
            Result result = client.simulatePost("/1/things", authed().body(latin1).contentType("application/json"));

            assertThat(result.getStatusCode()).isEqualTo(400);
            assertThat(result.getJsonMap()).containsEntry("title", "Malformed JSON");
        }

        @Test
        void aBodyOver64KiBIs413() {
            String big = "{\"color\": \"" + "x".repeat(64 * 1024) + "\"}";
            Result result = client.simulatePost("/1/things", authed().body(big).contentType("application/json"));

            assertThat(result.getStatusCode()).isEqualTo(413);
            assertThat(result.getJsonMap()).containsEntry("title", "Request body is too large")
                    .containsEntry("description", "The size of the request is too large. The body must not"
                            + " exceed 65536 bytes in length.");
        }

        @Test
        void aBodyOfExactly64KiBIsAccepted() {
            String prefix = "{\"color\": \"";
            String body = prefix + "x".repeat(64 * 1024 - prefix.length() - 2) + "\"}";
            assertThat(body).hasSize(64 * 1024);

            Result result = client.simulatePost("/1/things", authed().body(body).contentType("application/json"));

            assertThat(result.getStatusCode()).isEqualTo(201);
        }

        @Test
        void aStorageErrorGoesToItsErrorHandlerAnd500s() {
            StorageEngine broken = new StorageEngine() {
                @Override
                public Map<String, Object> addThing(Map<String, Object> thing) throws StorageError {
                    throw new StorageError("disk full");
                }
            };
            Result result = new TestClient(Main.createApp(broken, SearchClient.STUB))
                    .simulatePost("/1/things", authed().json(Map.of("color", "blue")));

            assertThat(result.getStatusCode()).isEqualTo(500);
            assertThat(result.getJsonMap()).containsEntry("title", "500 Internal Server Error");
        }
    }

    @Nested
    class Sink {

        @Test
        void proxiesSearchesThroughTheClientWithTheEngineUrlAndQuery() {
            List<String> calls = new ArrayList<>();
            SearchClient recording = (url, params) -> {
                calls.add(url + " q=" + params.get("q"));
                return new SearchClient.Result(202, "text/html", "<p>hits</p>");
            };
            TestClient c = new TestClient(Main.createApp(new StorageEngine(), recording));

            Result ddg = c.simulateGet("/search/ddg", authed().param("q", "falcon"));
            Result yahoo = c.simulateGet("/search/y", authed().param("q", "java"));

            assertThat(calls).containsExactly("https://duckduckgo.com q=falcon",
                    "https://search.yahoo.com/search q=java");
            assertThat(ddg.getStatus()).isEqualTo("202 Accepted");
            assertThat(ddg.getHeader("Content-Type")).isEqualTo("text/html");
            assertThat(ddg.getText()).isEqualTo("<p>hits</p>");
            assertThat(yahoo.getStatusCode()).isEqualTo(202);
        }

        @Test
        void theDefaultClientIsALocalStub() {
            Result result = client.simulateGet("/search/ddg", authed().param("q", "<falcon>"));

            assertThat(result.getStatusCode()).isEqualTo(200);
            assertThat(result.getHeader("Content-Type")).startsWith("text/html");
            assertThat(result.getText()).contains("https://duckduckgo.com").contains("&lt;falcon&gt;");
        }

        @Test
        void aSearchWithoutQIs400MissingParameter() {
            Result result = client.simulateGet("/search/ddg", authed());

            assertThat(result.getStatusCode()).isEqualTo(400);
            assertThat(result.getJsonMap()).containsEntry("title", "Missing parameter");
        }

        @Test
        void onlyTheKnownEnginesAreProxied() {
            assertThat(client.simulateGet("/search/bing", authed().param("q", "x")).getStatusCode()).isEqualTo(404);
            assertThat(client.simulateGet("/search/ddgx", authed().param("q", "x")).getStatusCode()).isEqualTo(404);
        }
    }
}
