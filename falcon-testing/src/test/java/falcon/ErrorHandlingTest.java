package falcon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import falcon.routing.RouteParams;
import falcon.testing.Result;
import falcon.testing.Simulate;
import falcon.testing.TestClient;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Falcon: tests/test_error_handlers.py, tests/test_httperror.py. Expected bodies and header
 * orders were recorded from Falcon 3.1.1.
 */
class ErrorHandlingTest {

    static final String JSON_BODY = "{\"title\": \"Bad thing\", \"description\": \"It <broke> & \\\"so\\\"\", "
            + "\"code\": 42, \"link\": {\"text\": \"Documentation related to this error\", "
            + "\"href\": \"http://x.org/a%20b\", \"rel\": \"help\"}}";
    static final String XML_BODY = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><error><title>Bad thing</title>"
            + "<description>It &lt;broke&gt; &amp; \"so\"</description><code>42</code><link><text>Documentation "
            + "related to this error</text><href>http://x.org/a%20b</href><rel>help</rel></link></error>";

    public static class Failing {
        public void onGet(Request req, Response resp) {
            throw new HTTPBadRequest("Bad thing", "It <broke> & \"so\"").withCode(42).withHref("http://x.org/a b")
                    .withHeader("X-E", "1");
        }

        public void onPost(Request req, Response resp) {
            throw new HTTPUnauthorized("Nope", null, List.of("Basic realm=\"x\"", "Bearer"));
        }

        public void onPut(Request req, Response resp) {
            throw new HTTPMovedPermanently("/new place");
        }

        public void onPatch(Request req, Response resp) {
            throw new HTTPServiceUnavailable(30);
        }

        public void onDelete(Request req, Response resp) {
            throw new HTTPRangeNotSatisfiable(100);
        }
    }

    private static TestClient client(App app) {
        app.addRoute("/e", new Failing());
        return new TestClient(app);
    }

    @ParameterizedTest(name = "Accept: {0}")
    @CsvSource(delimiter = '|', value = {
        "application/json|application/json",
        "application/xml|application/xml",
        "text/xml|text/xml",
        "*/*|application/json",
        "application/xml;q=0.5, application/json;q=0.4|application/xml",
        "application/problem+xml|application/xml",
        "application/vnd.api+json|application/json",
        "application/json, application/xml|application/json"})
    void errorsAreSerializedByAccept(String accept, String expectedType) {
        Result result = client(new App()).simulateGet("/e", Simulate.with().header("Accept", accept));
        assertThat(result.getStatus()).isEqualTo("400 Bad Request");
        assertThat(result.getHeaderLines()).containsSubsequence("x-e", "1", "content-type", expectedType,
                "vary", "Accept");
        assertThat(result.getText()).isEqualTo(expectedType.endsWith("json") ? JSON_BODY : XML_BODY);
    }

    @Test
    void noBodyWhenTheClientAcceptsNeitherJsonNorXml() {
        Result result = client(new App()).simulateGet("/e", Simulate.with().header("Accept", "text/html"));
        assertThat(result.getHeaderLines()).containsExactly("x-e", "1", "vary", "Accept", "content-length", "0",
                "content-type", "application/json");
        assertThat(result.getContent()).isEmpty();
    }

    @Test
    void unauthorizedSendsItsChallenges() {
        Result result = client(new App()).simulatePost("/e");
        assertThat(result.getHeader("www-authenticate")).isEqualTo("Basic realm=\"x\", Bearer");
        assertThat(result.getText()).isEqualTo("{\"title\": \"Nope\"}");
    }

    @Test
    void redirectsSetLocationAndHaveNoBody() {
        Result result = client(new App()).simulatePut("/e");
        assertThat(result.getStatus()).isEqualTo("301 Moved Permanently");
        assertThat(result.getHeaderLines()).containsExactly("location", "/new place", "content-length", "0",
                "content-type", "application/json");
    }

    @Test
    void retryAfterAndContentRangeComeFromSpecialArguments() {
        TestClient client = client(new App());
        assertThat(client.simulatePatch("/e").getHeader("retry-after")).isEqualTo("30");
        Result range = client.simulateDelete("/e");
        assertThat(range.getHeader("content-range")).isEqualTo("bytes */100");
        assertThat(range.getText()).isEqualTo("{\"title\": \"416 Range Not Satisfiable\"}");
    }

    @Test
    void uncaughtExceptionsBecomeA500WithoutTheTrace() {
        App app = new App();
        app.addRoute("/boom", new Object() {
            public void onGet(Request req, Response resp) {
                resp.setText("partial");
                throw new IllegalStateException("secret detail");
            }
        });
        Result result = new TestClient(app).simulateGet("/boom");
        assertThat(result.getStatus()).isEqualTo("500 Internal Server Error");
        assertThat(result.getText()).isEqualTo("{\"title\": \"500 Internal Server Error\"}");
    }

    static class StorageError extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    static class DiskFull extends StorageError {
        private static final long serialVersionUID = 1L;
    }

    @Test
    void theMostSpecificHandlerWinsAndTheLatestForTheSameClass() {
        App app = new App();
        app.addErrorHandler(RuntimeException.class, (req, resp, ex, params) -> resp.setText("runtime"));
        app.addErrorHandler(StorageError.class, (req, resp, ex, params) -> resp.setText("storage-old"));
        app.addErrorHandler(StorageError.class, (req, resp, ex, params) -> resp.setText("storage"));
        app.addRoute("/disk", new Object() {
            public void onGet(Request req, Response resp) {
                throw new DiskFull();
            }

            public void onPost(Request req, Response resp) {
                throw new IllegalArgumentException();
            }
        });
        TestClient client = new TestClient(app);
        assertThat(client.simulateGet("/disk").getText()).isEqualTo("storage");
        assertThat(client.simulatePost("/disk").getText()).isEqualTo("runtime");
    }

    @Test
    void aHandlerMayRaiseAnHttpErrorToRender() {
        App app = new App();
        app.addErrorHandler(StorageError.class, (req, resp, ex, params) -> {
            throw new HTTPServiceUnavailable("Storage down", "Try later");
        });
        app.addRoute("/disk/{id}", new Object() {
            public void onGet(Request req, Response resp, String id) {
                throw new StorageError();
            }
        });
        Result result = new TestClient(app).simulateGet("/disk/1");
        assertThat(result.getStatusCode()).isEqualTo(503);
        assertThat(result.getText()).isEqualTo("{\"title\": \"Storage down\", \"description\": \"Try later\"}");
    }

    @Test
    void handlersReceiveTheRouteParams() {
        App app = new App();
        app.addErrorHandler(StorageError.class, (Request req, Response resp, StorageError ex, RouteParams params) ->
                resp.setText("failed on " + params.get("id")));
        app.addRoute("/disk/{id}", new Object() {
            public void onGet(Request req, Response resp, String id) {
                throw new StorageError();
            }
        });
        assertThat(new TestClient(app).simulateGet("/disk/a7").getText()).isEqualTo("failed on a7");
    }

    @Test
    void theDefaultHttpErrorHandlerCanBeReplaced() {
        App app = new App();
        app.addErrorHandler(HTTPError.class, (req, resp, ex, params) -> {
            resp.setStatus(ex.getStatus());
            resp.setText("custom: " + ex.getTitle());
        });
        Result result = new TestClient(app).simulateGet("/none");
        assertThat(result.getStatusCode()).isEqualTo(404);
        assertThat(result.getText()).isEqualTo("custom: 404 Not Found");
    }

    @Test
    void theDefaultExceptionHandlerCanBeReplaced() {
        App app = new App();
        app.addErrorHandler(Exception.class, (req, resp, ex, params) -> {
            resp.setStatus(Status.HTTP_502);
            resp.setText(ex.getClass().getSimpleName());
        });
        app.addRoute("/x", new Object() {
            public void onGet(Request req, Response resp) {
                throw new UnsupportedOperationException();
            }
        });
        Result result = new TestClient(app).simulateGet("/x");
        assertThat(result.getStatus()).isEqualTo("502 Bad Gateway");
        assertThat(result.getText()).isEqualTo("UnsupportedOperationException");
    }

    @Test
    void aCustomSerializerReplacesTheBody() {
        App app = new App();
        app.setErrorSerializer((req, resp, ex) -> {
            resp.setContentType("text/plain");
            resp.setText(ex.getStatusCode() + ":" + ex.getTitle());
        });
        Result result = new TestClient(app).simulateGet("/none");
        assertThat(result.getHeader("content-type")).isEqualTo("text/plain");
        assertThat(result.getText()).isEqualTo("404:404 Not Found");
        assertThat(result.getHeader("vary")).isNull();
    }

    @Test
    void httpStatusShortCircuitsWithItsHeadersAndText() {
        App app = new App();
        app.addRoute("/s", new Object() {
            public void onGet(Request req, Response resp) {
                throw new HTTPStatus(Status.HTTP_202, java.util.Map.of("X-A", "b"), "hi");
            }
        });
        Result result = new TestClient(app).simulateGet("/s");
        assertThat(result.getStatus()).isEqualTo("202 Accepted");
        assertThat(result.getHeaderLines()).containsExactly("x-a", "b", "content-length", "2", "content-type",
                "application/json");
        assertThat(result.getText()).isEqualTo("hi");
    }

    @Test
    void errorBodiesUseTheResponseJsonHandler() {
        App app = new App();
        app.getRespOptions().mediaHandlers.put("application/json", falcon.media.JSONHandler.compact());
        assertThat(new TestClient(app).simulateGet("/none").getText()).isEqualTo("{\"title\":\"404 Not Found\"}");
    }

    /** A mixin-like marker, as Falcon apps register handlers for mixin classes. */
    interface Retryable {
    }

    static class FlakyUpstream extends RuntimeException implements Retryable {
        private static final long serialVersionUID = 1L;
    }

    static class FlakierUpstream extends FlakyUpstream {
        private static final long serialVersionUID = 1L;
    }

    private static TestClient raising(RuntimeException... errors) {
        App app = new App();
        app.addRoute("/e/{i:int}", new Object() {
            public void onGet(Request req, Response resp, int i) {
                throw errors[i];
            }
        });
        app.addErrorHandler(List.of(IllegalStateException.class, UnsupportedOperationException.class),
                (req, resp, ex, params) -> resp.setText("several: " + ex.getClass().getSimpleName()));
        app.addErrorHandler(List.of(Retryable.class), (req, resp, ex, params) -> {
            resp.setStatus(Status.HTTP_503);
            resp.setText("retry: " + ex.getClass().getSimpleName());
        });
        return new TestClient(app);
    }

    @Test
    void oneHandlerForSeveralExceptionClasses() {
        TestClient c = raising(new IllegalStateException(), new UnsupportedOperationException(),
                new IllegalArgumentException());
        assertThat(c.simulateGet("/e/0").getText()).isEqualTo("several: IllegalStateException");
        assertThat(c.simulateGet("/e/1").getText()).isEqualTo("several: UnsupportedOperationException");
        assertThat(c.simulateGet("/e/2").getStatusCode()).isEqualTo(500);
    }

    @Test
    void aHandlerForAnInterfaceTakesItsImplementationsAndTheirSubclasses() {
        TestClient c = raising(new FlakyUpstream(), new FlakierUpstream());
        Result r = c.simulateGet("/e/0");
        assertThat(r.getStatusCode()).isEqualTo(503);
        assertThat(r.getText()).isEqualTo("retry: FlakyUpstream");
        assertThat(c.simulateGet("/e/1").getText()).isEqualTo("retry: FlakierUpstream");
    }

    @Test
    void aClassHandlerNearerThanTheInterfaceWins() {
        App app = new App();
        app.addRoute("/e", new Object() {
            public void onGet(Request req, Response resp) {
                throw new FlakierUpstream();
            }
        });
        app.addErrorHandler(List.of(Retryable.class), (req, resp, ex, params) -> resp.setText("interface"));
        app.addErrorHandler(FlakierUpstream.class, (req, resp, ex, params) -> resp.setText("class"));
        assertThat(new TestClient(app).simulateGet("/e").getText()).isEqualTo("class");
    }

    @Test
    void aTypeThatIsNoExceptionIsRefusedAtRegistration() {
        assertThatThrownBy(() -> new App().addErrorHandler(
                List.of(String.class), (req, resp, ex, params) -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("java.lang.String");
    }

    @Test
    void contentTooLargeIsFalcon4sNameAndHandlesTheOldOneToo() {
        App app = new App();
        app.addRoute("/e/{i:int}", new Object() {
            public void onGet(Request req, Response resp, int i) {
                throw i == 0 ? new HTTPContentTooLarge() : new HTTPPayloadTooLarge(null, "old name", 30L);
            }
        });
        TestClient c = new TestClient(app);
        Result fresh = c.simulateGet("/e/0");
        assertThat(fresh.getStatus()).isEqualTo("413 Content Too Large");
        assertThat(fresh.getText()).isEqualTo("{\"title\": \"413 Content Too Large\"}");
        Result old = c.simulateGet("/e/1");
        assertThat(old.getStatus()).isEqualTo("413 Payload Too Large");
        assertThat(old.getHeader("Retry-After")).isEqualTo("30");
        app.addErrorHandler(HTTPContentTooLarge.class, (req, resp, ex, params) -> resp.setText("too large"));
        assertThat(c.simulateGet("/e/1").getText()).isEqualTo("too large");
        assertThat(new HTTPPayloadTooLarge()).isInstanceOf(HTTPContentTooLarge.class);
    }
}
