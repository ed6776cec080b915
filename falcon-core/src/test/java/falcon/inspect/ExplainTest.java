package falcon.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import falcon.App;
import falcon.Before;
import falcon.BeforeHook;
import falcon.ErrorHandler;
import falcon.Middleware;
import falcon.Request;
import falcon.Response;
import falcon.Sink;
import falcon.routing.RouteParams;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code app.explain(method, target)}: what would happen to a request, without running it. */
class ExplainTest {

    public static class ThingResource {
        @Before(value = MaxBody.class, args = "65536")
        public void onGet(Request req, Response resp, int thingId) throws StorageError {
            throw new AssertionError("explain must not run responders");
        }

        public void onPut(Request req, Response resp, int thingId) {
        }
    }

    public static class UserResource {
        public void onPut(Request req, Response resp, java.util.UUID userId) {
        }
    }

    public static class MaxBody implements BeforeHook {
        public MaxBody(String... args) {
        }

        @Override
        public void before(Request req, Response resp, Object resource, RouteParams params) {
        }
    }

    public static class Auth implements Middleware {
        @Override
        public void processRequest(Request req, Response resp) {
        }

        @Override
        public void processResource(Request req, Response resp, Object resource, RouteParams params) {
        }
    }

    public static class Timer implements Middleware {
        @Override
        public void processResponse(Request req, Response resp, Object resource, boolean reqSucceeded) {
        }
    }

    public static class StorageError extends Exception {
        private static final long serialVersionUID = 1L;
    }

    public static class StorageHandler implements ErrorHandler<StorageError> {
        @Override
        public void handle(Request req, Response resp, StorageError ex, RouteParams params) {
        }
    }

    public static class SearchSink implements Sink {
        @Override
        public void handle(Request req, Response resp, RouteParams params) throws IOException {
        }
    }

    @TempDir
    Path dir;

    private App app() throws IOException {
        Files.writeString(dir.resolve("site.css"), "p {}");
        App app = App.builder().middleware(new Auth(), new Timer()).build();
        app.addRoute("/things/{thingId:int}", new ThingResource());
        app.addRoute("/things/{thingId:int}/parts", new ThingResource());
        app.addRoute("/users/{userId:uuid}", new UserResource());
        app.addSink(new SearchSink(), "/search/(?<engine>ddg|y)\\Z");
        app.addStaticRoute("/static", dir);
        app.addErrorHandler(StorageError.class, new StorageHandler());
        return app;
    }

    /** The explanation, with source lines and the temporary directory made stable. */
    private String explain(String method, String target) throws IOException {
        return app().explain(method, target).replaceAll("\\.java:\\d+\\)", ".java:N)")
                .replace(dir.toString(), "<dir>");
    }

    @Test
    void aRouteShowsItsFieldsResponderHooksMiddlewareAndErrorHandlers() throws IOException {
        assertThat(explain("GET", "/things/42?x=1")).isEqualTo(String.join("\n",
                "GET /things/42?x=1",
                "• Route: /things/{thingId:int} - ThingResource (falcon/inspect/ExplainTest.java:N)",
                "    thingId = 42 (Integer)",
                "• Responder: ThingResource.onGet (falcon/inspect/ExplainTest.java:N)",
                "• Hooks:",
                "    before MaxBody(\"65536\") (falcon/inspect/ExplainTest.java:N)",
                "• Middleware (Middleware are independent):",
                "    → Auth.processRequest (falcon/inspect/ExplainTest.java:N)",
                "    ↣ Auth.processResource (falcon/inspect/ExplainTest.java:N)",
                "    ├── ThingResource.onGet",
                "    ↢ Timer.processResponse (falcon/inspect/ExplainTest.java:N)",
                "• Error handlers:",
                "    StorageError ⇜ StorageError StorageHandler (falcon/inspect/ExplainTest.java:N)",
                "    HTTPError ⇜ HTTPError httpErrorHandler (internal)",
                "    Exception ⇜ Exception pythonErrorHandler (internal)"));
    }

    @Test
    void sourceLinesAreTheJvmsOwn() throws IOException {
        assertThat(app().explain("GET", "/things/42")).contains("• Responder: ThingResource.onGet"
                + " (falcon/inspect/ExplainTest.java:" + (lineOfThrowInOnGet()) + ")");
    }

    private static int lineOfThrowInOnGet() {
        try {
            new ThingResource().onGet(null, null, 1);
        } catch (AssertionError | StorageError ex) {
            return ex.getStackTrace()[0].getLineNumber();
        }
        throw new IllegalStateException();
    }

    @Test
    void aMethodWithoutResponderIsA405WithAllow() throws IOException {
        assertThat(explain("POST", "/things/42")).contains(
                "• Responder: methodNotAllowed: 405 Method Not Allowed, Allow: GET, PUT, OPTIONS (internal)",
                "    ├── methodNotAllowed",
                "    HTTPMethodNotAllowed ⇜ HTTPError httpErrorHandler (internal)");
        assertThat(explain("OPTIONS", "/things/42")).contains(
                "• Responder: optionsResponder: 200 OK, Allow: GET, PUT (internal)");
        assertThat(explain("FOO", "/things/42")).contains(
                "• Responder: none for FOO: 400 Bad Request: Invalid HTTP method (internal)");
    }

    @Test
    void convertedFieldsShowTheirJavaTypes() throws IOException {
        assertThat(explain("PUT", "/users/6f7b6e4e-8a3e-4f0e-9f6e-2f1b4c0a9d11")).contains(
                "• Route: /users/{userId:uuid} - UserResource (falcon/inspect/ExplainTest.java:N)",
                "    userId = 6f7b6e4e-8a3e-4f0e-9f6e-2f1b4c0a9d11 (UUID)");
    }

    @Test
    void aSinkShowsItsPrefixAndGroups() throws IOException {
        assertThat(explain("POST", "/search/ddg")).isEqualTo(String.join("\n",
                "POST /search/ddg",
                "• Sink: /search/(?<engine>ddg|y)\\Z - SearchSink (falcon/inspect/ExplainTest.java:N)",
                "    engine = ddg (String)",
                "• Middleware (Middleware are independent):",
                "    → Auth.processRequest (falcon/inspect/ExplainTest.java:N)",
                "    ├── SearchSink.handle",
                "    ↢ Timer.processResponse (falcon/inspect/ExplainTest.java:N)",
                "• Error handlers:",
                "    IOException ⇜ Exception pythonErrorHandler (internal)",
                "    HTTPError ⇜ HTTPError httpErrorHandler (internal)",
                "    Exception ⇜ Exception pythonErrorHandler (internal)"));
    }

    @Test
    void aStaticFileShowsTheFileServed() throws IOException {
        assertThat(explain("GET", "/static/site.css")).isEqualTo(String.join("\n",
                "GET /static/site.css",
                "• Static route: /static/ <dir>",
                "    file: <dir>/site.css",
                "• Middleware (Middleware are independent):",
                "    → Auth.processRequest (falcon/inspect/ExplainTest.java:N)",
                "    ├── StaticRoute.handle",
                "    ↢ Timer.processResponse (falcon/inspect/ExplainTest.java:N)",
                "• Error handlers:",
                "    HTTPNotFound ⇜ HTTPError httpErrorHandler (internal)",
                "    HTTPError ⇜ HTTPError httpErrorHandler (internal)",
                "    Exception ⇜ Exception pythonErrorHandler (internal)"));
        assertThat(explain("GET", "/static/missing.css")).contains("    file: <dir>/missing.css (missing): 404 Not Found");
        assertThat(explain("GET", "/static/%2E%2E/secret")).contains("    file: outside the directory: 404 Not Found");
    }

    @Test
    void aPathNoRouteTakesIsA404WithTheNearestTemplates() throws IOException {
        assertThat(explain("GET", "/things/42/wheels")).isEqualTo(String.join("\n",
                "GET /things/42/wheels",
                "• No route: 404 Not Found (HTTPRouteNotFound)",
                "    nearest templates:",
                "        /things/{thingId:int}",
                "        /things/{thingId:int}/parts",
                "• Middleware (Middleware are independent):",
                "    → Auth.processRequest (falcon/inspect/ExplainTest.java:N)",
                "    ├── HTTPRouteNotFound raised",
                "    ↢ Timer.processResponse (falcon/inspect/ExplainTest.java:N)",
                "• Error handlers:",
                "    HTTPRouteNotFound ⇜ HTTPError httpErrorHandler (internal)",
                "    HTTPError ⇜ HTTPError httpErrorHandler (internal)",
                "    Exception ⇜ Exception pythonErrorHandler (internal)"));
    }

    @Test
    void withNoTemplateClosePathsAreShownTheFirstRoutes() throws IOException {
        assertThat(explain("GET", "/nowhere")).contains("    nearest templates:\n"
                + "        /things/{thingId:int}\n"
                + "        /things/{thingId:int}/parts\n"
                + "        /users/{userId:uuid}\n");
    }

    @Test
    void dependentMiddlewareIsSaidSo() throws IOException {
        App app = App.builder().middleware(new Auth()).independentMiddleware(false).build();
        assertThat(app.explain("GET", "/nothing")).contains("• Middleware (Middleware are dependent:"
                + " processResponse runs only for components whose processRequest ran):");
    }
}
