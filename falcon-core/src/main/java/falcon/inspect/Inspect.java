package falcon.inspect;

import falcon.App;
import falcon.Middleware;
import falcon.Request;
import falcon.Response;
import falcon.internal.EngineView;
import falcon.internal.Engines;
import falcon.routing.CompiledRouter;
import falcon.routing.MethodMap;
import falcon.routing.RouteParams;
import falcon.routing.Router;
import falcon.routing.StaticRoute;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * Inspects an App: what it is made of, as info objects that {@link StringVisitor} renders as
 * Falcon's tree text, and what it would do with one request ({@link #explain}).
 *
 * <pre>{@code
 * System.out.println(Inspect.inspectApp(app));           // the tree, as falcon-inspect-app prints it
 * System.out.println(Inspect.inspectApp(app).toString(true, false, "Things"));   // verbose, named
 * }</pre>
 *
 * <p>Inspection reads the engine the App serves requests with, at the moment of the call; it is
 * meant for start-up, tools and tests, not for the request path.
 *
 * <p>Falcon: the functions of {@code falcon.inspect}.
 */
public final class Inspect {

    private static final Map<Class<?>, Function<Router, List<RouteInfo>>> SUPPORTED_ROUTERS = new LinkedHashMap<>();

    static {
        registerRouter(CompiledRouter.class, Inspect::inspectCompiledRouter);
    }

    private Inspect() {
    }

    /**
     * Inspects an App.
     *
     * <p>Falcon: {@code inspect_app(app)}.
     *
     * @param app the App
     * @return its routes, middleware, static routes, sinks and error handlers; call {@link
     *     AppInfo#toString(boolean, boolean, String)} for the text
     * @throws IllegalArgumentException when the App's router is of a class no inspector is
     *     registered for (see {@link #registerRouter})
     */
    public static AppInfo inspectApp(App app) {
        EngineView engine = Engines.of(app);
        List<RouteInfo> routes = inspectRoutes(engine.router());
        MiddlewareInfo middleware = inspectMiddleware(engine);
        return new AppInfo(routes, middleware, inspectStaticRoutes(engine), inspectSinks(engine),
                inspectErrorHandlers(engine), isAsync(engine));
    }

    /**
     * Tells what {@code app} would do with a request, without running any of its code: the
     * route template that matches (or the sink or static route, or a 404 and the nearest
     * templates), the converted fields with their Java types, the responder (class, method,
     * file:line), its hooks, the middleware methods in the order they would run, and the error
     * handler that would take the responder's declared exceptions, {@code HTTPError} and {@code
     * Exception}.
     *
     * <pre>{@code
     * System.out.println(Inspect.explain(app, "GET", "/things/42?x=1"));
     * }</pre>
     *
     * <p>Falcon has no such function. A custom router is asked to {@code find} the path with a
     * {@code null} request.
     *
     * @param app the App
     * @param method the HTTP method, e.g. {@code GET}
     * @param target the request target: a path, percent-encoded as on the wire, and an
     *     optional query string
     * @return the explanation, one line per fact
     */
    public static String explain(App app, String method, String target) {
        return Explain.explain(Engines.of(app), method, target);
    }

    /**
     * Inspects the routes of an App.
     *
     * <p>Falcon: {@code inspect_routes(app)}.
     *
     * @param app the App
     * @return its routes, in the order the router lists them
     * @throws IllegalArgumentException when the App's router is of a class no inspector is
     *     registered for (see {@link #registerRouter})
     */
    public static List<RouteInfo> inspectRoutes(App app) {
        return inspectRoutes(Engines.of(app).router());
    }

    private static List<RouteInfo> inspectRoutes(Router router) {
        Function<Router, List<RouteInfo>> inspector = null;
        synchronized (SUPPORTED_ROUTERS) {
            // NOTE: Falcon looks up the exact class; a subclass of a registered router (e.g. a
            // CompiledRouter that overrides mapHttpMethods) is inspected as its superclass here.
            for (Class<?> c = router.getClass(); c != null && inspector == null; c = c.getSuperclass()) {
                inspector = SUPPORTED_ROUTERS.get(c);
            }
        }
        if (inspector == null) {
            throw new IllegalArgumentException("Unsupported router class " + router.getClass().getName()
                    + ". Use \"registerRouter\" to register a function that can inspect the router"
                    + " used by the provided application");
        }
        return inspector.apply(router);
    }

    /**
     * Registers the inspector of a custom router class, so that {@link #inspectRoutes} can list
     * its routes.
     *
     * <pre>{@code
     * Inspect.registerRouter(MyRouter.class, router -> List.of(
     *         new RouteInfo("/foo", "Foo", "com/example/Foo.java:42", List.of())));
     * }</pre>
     *
     * <p>Falcon: {@code @register_router(router_class)}.
     *
     * @param <R> the router class
     * @param routerClass the router class
     * @param inspector returns a router's routes
     * @throws IllegalArgumentException when an inspector is already registered for the class
     */
    @SuppressWarnings("unchecked")
    public static <R extends Router> void registerRouter(Class<R> routerClass,
            Function<? super R, List<RouteInfo>> inspector) {
        synchronized (SUPPORTED_ROUTERS) {
            if (SUPPORTED_ROUTERS.containsKey(routerClass)) {
                throw new IllegalArgumentException("Another function is already registered for the router "
                        + routerClass.getName());
            }
            SUPPORTED_ROUTERS.put(routerClass, router -> inspector.apply((R) router));
        }
    }

    /**
     * Lists the routes of a {@link CompiledRouter}: depth first along the template tree, siblings
     * in the order added; each with the user's responders first, in Falcon's method order, then
     * the defaults the framework added (marked internal).
     *
     * <p>Falcon: {@code inspect_compiled_router(router)}.
     *
     * @param router the router
     * @return its routes
     */
    public static List<RouteInfo> inspectCompiledRouter(CompiledRouter router) {
        List<RouteInfo> routes = new ArrayList<>();
        for (EngineView.RouteEntry entry : Engines.routesOf(router)) {
            routes.add(new RouteInfo(entry.path(), Names.of(entry.resource()),
                    Sources.of(entry.resource().getClass()), routeMethods(entry.methodMap())));
        }
        return routes;
    }

    /** The responders of a route in Falcon's order: the user's, then the default ones. */
    static List<RouteMethodInfo> routeMethods(MethodMap map) {
        Map<String, Method> found = map.responderMethods();
        List<RouteMethodInfo> methods = new ArrayList<>();
        for (String m : MethodMap.COMBINED_METHODS) {
            Method responder = found.get(m);
            if (responder != null) {
                methods.add(new RouteMethodInfo(m, Sources.of(responder), responder.getName(), false));
            }
        }
        String internalSource = Sources.of(MethodMap.class);
        if (!found.containsKey("OPTIONS")) {
            methods.add(new RouteMethodInfo("OPTIONS", internalSource, "optionsResponder", true));
        }
        for (String m : MethodMap.COMBINED_METHODS) {
            if (!found.containsKey(m) && !m.equals("OPTIONS")) {
                methods.add(new RouteMethodInfo(m, internalSource, "methodNotAllowed", true));
            }
        }
        return methods;
    }

    /**
     * Inspects the middleware of an App.
     *
     * <p>Falcon: {@code inspect_middleware(app)}.
     *
     * @param app the App
     * @return the middleware methods in the order they run, and the components' classes
     */
    public static MiddlewareInfo inspectMiddleware(App app) {
        return inspectMiddleware(Engines.of(app));
    }

    private static MiddlewareInfo inspectMiddleware(EngineView engine) {
        List<MiddlewareTreeItemInfo> request = new ArrayList<>();
        for (Middleware m : engine.requestMiddleware()) {
            request.add(new MiddlewareTreeItemInfo(MiddlewareMethods.REQUEST.nameIn(m), Names.of(m)));
        }
        List<MiddlewareTreeItemInfo> resource = new ArrayList<>();
        for (Middleware m : engine.resourceMiddleware()) {
            resource.add(new MiddlewareTreeItemInfo(MiddlewareMethods.RESOURCE.nameIn(m), Names.of(m)));
        }
        List<MiddlewareTreeItemInfo> response = new ArrayList<>();
        for (Middleware m : engine.responseMiddleware()) {
            response.add(new MiddlewareTreeItemInfo(MiddlewareMethods.RESPONSE.nameIn(m), Names.of(m)));
        }
        List<MiddlewareClassInfo> classes = new ArrayList<>();
        for (Middleware m : engine.middleware()) {
            List<MiddlewareMethodInfo> methods = new ArrayList<>();
            for (MiddlewareMethods phase : MiddlewareMethods.values()) {
                Method method = phase.in(m);
                if (method != null) {
                    methods.add(new MiddlewareMethodInfo(method.getName(), Sources.of(method)));
                }
            }
            classes.add(new MiddlewareClassInfo(Names.of(m), Sources.of(m.getClass()), methods));
        }
        return new MiddlewareInfo(new MiddlewareTreeInfo(request, resource, response), classes,
                engine.independentMiddleware());
    }

    /**
     * Inspects the static routes of an App.
     *
     * <p>Falcon: {@code inspect_static_routes(app)}.
     *
     * @param app the App
     * @return its static routes, the one tried first first
     */
    public static List<StaticRouteInfo> inspectStaticRoutes(App app) {
        return inspectStaticRoutes(Engines.of(app));
    }

    private static List<StaticRouteInfo> inspectStaticRoutes(EngineView engine) {
        List<StaticRouteInfo> routes = new ArrayList<>();
        for (StaticRoute r : engine.staticRoutes()) {
            routes.add(new StaticRouteInfo(r.getPrefix(), r.getDirectory().toString(),
                    r.getFallbackFilename() == null ? null : r.getFallbackFilename().toString()));
        }
        return routes;
    }

    /**
     * Inspects the sinks of an App.
     *
     * <p>Falcon: {@code inspect_sinks(app)}.
     *
     * @param app the App
     * @return its sinks, the one tried first first
     */
    public static List<SinkInfo> inspectSinks(App app) {
        return inspectSinks(Engines.of(app));
    }

    private static List<SinkInfo> inspectSinks(EngineView engine) {
        List<SinkInfo> sinks = new ArrayList<>();
        for (EngineView.SinkEntry s : engine.sinks()) {
            sinks.add(new SinkInfo(s.prefix(), Names.of(s.target()), sourceOfHandler(s.target(), "handle")));
        }
        return sinks;
    }

    /**
     * Inspects the error handlers of an App.
     *
     * <p>Falcon: {@code inspect_error_handlers(app)}.
     *
     * @param app the App
     * @return the default handlers (internal), then the user's in the order added; a handler
     *     added again for a class keeps that class's place
     */
    public static List<ErrorHandlerInfo> inspectErrorHandlers(App app) {
        return inspectErrorHandlers(Engines.of(app));
    }

    private static List<ErrorHandlerInfo> inspectErrorHandlers(EngineView engine) {
        List<ErrorHandlerInfo> handlers = new ArrayList<>();
        for (EngineView.ErrorHandlerEntry e : engine.errorHandlers()) {
            handlers.add(errorHandlerInfo(e));
        }
        return handlers;
    }

    static ErrorHandlerInfo errorHandlerInfo(EngineView.ErrorHandlerEntry e) {
        if (e.internalName() != null) {
            return new ErrorHandlerInfo(e.type().getSimpleName(), e.internalName(),
                    Sources.of(e.target().getClass()), true);
        }
        return new ErrorHandlerInfo(e.type().getSimpleName(), Names.of(e.target()),
                sourceOfHandler(e.target(), "handle"), false);
    }

    /** Where a handler object is defined: its {@code handle} method's line, else its class's. */
    static String sourceOfHandler(Object target, String methodName) {
        Class<?> type = target.getClass();
        if (!Names.isLambda(type)) {
            for (Method m : type.getDeclaredMethods()) {
                if (m.getName().equals(methodName) && !m.isBridge() && !m.isSynthetic()) {
                    return Sources.of(m);
                }
            }
        }
        return Sources.of(type);
    }

    /** Whether any part of the App is asynchronous or WebSocket: what only Falcon's ASGI App has. */
    private static boolean isAsync(EngineView engine) {
        for (EngineView.SinkEntry s : engine.sinks()) {
            if (s.async()) {
                return true;
            }
        }
        for (EngineView.ErrorHandlerEntry e : engine.errorHandlers()) {
            if (e.async()) {
                return true;
            }
        }
        for (Middleware m : engine.middleware()) {
            for (MiddlewareMethods phase : MiddlewareMethods.values()) {
                Method method = phase.in(m);
                if (method != null && method.getName().endsWith("Async")) {
                    return true;
                }
            }
        }
        if (engine.router() instanceof CompiledRouter) {
            for (EngineView.RouteEntry r : Engines.routesOf((CompiledRouter) engine.router())) {
                for (Map.Entry<String, Method> m : r.methodMap().responderMethods().entrySet()) {
                    // NOTE: only Falcon's ASGI App serves WebSocket, so onWebsocket counts too.
                    if (m.getKey().equals("WEBSOCKET")
                            || CompletionStage.class.isAssignableFrom(m.getValue().getReturnType())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** The three middleware methods: the blocking name, or its {@code ...Async} twin. */
    enum MiddlewareMethods {
        REQUEST("processRequest", Request.class, Response.class),
        RESOURCE("processResource", Request.class, Response.class, Object.class, RouteParams.class),
        RESPONSE("processResponse", Request.class, Response.class, Object.class, boolean.class);

        private final String name;
        private final Class<?>[] params;

        MiddlewareMethods(String name, Class<?>... params) {
            this.name = name;
            this.params = params;
        }

        /** Returns the method a component overrides for this phase, the async one first; or null. */
        Method in(Middleware m) {
            Method async = overridden(m, name + "Async");
            return async != null ? async : overridden(m, name);
        }

        String nameIn(Middleware m) {
            Method method = in(m);
            return method == null ? name : method.getName();
        }

        private Method overridden(Middleware m, String methodName) {
            try {
                Method method = m.getClass().getMethod(methodName, params);
                return method.getDeclaringClass() == Middleware.class ? null : method;
            } catch (NoSuchMethodException ex) {
                return null;
            }
        }
    }
}
