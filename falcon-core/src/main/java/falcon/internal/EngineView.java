package falcon.internal;

import falcon.Middleware;
import falcon.routing.Router;
import falcon.routing.StaticRoute;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What {@code falcon.inspect} reads of an App's compiled engine: not API.
 *
 * <p>The engine is package-private in {@code falcon}; it implements this view so that inspection
 * sees the very state requests run on, without the App growing public getters for it.
 */
public interface EngineView {

    /** A sink as added: its prefix, the compiled pattern, the user's object. */
    record SinkEntry(String prefix, Pattern pattern, Object target, boolean async) {
    }

    /**
     * An error handler: the exception class, the user's object (or the default handler), the
     * Falcon name of a default handler ({@code null} for the user's), and whether it is async.
     */
    record ErrorHandlerEntry(Class<?> type, Object target, String internalName, boolean async) {
    }

    /** A route of a {@link falcon.routing.CompiledRouter}, as its tree holds it. */
    record RouteEntry(String path, Object resource, falcon.routing.MethodMap methodMap) {
    }

    /** Returns the router. */
    Router router();

    /** Returns whether middleware is independent. */
    boolean independentMiddleware();

    /** Returns every middleware component, in the order added. */
    List<Middleware> middleware();

    /** Returns the components with a processRequest, in the order they run. */
    List<Middleware> requestMiddleware();

    /** Returns the components with a processResource, in the order they run. */
    List<Middleware> resourceMiddleware();

    /** Returns the components with a processResponse, in the order they run (reversed). */
    List<Middleware> responseMiddleware();

    /** Returns the sinks, the one tried first first. */
    List<SinkEntry> sinks();

    /** Returns the static routes, the one tried first first. */
    List<StaticRoute> staticRoutes();

    /** Returns whether sinks are tried before static routes. */
    boolean sinkBeforeStaticRoute();

    /** Returns the error handlers: the defaults, then the user's, in the order added. */
    List<ErrorHandlerEntry> errorHandlers();

    /** Returns the handler that takes exceptions of {@code type}: the nearest superclass's. */
    ErrorHandlerEntry errorHandlerFor(Class<?> type);
}
