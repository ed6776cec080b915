package falcon.inspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import falcon.App;
import falcon.ErrorHandler;
import falcon.Middleware;
import falcon.Request;
import falcon.Response;
import falcon.Sink;
import falcon.routing.RouteMatch;
import falcon.routing.RouteParams;
import falcon.routing.Router;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Falcon: tests/test_inspect.py. The tree text is compared with what Falcon 3.1.1 prints for
 * the same App shapes, recorded by {@code falcon311/record.py} (see there) into test resources.
 */
class InspectTest {

    // ------------------------------------------------------------------ the apps, as record.py's

    public static class ThingsResource {
        public void onGet(Request req, Response resp) {
        }

        public void onPost(Request req, Response resp) {
        }
    }

    public static class ThingResource {
        public void onGet(Request req, Response resp, int thingId) {
        }

        public void onPut(Request req, Response resp, int thingId) {
        }

        public void onDelete(Request req, Response resp, int thingId) {
        }

        public void onGetCollection(Request req, Response resp) {
        }
    }

    public static class FileResource {
        public void onGet(Request req, Response resp, String name, String ext) {
        }
    }

    public static class HealthResource {
        public void onGet(Request req, Response resp) {
        }

        public void onHead(Request req, Response resp) {
        }

        public void onOptions(Request req, Response resp) {
        }
    }

    public static class RequestLogger implements Middleware {
        @Override
        public void processRequest(Request req, Response resp) {
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
        public void processRequest(Request req, Response resp) {
        }

        @Override
        public void processResource(Request req, Response resp, Object resource, RouteParams params) {
        }

        @Override
        public void processResponse(Request req, Response resp, Object resource, boolean reqSucceeded) {
        }
    }

    public static class Compressor implements Middleware {
        @Override
        public void processResponse(Request req, Response resp, Object resource, boolean reqSucceeded) {
        }
    }

    public static class ProxySink implements Sink {
        @Override
        public void handle(Request req, Response resp, RouteParams params) {
        }
    }

    public static class LegacySink implements Sink {
        @Override
        public void handle(Request req, Response resp, RouteParams params) {
        }
    }

    public static class ValidationError extends Exception {
        private static final long serialVersionUID = 1L;
    }

    public static class ValidationHandler implements ErrorHandler<ValidationError> {
        @Override
        public void handle(Request req, Response resp, ValidationError ex, RouteParams params) {
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

    static App emptyApp() {
        return new App();
    }

    static App routesApp() {
        App app = new App();
        app.addRoute("/things", new ThingsResource());
        ThingResource things = new ThingResource();
        app.addRoute("/things/{thingId:int}", things);
        app.addRoute("/things/all", things, "collection");
        app.addRoute("/files/{name}.{ext}", new FileResource());
        app.addRoute("/health", new HealthResource());
        return app;
    }

    static App fullApp(boolean independent) {
        App app = App.builder()
                .middleware(new RequestLogger(), new Auth(), new Timer(), new Compressor())
                .independentMiddleware(independent)
                .build();
        app.addRoute("/things", new ThingsResource());
        app.addRoute("/things/{thingId:int}", new ThingResource());
        app.addStaticRoute("/static", "/var/www/static");
        app.addStaticRoute("/assets", "/var/www/assets");
        app.addSink(new ProxySink(), "/proxy");
        app.addSink(new LegacySink(), "/legacy/(?<version>v\\d+)");
        app.addErrorHandler(ValidationError.class, new ValidationHandler());
        app.addErrorHandler(StorageError.class, new StorageHandler());
        return app;
    }

    static App responseOnlyApp() {
        return App.builder().middleware(new Compressor(), new Compressor()).build();
    }

    static App app(String shape) {
        switch (shape) {
            case "empty":
                return emptyApp();
            case "routes":
                return routesApp();
            case "full":
                return fullApp(true);
            case "full-dependent":
                return fullApp(false);
            case "response-only":
                return responseOnlyApp();
            default:
                throw new IllegalArgumentException(shape);
        }
    }

    // ------------------------------------------------------------------ Falcon's recorded text

    private static final Pattern SNAKE = Pattern.compile("\\b_?([a-z]+(?:_[a-z]+)+)\\b");

    /** Falcon 3.1.1's text for a shape, with Python's names turned into Java's. */
    static String falcon(String file) {
        String text;
        try (InputStream in = InspectTest.class.getResourceAsStream("falcon311/" + file + ".txt")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
        text = text.substring(0, text.length() - 1).replace("(?P<", "(?<");
        Matcher m = SNAKE.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            StringBuilder camel = new StringBuilder();
            String[] words = m.group(1).split("_");
            camel.append(words[0]);
            for (int i = 1; i < words.length; i++) {
                camel.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
            }
            m.appendReplacement(sb, camel.toString());
        }
        m.appendTail(sb);
        return sb.toString();
    }

    @ParameterizedTest
    @ValueSource(strings = {"empty", "routes", "full", "full-dependent", "response-only"})
    void treeTextIsFalconsForTheSameAppShape(String shape) {
        assertThat(Inspect.inspectApp(app(shape)).toString()).isEqualTo(falcon(shape));
    }

    @ParameterizedTest
    @ValueSource(strings = {"empty", "routes", "full", "full-dependent", "response-only"})
    void namedTreeTextIsFalcons(String shape) {
        assertThat(Inspect.inspectApp(app(shape)).toString(false, false, "My App")).isEqualTo(falcon(shape + "-named"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"empty", "routes", "full", "full-dependent", "response-only"})
    void routesAloneAreFalcons(String shape) {
        StringVisitor visitor = new StringVisitor(false, false);
        List<String> lines = Inspect.inspectRoutes(app(shape)).stream().map(visitor::process).toList();
        assertThat(String.join("\n", lines)).isEqualTo(falcon(shape + "-routes"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"empty", "routes", "full", "full-dependent", "response-only"})
    void internalTreeTextIsFalconsPlusTheWebSocketHandlerOfFalconsAsgiApp(String shape) {
        // NOTE: one App serves HTTP and WebSocket here, so it has the default handler Falcon's
        // ASGI App adds for WebSocketDisconnected (falcon/asgi/app.py), after HTTPStatus's.
        // QUERY (Falcon 4.2's method) is among the methods this App answers with 405, after
        // Falcon 3.1's list.
        String expected = falcon(shape + "-internal").replace("⇜ HTTPStatus httpStatusHandler",
                "⇜ HTTPStatus httpStatusHandler\n    ⇜ WebSocketDisconnected wsDisconnectedErrorHandler")
                .replaceAll("(?m)^( *)├── VERSION-CONTROL - methodNotAllowed$", "$0\n$1├── QUERY - methodNotAllowed");
        assertThat(Inspect.inspectApp(app(shape)).toString(false, true, "")).isEqualTo(expected);
    }

    // ------------------------------------------------------------------ the info objects

    @Test
    void routeInfoNamesTheResponderAndItsSuffix() {
        RouteInfo route = Inspect.inspectRoutes(routesApp()).get(2);
        assertThat(route.path()).isEqualTo("/things/all");
        assertThat(route.className()).isEqualTo("ThingResource");
        assertThat(route.sourceInfo()).startsWith("falcon/inspect/InspectTest.java:");
        RouteMethodInfo get = route.methods().get(0);
        assertThat(get.method()).isEqualTo("GET");
        assertThat(get.functionName()).isEqualTo("onGetCollection");
        assertThat(get.suffix()).isEqualTo("collection");
        assertThat(get.internal()).isFalse();
        assertThat(route.methods().get(1)).isEqualTo(new RouteMethodInfo("OPTIONS",
                route.methods().get(1).sourceInfo(), "optionsResponder", true));
        assertThat(route.methods().get(1).suffix()).isEmpty();
    }

    public static class LineResource {
        int line;

        public void onGet(Request req, Response resp) {
            line = new Throwable().getStackTrace()[0].getLineNumber();
        }
    }

    @Test
    void sourceInfoIsTheFileAndLineOfTheResponder() {
        LineResource resource = new LineResource();
        resource.onGet(null, null);   // the JVM's own answer, from the stack trace
        App app = new App();
        app.addRoute("/line", resource);
        RouteMethodInfo onGet = Inspect.inspectRoutes(app).get(0).methods().get(0);
        assertThat(onGet.sourceInfo()).isEqualTo("falcon/inspect/InspectTest.java:" + resource.line);
    }

    @Test
    void verboseTextAddsSourceInfoToRoutesMethodsSinksHandlersAndMiddlewareClasses() {
        String text = Inspect.inspectApp(fullApp(true)).toString(true, false, "");
        assertThat(text).contains("⇒ /things - ThingsResource (falcon/inspect/InspectTest.java:")
                .contains("├── GET - onGet (falcon/inspect/InspectTest.java:")
                .contains("⇥ /proxy ProxySink (falcon/inspect/InspectTest.java:")
                .contains("⇜ ValidationError ValidationHandler (falcon/inspect/InspectTest.java:")
                .contains("    - Middleware classes:\n"
                        + "        ↣ RequestLogger (falcon/inspect/InspectTest.java:");
        assertThat(text).contains("        ↣ Compressor (falcon/inspect/InspectTest.java:")
                .contains("           └── processResponse (falcon/inspect/InspectTest.java:");
    }

    @Test
    void staticRouteInfoShowsTheFallbackFile() throws IOException {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("inspect");
        java.nio.file.Files.writeString(dir.resolve("index.html"), "<p>");
        App app = new App();
        app.addStaticRoute("/", dir, false, "index.html");
        StaticRouteInfo info = Inspect.inspectStaticRoutes(app).get(0);
        assertThat(info.fallbackFilename()).isEqualTo(dir.resolve("index.html").toString());
        assertThat(info.toString()).isEqualTo("↦ / " + dir + " [" + dir.resolve("index.html") + "]");
    }

    @Test
    void lambdaSinksAndHandlersAreNamedLikePythonLambdas() {
        App app = new App();
        app.addSink((req, resp, params) -> { }, "/x");
        app.addErrorHandler(IllegalStateException.class, (req, resp, ex, params) -> { });
        assertThat(Inspect.inspectSinks(app).get(0).name()).isEqualTo("<lambda>");
        assertThat(Inspect.inspectSinks(app).get(0).sourceInfo()).isEqualTo("falcon/inspect/InspectTest.java");
        ErrorHandlerInfo handler = Inspect.inspectErrorHandlers(app).get(4);
        assertThat(handler).isEqualTo(new ErrorHandlerInfo("IllegalStateException", "<lambda>",
                "falcon/inspect/InspectTest.java", false));
    }

    @Test
    void anAppWithAnAsyncResponderIsShownAsAsgi() {
        App app = new App();
        app.addRoute("/async", new Object() {
            @SuppressWarnings("unused")
            public CompletionStage<Void> onGet(Request req, Response resp) {
                return CompletableFuture.completedFuture(null);
            }
        });
        assertThat(Inspect.inspectApp(app).asgi()).isTrue();
        assertThat(Inspect.inspectApp(app).toString()).startsWith("Falcon App (ASGI)\n");
        assertThat(Inspect.inspectApp(routesApp()).asgi()).isFalse();
    }

    public static class SocketResource {
        public void onWebsocket(Request req, falcon.WebSocket ws) {
        }
    }

    @Test
    void anAppWithAWebSocketResponderIsShownAsAsgi() {
        App app = new App();
        app.addRoute("/ws", new SocketResource());
        assertThat(Inspect.inspectApp(app).toString()).isEqualTo("Falcon App (ASGI)\n• Routes:\n"
                + "    ⇒ /ws - SocketResource:\n       └── WEBSOCKET - onWebsocket");
    }

    @Test
    void anAppWithAnAsyncSinkIsShownAsAsgi() {
        App app = new App();
        app.addAsyncSink((req, resp, params) -> CompletableFuture.completedFuture(null), "/x");
        assertThat(Inspect.inspectApp(app).asgi()).isTrue();
    }

    @Test
    void aReplacedErrorHandlerKeepsItsPlace() {
        App app = new App();
        app.addErrorHandler(ValidationError.class, new ValidationHandler());
        app.addErrorHandler(StorageError.class, new StorageHandler());
        app.addErrorHandler(ValidationError.class, (req, resp, ex, params) -> { });
        assertThat(Inspect.inspectErrorHandlers(app).stream().map(e -> e.error() + " " + e.name()).toList())
                .containsExactly("Exception pythonErrorHandler", "HTTPError httpErrorHandler",
                        "HTTPStatus httpStatusHandler", "WebSocketDisconnected wsDisconnectedErrorHandler",
                        "ValidationError <lambda>", "StorageError StorageHandler");
    }

    @Test
    void middlewareInfoListsPhasesAndClasses() {
        MiddlewareInfo info = Inspect.inspectMiddleware(fullApp(false));
        assertThat(info.independent()).isFalse();
        assertThat(info.independentText()).isEqualTo("Middleware are dependent");
        assertThat(info.middlewareTree().response()).containsExactly(
                new MiddlewareTreeItemInfo("processResponse", "Compressor"),
                new MiddlewareTreeItemInfo("processResponse", "Timer"));
        assertThat(info.middlewareClasses().get(2).methods().stream().map(MiddlewareMethodInfo::functionName))
                .containsExactly("processRequest", "processResource", "processResponse");
        assertThat(info.middlewareTree().resource().get(0).symbol()).isEqualTo("↣");
    }

    // ------------------------------------------------------------------ custom routers, visitors

    static final class FixedRouter implements Router {
        @Override
        public void addRoute(String uriTemplate, Object resource, String suffix) {
        }

        @Override
        public RouteMatch find(String path, Request req) {
            return null;
        }
    }

    @Test
    void aCustomRouterNeedsARegisteredInspector() {
        App app = App.builder().router(new FixedRouter()).build();
        assertThatThrownBy(() -> Inspect.inspectRoutes(app))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Unsupported router class falcon.inspect.InspectTest$FixedRouter."
                        + " Use \"registerRouter\"");

        Inspect.registerRouter(FixedRouter.class, router -> List.of(
                new RouteInfo("/foo", "Foo", "Foo.java:42", List.of())));
        assertThat(Inspect.inspectApp(app).toString()).isEqualTo("Falcon App (WSGI)\n• Routes:\n    ⇒ /foo - Foo");
        assertThatThrownBy(() -> Inspect.registerRouter(FixedRouter.class, router -> List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Another function is already registered for the router "
                        + "falcon.inspect.InspectTest$FixedRouter");
    }

    @Test
    void aVisitorProcessesWhatItSupportsAndRefusesTheRest() {
        InspectVisitor<String> pathsOnly = new InspectVisitor<>() {
            @Override
            public String visitRoute(RouteInfo route) {
                return route.path();
            }
        };
        List<RouteInfo> routes = Inspect.inspectRoutes(routesApp());
        assertThat(pathsOnly.process(routes.get(3))).isEqualTo("/files/{name}.{ext}");
        assertThatThrownBy(() -> pathsOnly.process(routes.get(3).methods().get(0)))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessage("This visitor does not support class falcon.inspect.RouteMethodInfo");
    }

    @Test
    void infoObjectsPrintThemselvesAsFalconDoes() {
        RouteInfo route = Inspect.inspectRoutes(routesApp()).get(0);
        assertThat(route.toString()).isEqualTo("⇒ /things - ThingsResource:\n   ├── GET - onGet\n   └── POST - onPost");
        assertThat(route.methods().get(0).toString()).isEqualTo("GET - onGet");
        assertThat(Inspect.inspectSinks(fullApp(true)).get(1).toString()).isEqualTo("⇥ /proxy ProxySink");
        assertThat(Inspect.inspectErrorHandlers(fullApp(true)).get(0).toString(false, true))
                .isEqualTo("⇜ Exception pythonErrorHandler");
    }
}
