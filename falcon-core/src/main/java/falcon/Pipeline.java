package falcon;

import falcon.gateway.Exchange;
import falcon.gateway.Reply;
import falcon.internal.EngineView;
import falcon.media.BaseHandler;
import falcon.media.Handlers;
import falcon.routing.Responder;
import falcon.routing.RouteMatch;
import falcon.routing.RouteParams;
import falcon.routing.Router;
import falcon.routing.WebSocketResponder;
import falcon.routing.StaticRoute;
import falcon.util.Context;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an {@link App} has compiled for the request path: the router, the sinks and static routes
 * in the order they are tried, the middleware steps of each phase, the error-handler lookup, the
 * error serializer and the request and response defaults.
 *
 * <p>Immutable: each {@code add*}/{@code set*} call on the App builds a new one and swaps it in
 * through one volatile field, so a request reads one consistent engine from start to end, and
 * {@link RequestFlow}, {@link WebSocketFlow} and {@link DefaultErrorHandler} read it and nothing
 * of the App. Sync and async sinks and error handlers are normalised here, at registration, into
 * steps that return {@code null} or a pending stage ({@link Responder}, {@link ErrorStep}).
 *
 * <p>Falcon: the state {@code falcon/app.py} resolves once in {@code _prepare_middleware}, {@code
 * _update_sink_and_static_routes} and {@code _error_handlers}.
 */
final class Pipeline implements EngineView {

    private static final System.Logger LOG = System.getLogger("falcon");

    static final Middleware[] NO_MIDDLEWARE = new Middleware[0];

    /** The fields of a route without any (a static route, a miss); shared, so never written. */
    static final RouteParams NO_PARAMS = new RouteParams();

    private static final Routed PATH_NOT_FOUND = new Routed(null, NO_PARAMS, (req, resp, params) -> {
        throw new HTTPRouteNotFound();
    });

    private static final List<String> ERROR_TYPES = List.of("application/xml", "text/xml", "application/json");
    private static final List<String> ERROR_TYPES_WITHOUT_XML = List.of("application/json");

    /**
     * The route found for a request: the resource (null for sinks, static routes and misses), the
     * URI fields and the responder to call (null when the resource has none for the method).
     */
    record Routed(Object resource, RouteParams params, Responder responder) {
    }

    /** A sink or a static route: a prefix tried in order when no route matches. */
    interface PrefixRoute {
        /** Returns the route for {@code path}, or {@code null} when the prefix does not match. */
        Routed match(String path);

        /** Returns the prefix as added: the sink's pattern, the static route's prefix. */
        String prefix();
    }

    /** A sink, by its prefix pattern; its named groups become the URI fields. */
    record SinkRoute(Pattern pattern, List<String> groups, Responder step, WebSocketResponder wsStep,
            SinkEntry entry) implements PrefixRoute {

        static SinkRoute of(String prefix, Object sink, boolean async, Responder step) {
            return of(prefix, sink, async, step, null);
        }

        /** A sink that may take WebSockets too ({@code wsStep}, or {@code null} when it does not). */
        static SinkRoute of(String prefix, Object sink, boolean async, Responder step, WebSocketResponder wsStep) {
            Pattern pattern = Pattern.compile(prefix);
            List<String> groups = new ArrayList<>();
            Matcher names = Pattern.compile("\\(\\?<([a-zA-Z][a-zA-Z0-9]*)>").matcher(prefix);
            while (names.find()) {
                groups.add(names.group(1));
            }
            return new SinkRoute(pattern, List.copyOf(groups), step, wsStep,
                    new SinkEntry(prefix, pattern, sink, async));
        }

        /** Returns the params when {@code path} starts with the prefix, else {@code null}. */
        RouteParams paramsFor(String path) {
            Matcher m = pattern.matcher(path);
            if (!m.lookingAt()) {
                return null;
            }
            RouteParams params = new RouteParams();
            for (String g : groups) {
                params.put(g, m.group(g));
            }
            return params;
        }

        @Override
        public String prefix() {
            return entry.prefix();
        }

        @Override
        public Routed match(String path) {
            // NOTE: Falcon matches sink prefixes with re.match: anchored at the start only.
            Matcher m = pattern.matcher(path);
            if (!m.lookingAt()) {
                return null;
            }
            RouteParams params = new RouteParams();
            for (String g : groups) {
                params.put(g, m.group(g));
            }
            return new Routed(null, params, step);
        }
    }

    /** A static route, with its responder made once. */
    record StaticPrefix(StaticRoute target, Routed routed) implements PrefixRoute {

        static StaticPrefix of(StaticRoute route) {
            return new StaticPrefix(route, new Routed(null, NO_PARAMS, (req, resp, params) -> {
                route.handle(req, resp);
                return null;
            }));
        }

        @Override
        public Routed match(String path) {
            return target.match(path) ? routed : null;
        }

        @Override
        public String prefix() {
            return target.getPrefix();
        }
    }

    /** The App's configuration at one moment, as {@link App} hands it over. */
    record Parts(Router router, RequestOptions reqOptions, ResponseOptions respOptions,
            WebSocketOptions wsOptions, boolean independentMiddleware, List<Middleware> middleware,
            List<SinkRoute> sinks, List<StaticPrefix> staticRoutes, boolean sinkBeforeStaticRoute,
            Map<Class<?>, ErrorStep> errorHandlers, ErrorSerializer errorSerializer,
            BiFunction<Exchange, RequestOptions, ? extends Request> requestFactory,
            Function<ResponseOptions, ? extends Response> responseFactory,
            Function<Request, ? extends Context> requestContextFactory,
            Function<Response, ? extends Context> responseContextFactory) {
    }

    final Router router;
    final RequestOptions reqOptions;
    final ResponseOptions respOptions;
    final WebSocketOptions wsOptions;
    final boolean independentMiddleware;
    /** Every component, in the order added (dependent middleware walks it). */
    final Middleware[] middleware;
    /** Components with a processRequest, in order. */
    final Middleware[] requestMw;
    /** Components with a processResource, in order. */
    final Middleware[] resourceMw;
    /** Components with a processResponse, in reverse order. */
    final Middleware[] responseMw;
    final Middleware[] requestWsMw;
    final Middleware[] resourceWsMw;
    /** Per component of {@link #middleware}: {has processRequest, has processResponse}. */
    final boolean[][] dependentPairs;
    private final PrefixRoute[] prefixRoutes;
    private final Parts parts;
    /** The defaults, then the user's handlers, in the order added: what inspection lists. */
    private final List<ErrorHandlerEntry> errorHandlerList;
    // PERF: the step for a class, found by walking up its superclasses once (Falcon walks the MRO).
    private final ClassValue<ErrorStep> errorSteps;
    private final ErrorSerializer errorSerializer;
    private final BiFunction<Exchange, RequestOptions, ? extends Request> requestFactory;
    private final Function<ResponseOptions, ? extends Response> responseFactory;
    private final Function<Request, ? extends Context> requestContextFactory;
    private final Function<Response, ? extends Context> responseContextFactory;

    Pipeline(Parts parts) {
        this.parts = parts;
        this.router = parts.router();
        this.reqOptions = parts.reqOptions();
        this.respOptions = parts.respOptions();
        this.wsOptions = parts.wsOptions();
        this.independentMiddleware = parts.independentMiddleware();
        this.errorSerializer = parts.errorSerializer();
        this.requestFactory = parts.requestFactory();
        this.responseFactory = parts.responseFactory();
        this.requestContextFactory = parts.requestContextFactory();
        this.responseContextFactory = parts.responseContextFactory();

        List<PrefixRoute> prefixes = new ArrayList<>();
        if (parts.sinkBeforeStaticRoute()) {
            prefixes.addAll(parts.sinks());
            prefixes.addAll(parts.staticRoutes());
        } else {
            prefixes.addAll(parts.staticRoutes());
            prefixes.addAll(parts.sinks());
        }
        this.prefixRoutes = prefixes.toArray(new PrefixRoute[0]);

        List<Middleware> all = parts.middleware();
        List<Middleware> req = new ArrayList<>();
        List<Middleware> rsrc = new ArrayList<>();
        List<Middleware> resp = new ArrayList<>();
        List<Middleware> reqWs = new ArrayList<>();
        List<Middleware> rsrcWs = new ArrayList<>();
        boolean[][] pairs = new boolean[all.size()][];
        for (int i = 0; i < all.size(); i++) {
            Middleware m = all.get(i);
            // A component may override the blocking method or its ...Async twin; the engine calls
            // the ...Async one, whose default calls the blocking one and returns null.
            boolean hasReq = overrides(m, "processRequest", Request.class, Response.class)
                    || overrides(m, "processRequestAsync", Request.class, Response.class);
            boolean hasRsrc = overrides(m, "processResource", Request.class, Response.class, Object.class,
                    RouteParams.class) || overrides(m, "processResourceAsync", Request.class, Response.class,
                    Object.class, RouteParams.class);
            boolean hasResp = overrides(m, "processResponse", Request.class, Response.class, Object.class,
                    boolean.class) || overrides(m, "processResponseAsync", Request.class, Response.class,
                    Object.class, boolean.class);
            if (hasReq) {
                req.add(m);
            }
            if (hasRsrc) {
                rsrc.add(m);
            }
            if (hasResp) {
                resp.add(0, m); // processResponse runs in reverse order
            }
            if (overrides(m, "processRequestWs", Request.class, WebSocket.class)) {
                reqWs.add(m);
            }
            if (overrides(m, "processResourceWs", Request.class, WebSocket.class, Object.class, RouteParams.class)) {
                rsrcWs.add(m);
            }
            pairs[i] = new boolean[] {hasReq, hasResp};
        }
        this.middleware = all.toArray(NO_MIDDLEWARE);
        this.requestMw = req.toArray(NO_MIDDLEWARE);
        this.resourceMw = rsrc.toArray(NO_MIDDLEWARE);
        this.responseMw = resp.toArray(NO_MIDDLEWARE);
        this.requestWsMw = reqWs.toArray(NO_MIDDLEWARE);
        this.resourceWsMw = rsrcWs.toArray(NO_MIDDLEWARE);
        this.dependentPairs = pairs;

        Map<Class<?>, ErrorStep> steps = new LinkedHashMap<>();
        steps.put(Exception.class, new DefaultErrorHandler(this, DefaultErrorHandler.Kind.UNEXPECTED));
        steps.put(HTTPError.class, new DefaultErrorHandler(this, DefaultErrorHandler.Kind.HTTP_ERROR));
        steps.put(HTTPStatus.class, new DefaultErrorHandler(this, DefaultErrorHandler.Kind.HTTP_STATUS));
        steps.put(WebSocketDisconnected.class, new DefaultErrorHandler(this, DefaultErrorHandler.Kind.WS_DISCONNECTED));
        steps.putAll(parts.errorHandlers());
        List<ErrorHandlerEntry> entries = new ArrayList<>();
        for (Map.Entry<Class<?>, ErrorStep> e : steps.entrySet()) {
            entries.add(entry(e.getKey(), e.getValue()));
        }
        this.errorHandlerList = List.copyOf(entries);
        boolean hasInterfaces = false;
        for (Class<?> type : steps.keySet()) {
            hasInterfaces |= type.isInterface();
        }
        boolean interfaces = hasInterfaces;
        this.errorSteps = new ClassValue<>() {
            @Override
            protected ErrorStep computeValue(Class<?> type) {
                // Once per exception class: the class, the interfaces it declares, then up.
                for (Class<?> c = type; c != null; c = c.getSuperclass()) {
                    ErrorStep s = steps.get(c);
                    if (s == null && interfaces) {
                        s = viaInterfaces(c, steps);
                    }
                    if (s != null) {
                        return s;
                    }
                }
                return null;
            }
        };
    }

    private static ErrorHandlerEntry entry(Class<?> type, ErrorStep step) {
        Object target = step.target();
        String internalName = target instanceof DefaultErrorHandler ? ((DefaultErrorHandler) target).falconName() : null;
        boolean async = target instanceof AsyncErrorHandler;
        return new ErrorHandlerEntry(type, target, internalName, async);
    }

    // ------------------------------------------------------------------ inspection (EngineView)

    @Override
    public Router router() {
        return router;
    }

    @Override
    public boolean independentMiddleware() {
        return independentMiddleware;
    }

    @Override
    public List<Middleware> middleware() {
        return List.of(middleware);
    }

    @Override
    public List<Middleware> requestMiddleware() {
        return List.of(requestMw);
    }

    @Override
    public List<Middleware> resourceMiddleware() {
        return List.of(resourceMw);
    }

    @Override
    public List<Middleware> responseMiddleware() {
        return List.of(responseMw);
    }

    @Override
    public List<SinkEntry> sinks() {
        List<SinkEntry> list = new ArrayList<>();
        for (SinkRoute s : parts.sinks()) {
            list.add(s.entry());
        }
        return list;
    }

    @Override
    public List<StaticRoute> staticRoutes() {
        List<StaticRoute> list = new ArrayList<>();
        for (StaticPrefix s : parts.staticRoutes()) {
            list.add(s.target());
        }
        return list;
    }

    @Override
    public boolean sinkBeforeStaticRoute() {
        return parts.sinkBeforeStaticRoute();
    }

    @Override
    public List<ErrorHandlerEntry> errorHandlers() {
        return errorHandlerList;
    }

    @Override
    public ErrorHandlerEntry errorHandlerFor(Class<?> type) {
        // the engine's own lookup (superclasses, then interfaces), then the entry that holds its step
        ErrorStep step = errorSteps.get(type);
        if (step == null) {
            return null;
        }
        for (ErrorHandlerEntry e : errorHandlerList) {
            if (e.type().isAssignableFrom(type) && errorSteps.get(e.type()) == step) {
                return e;
            }
        }
        return null;
    }

    private static ErrorStep viaInterfaces(Class<?> c, Map<Class<?>, ErrorStep> steps) {
        for (Class<?> i : c.getInterfaces()) {
            ErrorStep s = steps.get(i);
            if (s == null) {
                s = viaInterfaces(i, steps);
            }
            if (s != null) {
                return s;
            }
        }
        return null;
    }

    private static boolean overrides(Object component, String name, Class<?>... params) {
        try {
            Method m = component.getClass().getMethod(name, params);
            return m.getDeclaringClass() != Middleware.class;
        } catch (NoSuchMethodException ex) {
            return false;
        }
    }

    // ------------------------------------------------------------------ one request

    /** Runs one exchange: a WebSocket connection or an HTTP request. */
    void handle(Exchange exchange) {
        Request req;
        Response resp;
        try {
            req = newRequest(exchange);
            resp = newResponse();
        } catch (RuntimeException ex) {
            LOG.log(System.Logger.Level.ERROR, "could not create the request or response", ex);
            exchange.respond(internalErrorReply());
            return;
        }
        // A small state machine runs the request, so that asynchronous steps park it instead of
        // blocking a thread (docs/async.md).
        if (exchange.webSocket() != null) {
            new WebSocketFlow(this, exchange, req).run();
            return;
        }
        new RequestFlow(this, exchange, req, resp).run();
    }

    /**
     * Finds what serves {@code req}: a route of the router, else the first sink or static route
     * whose prefix matches, else a responder that raises {@link HTTPRouteNotFound}.
     */
    Routed route(Request req) {
        RouteMatch match = router.find(req.getPath(), req);
        if (match != null) {
            req.setUriTemplate(match.uriTemplate());
            RouteParams params = match.params();
            return new Routed(match.resource(), params == null ? NO_PARAMS : params,
                    match.methodMap().get(req.getMethod()));
        }
        String path = req.getPath();
        for (PrefixRoute prefix : prefixRoutes) {
            Routed routed = prefix.match(path);
            if (routed != null) {
                req.setRoutePrefix(prefix.prefix());
                return routed;
            }
        }
        return PATH_NOT_FOUND;
    }

    /** Finds the route of a WebSocket request, or {@code null}. */
    RouteMatch routeWs(Request req) {
        return router.find(req.getPath(), req);
    }

    /** A sink that matched a WebSocket request with no route: its params and WebSocket step. */
    record WsSink(RouteParams params, WebSocketResponder step) {
    }

    /**
     * Finds the sink for a WebSocket request that no route matched, or {@code null}; the first
     * sink whose prefix matches answers, as for HTTP (Falcon 4.1 routes WebSockets to sinks).
     */
    WsSink sinkWs(Request req) {
        String path = req.getPath();
        for (PrefixRoute prefix : prefixRoutes) {
            if (prefix instanceof SinkRoute) {
                SinkRoute sink = (SinkRoute) prefix;
                RouteParams params = sink.paramsFor(path);
                if (params != null) {
                    return sink.wsStep() == null ? null : new WsSink(params, sink.wsStep());
                }
            }
        }
        return null;
    }

    // ------------------------------------------------------------------ errors

    /** Returns the error step for {@code ex}'s class or its nearest superclass, or {@code null}. */
    ErrorStep errorStepFor(Throwable ex) {
        return errorSteps.get(ex.getClass());
    }

    /** Clears the response body and calls the error step for {@code ex}; null or a pending stage. */
    Object callErrorHandler(Request req, Response resp, Throwable ex, RouteParams params) throws Exception {
        ErrorStep step = errorSteps.get(ex.getClass());
        resp.clearBody();
        return step.handle(req, resp, ex, params);
    }

    /** Sets the error's status and headers, then lets the error serializer write the body. */
    void composeError(Request req, Response resp, HTTPError error) {
        resp.setStatus(error.getStatus());
        resp.setHeaders(error.getHeaders());
        errorSerializer.serialize(req, resp, error);
    }

    /** Sets an {@link HTTPStatus}'s status, headers, text and data on the response. */
    static void composeStatus(Response resp, HTTPStatus status) {
        resp.setStatus(status.getStatus());
        resp.setHeaders(status.getHeaders());
        resp.setText(status.getText());
        if (status.getData() != null) {
            resp.setData(status.getData());
        }
    }

    /** The reply when nothing of the App could answer: Falcon's 500 body, as JSON. */
    static Reply internalErrorReply() {
        return Reply.error(new HTTPInternalServerError());
    }

    /**
     * Renders an error found before the App ran, with the error serializer: a request and a
     * response are made from what the adapter read, the error composed as for a responder's, and
     * the reply rendered; no middleware, hook or error handler runs (they are the App's request
     * path, which this request never entered).
     */
    Reply errorReply(Exchange exchange, HTTPError error) {
        try {
            Request req = newRequest(exchange);
            Response resp = newResponse();
            composeError(req, resp, error);
            return new RequestFlow(this, exchange, req, resp).renderNow();
        } catch (Exception ex) {
            LOG.log(System.Logger.Level.ERROR, "could not render " + error.getStatus() + " with the error serializer", ex);
            return Reply.error(error);
        }
    }

    /** The App's request type for {@code exchange}, with the App's context type. */
    private Request newRequest(Exchange exchange) {
        Request req = requestFactory.apply(exchange, reqOptions);
        if (requestContextFactory != null) {
            req.setContextFactory(requestContextFactory);
        }
        return req;
    }

    /** The App's response type, with the App's context type. */
    private Response newResponse() {
        Response resp = responseFactory.apply(respOptions);
        if (responseContextFactory != null) {
            resp.setContextFactory(responseContextFactory);
        }
        return resp;
    }

    /**
     * Falcon 4.0's default error serializer: the error's {@code toDict()} in the type the client
     * prefers among JSON, XML and the response media handlers' types (JSON on a tie, and for a
     * {@code +json} suffix; XML for {@code +xml}); nothing when none is acceptable or the chosen
     * handler cannot serialize.
     */
    static void defaultSerializeError(Request req, Response resp, HTTPError error) {
        if (resp.getOptions().problemDetails) {
            ProblemDetails.serialize(req, resp, error);
            return;
        }
        Handlers handlers = resp.getOptions().mediaHandlers;
        boolean xml = resp.getOptions().xmlErrorSerialization;
        String preferred = req.clientPrefers(errorTypes(handlers, xml ? ERROR_TYPES : ERROR_TYPES_WITHOUT_XML));
        if (preferred == null) {
            String accept = req.getAccept().toLowerCase(Locale.ROOT);
            if (accept.contains("+json")) {
                preferred = "application/json";
            } else if (accept.contains("+xml")) {
                preferred = "application/xml";
            }
        }
        if (preferred != null) {
            if (preferred.equals("application/json")) {
                BaseHandler handler;
                try {
                    handler = handlers.resolve("application/json", "application/json");
                } catch (HTTPError ex) {
                    handler = null;
                }
                if (handler == null) {
                    resp.setData(error.toJson());
                } else {
                    BaseHandler h = handler;
                    resp.setData(error.toJson(m -> h.serialize(m, "application/json")));
                }
            } else if (preferred.equals("application/xml") || preferred.equals("text/xml")) {
                // Falcon 4.0: an XML media handler the App registered writes it; else toXml(),
                // unless xml_error_serialization is off: then no body, though "+xml" in Accept
                // still names the type (falcon/app_helpers.py default_serialize_error).
                byte[] body = handlers.containsKey(preferred)
                        ? serializeWith(handlers, error.toDict(), preferred) : null;
                if (body != null) {
                    resp.setData(body);
                } else if (xml) {
                    resp.setData(error.toXml());
                }
            } else {
                byte[] body = serializeWith(handlers, error.toDict(), preferred);
                if (body == null) {
                    resp.appendHeader("vary", "Accept");
                    return;
                }
                resp.setData(body);
            }
            resp.setContentType(preferred);
        }
        resp.appendHeader("vary", "Accept");
    }

    /**
     * The types an error may be written in: the handlers' own first, then {@code fixed}, because
     * {@code clientPrefers} (as Falcon 3.1's) gives a tie to the later type and JSON must win it
     * (Falcon 4.0 lists JSON first for its first-wins matcher).
     */
    static List<String> errorTypes(Handlers handlers, List<String> fixed) {
        List<String> types = new ArrayList<>(handlers.size() + fixed.size());
        for (String type : handlers.keySet()) {
            if (!fixed.contains(type)) {
                types.add(type);
            }
        }
        types.addAll(fixed);
        return types;
    }

    /** Serializes with the handler for {@code type}, or returns {@code null} when it cannot. */
    static byte[] serializeWith(Handlers handlers, Object media, String type) {
        try {
            return handlers.resolve(type, "application/json").serialize(media, type);
        } catch (HTTPError | UnsupportedOperationException ex) {
            // e.g. multipart/form-data: Falcon's handler cannot write it either.
            return null;
        }
    }

    /** Returns the JSON handler SSE events are written with, or {@code null} when none is set. */
    BaseHandler sseJsonHandler() {
        try {
            return respOptions.mediaHandlers.resolve("application/json", "application/json");
        } catch (HTTPError ex) {
            return null;
        }
    }

    /** Status codes whose responses never have a body (falcon/app.py {@code _BODILESS_STATUS_CODES}). */
    static boolean bodiless(int code) {
        return code == 100 || code == 101 || code == 204 || code == 304;
    }
}
