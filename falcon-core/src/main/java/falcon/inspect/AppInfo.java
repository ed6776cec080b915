package falcon.inspect;

import java.util.List;

/**
 * What an App is made of: routes, middleware, static routes, sinks and error handlers.
 *
 * <p>Falcon: {@code falcon.inspect.AppInfo}. Falcon's {@code asgi} tells its two App classes
 * apart; here one App serves both styles, and {@code asgi} says whether any responder,
 * middleware method, sink or error handler is asynchronous (returns a {@code CompletionStage}) or
 * a resource has an {@code onWebsocket} responder, which only Falcon's ASGI App could serve: the
 * tree's first line says {@code (ASGI)} then, {@code (WSGI)} otherwise.
 *
 * @param routes the routes
 * @param middleware the middleware
 * @param staticRoutes the static routes, the one tried first first
 * @param sinks the sinks, the one tried first first
 * @param errorHandlers the error handlers, the defaults first
 * @param asgi whether any part of the App is asynchronous
 */
public record AppInfo(List<RouteInfo> routes, MiddlewareInfo middleware, List<StaticRouteInfo> staticRoutes,
        List<SinkInfo> sinks, List<ErrorHandlerInfo> errorHandlers, boolean asgi) implements Traversable {

    /**
     * Creates an app info.
     *
     * @param routes the routes
     * @param middleware the middleware
     * @param staticRoutes the static routes
     * @param sinks the sinks
     * @param errorHandlers the error handlers
     * @param asgi whether any part of the App is asynchronous
     */
    public AppInfo {
        routes = List.copyOf(routes);
        staticRoutes = List.copyOf(staticRoutes);
        sinks = List.copyOf(sinks);
        errorHandlers = List.copyOf(errorHandlers);
    }

    /**
     * Returns the App as Falcon's tree text.
     *
     * <p>Falcon: {@code AppInfo.to_string(verbose=False, internal=False, name='')}.
     *
     * @param verbose whether to add source information
     * @param internal whether to include the framework's default responders and error handlers
     * @param name the App's name for the first line; empty or {@code null} for {@code Falcon App}
     * @return the text
     */
    public String toString(boolean verbose, boolean internal, String name) {
        return new StringVisitor(verbose, internal, name).process(this);
    }

    @Override
    public <T> T accept(InspectVisitor<T> visitor) {
        return visitor.visitApp(this);
    }

    @Override
    public String toString() {
        return toString(false, false);
    }
}
