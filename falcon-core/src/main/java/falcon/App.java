package falcon;

import falcon.gateway.Exchange;
import falcon.gateway.Handler;
import falcon.gateway.Reply;
import falcon.media.BaseHandler;
import falcon.media.Handlers;
import falcon.routing.CompiledRouter;
import falcon.routing.CompiledRouterOptions;
import falcon.routing.Responder;
import falcon.routing.RouteMatch;
import falcon.routing.RouteParams;
import falcon.routing.Router;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Falcon application: routes, middleware and error handlers, served through any adapter.
 *
 * <pre>{@code
 * App app = new App();
 * app.addRoute("/things/{id:int}", new ThingsResource());
 * Server.serve(app, 8000);            // falcon-server; or new TestClient(app) in tests
 * }</pre>
 *
 * <p>Configure it before serving: {@code addRoute}, {@code addMiddleware} and the other {@code
 * add*} methods are meant for start-up. Resources, middleware, hooks and error handlers are
 * shared by all requests and must be thread-safe.
 *
 * <p>Falcon: {@code falcon.App}.
 */
public class App implements Handler {

    private static final System.Logger LOG = System.getLogger("falcon");

    /** Status codes whose responses never have a body (falcon/app.py {@code _BODILESS_STATUS_CODES}). */
    private static boolean bodiless(int code) {
        return code == 100 || code == 101 || code == 204 || code == 304;
    }

    private static final Responder PATH_NOT_FOUND = (req, resp, params) -> {
        throw new HTTPRouteNotFound();
    };

    private final Router router;
    private final RequestOptions reqOptions = new RequestOptions();
    private final ResponseOptions respOptions = new ResponseOptions();
    private final boolean independentMiddleware;
    private final BiFunction<Exchange, RequestOptions, ? extends Request> requestFactory;
    private final Function<ResponseOptions, ? extends Response> responseFactory;
    private final Function<Request, ? extends falcon.util.Context> requestContextFactory;
    private final Function<Response, ? extends falcon.util.Context> responseContextFactory;

    private final List<Middleware> middleware = new ArrayList<>();
    // Resolved once per addMiddleware: components without a method are not in its array.
    private volatile Middleware[] requestMw = new Middleware[0];
    private volatile Middleware[] resourceMw = new Middleware[0];
    private volatile Middleware[] responseMw = new Middleware[0];
    private volatile boolean[][] dependentPairs = new boolean[0][];

    private final Map<Class<?>, ErrorHandler<?>> errorHandlers = new ConcurrentHashMap<>();
    // PERF: the handler for a class, found by walking up its superclasses once (Falcon walks the
    // MRO); replaced by a fresh lookup whenever a handler is added.
    private volatile ClassValue<ErrorHandler<?>> handlers = newHandlerLookup();
    private volatile ErrorSerializer errorSerializer = App::defaultSerializeError;

    private final List<SinkRoute> sinks = new CopyOnWriteArrayList<>();
    private final List<falcon.routing.StaticRoute> staticRoutes = new CopyOnWriteArrayList<>();
    private final boolean sinkBeforeStaticRoute;

    /** Creates an App with Falcon's defaults: JSON media, independent middleware, compiled router. */
    public App() {
        this(builder());
    }

    private App(Builder b) {
        this.router = b.router != null ? b.router : new CompiledRouter();
        this.independentMiddleware = b.independentMiddleware;
        this.sinkBeforeStaticRoute = b.sinkBeforeStaticRoute;
        this.requestFactory = b.requestFactory != null ? b.requestFactory : Request::new;
        this.responseFactory = b.responseFactory != null ? b.responseFactory : Response::new;
        this.requestContextFactory = b.requestContextFactory;
        this.responseContextFactory = b.responseContextFactory;
        reqOptions.defaultMediaType = b.mediaType;
        respOptions.defaultMediaType = b.mediaType;
        errorHandlers.put(Exception.class, new DefaultErrorHandler(this, DefaultErrorHandler.Kind.UNEXPECTED));
        errorHandlers.put(HTTPError.class, new DefaultErrorHandler(this, DefaultErrorHandler.Kind.HTTP_ERROR));
        errorHandlers.put(HTTPStatus.class, new DefaultErrorHandler(this, DefaultErrorHandler.Kind.HTTP_STATUS));
        errorHandlers.put(WebSocketDisconnected.class,
                new DefaultErrorHandler(this, DefaultErrorHandler.Kind.WS_DISCONNECTED));
        List<Middleware> components = new ArrayList<>(b.middleware);
        if (b.corsEnable) {
            // NOTE: as Falcon 4, corsEnable and a CORSMiddleware of one's own exclude each other.
            for (Middleware m : components) {
                if (m instanceof CORSMiddleware) {
                    throw new IllegalArgumentException("corsEnable cannot be combined with a CORSMiddleware "
                            + "in the middleware: pass one or the other");
                }
            }
            components.add(new CORSMiddleware());
        }
        for (Middleware m : components) {
            addMiddleware(m);
        }
    }

    /**
     * Returns a builder for the App's constructor options.
     *
     * @return a new builder with Falcon's defaults
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The App's constructor options.
     *
     * <p>Falcon: the keyword arguments of {@code falcon.App(...)}.
     */
    public static final class Builder {
        private String mediaType = Handlers.MEDIA_JSON;
        private Router router;
        private boolean independentMiddleware = true;
        private boolean corsEnable;
        private boolean sinkBeforeStaticRoute = true;
        private final List<Middleware> middleware = new ArrayList<>();
        private BiFunction<Exchange, RequestOptions, ? extends Request> requestFactory;
        private Function<ResponseOptions, ? extends Response> responseFactory;
        private Function<Request, ? extends falcon.util.Context> requestContextFactory;
        private Function<Response, ? extends falcon.util.Context> responseContextFactory;

        private Builder() {
        }

        /**
         * Sets the default media type of requests and responses ({@code application/json}).
         *
         * @param mediaType the media type
         * @return this builder
         */
        public Builder mediaType(String mediaType) {
            this.mediaType = mediaType;
            return this;
        }

        /**
         * Sets a custom router instead of the {@link CompiledRouter}.
         *
         * @param router the router
         * @return this builder
         */
        public Builder router(Router router) {
            this.router = router;
            return this;
        }

        /**
         * Sets whether {@code processResponse} runs for every component even when an earlier
         * {@code processRequest} raised (true, the default) or only for components whose
         * {@code processRequest} ran (false).
         *
         * @param independent whether middleware is independent
         * @return this builder
         */
        public Builder independentMiddleware(boolean independent) {
            this.independentMiddleware = independent;
            return this;
        }

        /**
         * Sets whether a default {@link CORSMiddleware} (any origin) is added after the other
         * middleware. Default false.
         *
         * <p>Falcon: {@code cors_enable}.
         *
         * @param enable whether to add a default {@link CORSMiddleware}
         * @return this builder
         */
        public Builder corsEnable(boolean enable) {
            this.corsEnable = enable;
            return this;
        }

        /**
         * Sets whether sinks are tried before static routes (true, the default) or after them.
         *
         * <p>Falcon: {@code sink_before_static_route}.
         *
         * @param sinkFirst whether sinks are tried before static routes
         * @return this builder
         */
        public Builder sinkBeforeStaticRoute(boolean sinkFirst) {
            this.sinkBeforeStaticRoute = sinkFirst;
            return this;
        }

        /**
         * Adds middleware components, in order.
         *
         * @param components the components to add
         * @return this builder
         */
        public Builder middleware(Middleware... components) {
            this.middleware.addAll(List.of(components));
            return this;
        }

        /**
         * Sets how requests are made, for a custom {@link Request} subclass. Falcon: {@code
         * request_type}.
         *
         * @param factory makes a request from the adapter's exchange and the request options
         * @return this builder
         */
        public Builder requestType(BiFunction<Exchange, RequestOptions, ? extends Request> factory) {
            this.requestFactory = factory;
            return this;
        }

        /**
         * Sets how responses are made, for a custom {@link Response} subclass. Falcon: {@code
         * response_type}.
         *
         * @param factory makes a response from the response options
         * @return this builder
         */
        public Builder responseType(Function<ResponseOptions, ? extends Response> factory) {
            this.responseFactory = factory;
            return this;
        }

        /**
         * Sets the factory of {@code req.getContext()}. Falcon: {@code Request.context_type}.
         *
         * @param factory makes a request's context from the request, on first use
         * @return this builder
         */
        public Builder requestContextType(Function<Request, ? extends falcon.util.Context> factory) {
            this.requestContextFactory = factory;
            return this;
        }

        /**
         * Sets the factory of {@code resp.getContext()}. Falcon: {@code Response.context_type}.
         *
         * @param factory makes a response's context from the response, on first use
         * @return this builder
         */
        public Builder responseContextType(Function<Response, ? extends falcon.util.Context> factory) {
            this.responseContextFactory = factory;
            return this;
        }

        /**
         * Builds the App.
         *
         * @return a new App with these options
         * @throws IllegalArgumentException when {@code corsEnable} is combined with a {@link
         *     CORSMiddleware} in the middleware
         */
        public App build() {
            return new App(this);
        }
    }

    // ------------------------------------------------------------------ configuration

    /**
     * Returns the request options. Falcon: {@code app.req_options}.
     *
     * @return the request options, shared by all requests
     */
    public RequestOptions getReqOptions() {
        return reqOptions;
    }

    /**
     * Returns the response options. Falcon: {@code app.resp_options}.
     *
     * @return the response options, shared by all responses
     */
    public ResponseOptions getRespOptions() {
        return respOptions;
    }

    /**
     * Returns the compiled router's options, e.g. to add converters.
     *
     * @return the compiled router's options
     * @throws UnsupportedOperationException when a custom router without options is in use
     */
    public CompiledRouterOptions getRouterOptions() {
        if (router instanceof CompiledRouter) {
            return ((CompiledRouter) router).getOptions();
        }
        throw new UnsupportedOperationException("the custom router " + router.getClass().getName()
                + " has no CompiledRouterOptions");
    }

    /**
     * Returns the router.
     *
     * @return the router
     */
    public Router getRouter() {
        return router;
    }

    /**
     * Routes requests for {@code uriTemplate} to {@code resource}'s responders.
     *
     * @param uriTemplate the URI template, e.g. {@code /books/{id}}
     * @param resource the resource whose responders handle the requests
     * @throws falcon.routing.UnacceptableRouteError when the template is invalid or conflicts, or
     *     the resource's responders do not fit it
     */
    public void addRoute(String uriTemplate, Object resource) {
        router.addRoute(uriTemplate, resource, null);
    }

    /**
     * Routes requests for {@code uriTemplate} to the responders with {@code suffix}, e.g. {@code
     * onGetCollection} for {@code "collection"}.
     *
     * @param uriTemplate the URI template, e.g. {@code /books/{id}}
     * @param resource the resource whose responders handle the requests
     * @param suffix the responder name suffix, or {@code null} for none
     */
    public void addRoute(String uriTemplate, Object resource, String suffix) {
        router.addRoute(uriTemplate, resource, suffix);
    }

    /**
     * Adds a sink: requests that no route matches and whose path starts with the {@code prefix}
     * pattern go to it, whatever their method. Sinks added later are tried first.
     *
     * <p>Falcon: {@code app.add_sink(sink, prefix)}.
     *
     * @param sink the sink
     * @param prefix the regular expression the path must start with; its named groups
     *     become the sink's params
     */
    public void addSink(Sink sink, String prefix) {
        sinks.add(0, new SinkRoute(Pattern.compile(prefix), groupNames(prefix), sink));
    }

    /**
     * Adds a sink for every path.
     *
     * @param sink the sink
     */
    public void addSink(Sink sink) {
        addSink(sink, "/");
    }

    /**
     * Serves the files of {@code directory} under {@code prefix}. Static routes are tried after
     * the routes, the one added last first, and before or after the sinks as {@link
     * Builder#sinkBeforeStaticRoute} says; see {@link falcon.routing.StaticRoute} for the rules.
     *
     * <p>Falcon: {@code app.add_static_route(prefix, directory, downloadable, fallback_filename)}.
     *
     * @param prefix the path prefix, starting with {@code /}
     * @param directory the absolute directory to serve
     * @param downloadable whether responses carry {@code Content-Disposition: attachment}
     * @param fallbackFilename a file served when the requested one is missing, or {@code null}
     * @throws IllegalArgumentException when the prefix does not start with {@code /}, the
     *     directory is not absolute, or the fallback file does not exist
     */
    public void addStaticRoute(String prefix, java.nio.file.Path directory, boolean downloadable,
            String fallbackFilename) {
        staticRoutes.add(0, new falcon.routing.StaticRoute(prefix, directory, downloadable, fallbackFilename));
    }

    /**
     * Serves the files of {@code directory} under {@code prefix}; see the full overload.
     *
     * @param prefix the path prefix, starting with {@code /}
     * @param directory the absolute directory to serve
     */
    public void addStaticRoute(String prefix, java.nio.file.Path directory) {
        addStaticRoute(prefix, directory, false, null);
    }

    /**
     * Serves the files of {@code directory} (an absolute path) under {@code prefix}.
     *
     * @param prefix the path prefix, starting with {@code /}
     * @param directory the absolute directory to serve
     */
    public void addStaticRoute(String prefix, String directory) {
        addStaticRoute(prefix, java.nio.file.Paths.get(directory), false, null);
    }

    /**
     * Adds middleware components, as if appended to the constructor's list.
     *
     * @param components the components to add
     */
    public synchronized void addMiddleware(Middleware... components) {
        middleware.addAll(List.of(components));
        prepareMiddleware();
    }

    /**
     * Handles exceptions of {@code type} (and its subclasses, unless a more specific handler is
     * registered) with {@code handler}. A later registration for the same type replaces it.
     *
     * @param <E> the exception type
     * @param type the exception class
     * @param handler the handler
     */
    public <E extends Throwable> void addErrorHandler(Class<E> type, ErrorHandler<? super E> handler) {
        errorHandlers.put(type, handler);
        handlers = newHandlerLookup(); // forgets the previous look-ups
    }

    private ClassValue<ErrorHandler<?>> newHandlerLookup() {
        return new ClassValue<>() {
            @Override
            protected ErrorHandler<?> computeValue(Class<?> type) {
                for (Class<?> c = type; c != null; c = c.getSuperclass()) {
                    ErrorHandler<?> h = errorHandlers.get(c);
                    if (h != null) {
                        return h;
                    }
                }
                return null;
            }
        };
    }

    /**
     * Replaces the serializer of {@link HTTPError} bodies. Falcon: {@code set_error_serializer}.
     *
     * @param serializer the new serializer
     */
    public void setErrorSerializer(ErrorSerializer serializer) {
        this.errorSerializer = serializer;
    }

    private void prepareMiddleware() {
        List<Middleware> req = new ArrayList<>();
        List<Middleware> rsrc = new ArrayList<>();
        List<Middleware> resp = new ArrayList<>();
        boolean[][] pairs = new boolean[middleware.size()][];
        List<Middleware> reqWs = new ArrayList<>();
        List<Middleware> rsrcWs = new ArrayList<>();
        for (int i = 0; i < middleware.size(); i++) {
            Middleware m = middleware.get(i);
            // #6: a component may override the blocking method or its ...Async twin.
            boolean hasReq = overrides(m, "processRequest", Request.class, Response.class)
                    || overrides(m, "processRequestAsync", Request.class, Response.class);
            boolean hasRsrc = overrides(m, "processResource", Request.class, Response.class, Object.class,
                    RouteParams.class) || overrides(m, "processResourceAsync", Request.class, Response.class,
                    Object.class, RouteParams.class);
            boolean hasResp = overrides(m, "processResponse", Request.class, Response.class, Object.class,
                    boolean.class) || overrides(m, "processResponseAsync", Request.class, Response.class,
                    Object.class, boolean.class);
            if (overrides(m, "processRequestWs", Request.class, WebSocket.class)) {
                reqWs.add(m);
            }
            if (overrides(m, "processResourceWs", Request.class, WebSocket.class, Object.class, RouteParams.class)) {
                rsrcWs.add(m);
            }
            if (hasReq) {
                req.add(m);
            }
            if (hasRsrc) {
                rsrc.add(m);
            }
            if (hasResp) {
                resp.add(0, m); // processResponse runs in reverse order
            }
            pairs[i] = new boolean[] {hasReq, hasResp};
        }
        requestMw = req.toArray(new Middleware[0]);
        resourceMw = rsrc.toArray(new Middleware[0]);
        responseMw = resp.toArray(new Middleware[0]);
        dependentPairs = pairs;
        requestWsMw = reqWs.toArray(NO_MIDDLEWARE);
        resourceWsMw = rsrcWs.toArray(NO_MIDDLEWARE);
    }

    private static boolean overrides(Object component, String name, Class<?>... params) {
        try {
            Method m = component.getClass().getMethod(name, params);
            return m.getDeclaringClass() != Middleware.class;
        } catch (NoSuchMethodException ex) {
            return false;
        }
    }

    // ------------------------------------------------------------------ the request path

    /**
     * Handles one exchange: middleware, routing, responder, error handling, then the reply.
     *
     * <p>Falcon: {@code App.__call__}.
     */
    @Override
    public void handle(Exchange exchange) {
        Request req;
        Response resp;
        try {
            req = requestFactory.apply(exchange, reqOptions);
            resp = responseFactory.apply(respOptions);
        } catch (RuntimeException ex) {
            LOG.log(System.Logger.Level.ERROR, "could not create the request or response", ex);
            exchange.respond(internalErrorReply());
            return;
        }
        if (requestContextFactory != null) {
            req.setContextFactory(requestContextFactory);
        }
        if (responseContextFactory != null) {
            resp.setContextFactory(responseContextFactory);
        }
        // #6: a small state machine runs the request, so that asynchronous steps park it
        // instead of blocking a thread (RequestFlow, WebSocketFlow; docs/async.md).
        if (exchange.webSocket() != null) {
            new WebSocketFlow(this, exchange, req).run();
            return;
        }
        new RequestFlow(this, exchange, req, resp).run();
    }

    Reply internalErrorReply() {
        byte[] body = new HTTPInternalServerError().toJson();
        return new Reply(500, "Internal Server Error", List.of("content-type", "application/json",
                "content-length", Integer.toString(body.length)), body, null, null);
    }

    private Responder findSink(Request req) {
        String path = req.getPath();
        if (!sinkBeforeStaticRoute) {
            Responder r = findStaticRoute(path);
            if (r != null) {
                return r;
            }
        }
        for (SinkRoute s : sinks) {
            Matcher m = s.pattern.matcher(path);
            if (m.lookingAt()) {
                RouteParams p = new RouteParams();
                for (String g : s.groups) {
                    p.put(g, m.group(g));
                }
                return new SinkResponder(s.sink, p);
            }
        }
        if (sinkBeforeStaticRoute) {
            Responder r = findStaticRoute(path);
            if (r != null) {
                return r;
            }
        }
        return PATH_NOT_FOUND;
    }

    private Responder findStaticRoute(String path) {
        for (falcon.routing.StaticRoute route : staticRoutes) {
            if (route.match(path)) {
                return (req, resp, params) -> {
                    route.handle(req, resp);
                    return null;
                };
            }
        }
        return null;
    }

    private record SinkRoute(Pattern pattern, List<String> groups, Sink sink) {
    }

    /** A sink as a responder, with the groups of its match. */
    private static final class SinkResponder implements Responder {
        final Sink sink;
        final RouteParams params;

        SinkResponder(Sink sink, RouteParams params) {
            this.sink = sink;
            this.params = params;
        }

        @Override
        public Object respond(Request req, Response resp, RouteParams ignored) throws Exception {
            if (sink instanceof AsyncSinkAdapter) {
                return ((AsyncSinkAdapter) sink).sink.handle(req, resp, params); // #6
            }
            sink.handle(req, resp, params);
            return null;
        }
    }

    private static List<String> groupNames(String regex) {
        List<String> names = new ArrayList<>();
        Matcher m = Pattern.compile("\\(\\?<([a-zA-Z][a-zA-Z0-9]*)>").matcher(regex);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    // ------------------------------------------------------------------ errors

    private void pythonErrorHandler(Request req, Response resp, Exception ex, RouteParams params) {
        LOG.log(System.Logger.Level.ERROR, req.getMethod() + " " + req.getRelativeUri()
                + ": unhandled exception", ex);
        composeErrorResponse(req, resp, new HTTPInternalServerError());
    }

    private void composeStatusResponse(Response resp, HTTPStatus status) {
        resp.setStatus(status.getStatus());
        if (status.getHeaders() != null) {
            resp.setHeaders(status.getHeaders());
        }
        resp.setText(status.getText());
        if (status.getData() != null) {
            resp.setData(status.getData());
        }
    }

    private void composeErrorResponse(Request req, Response resp, HTTPError error) {
        resp.setStatus(error.getStatus());
        if (error.getHeaders() != null) {
            resp.setHeaders(error.getHeaders());
        }
        errorSerializer.serialize(req, resp, error);
    }

    private static final List<String> ERROR_TYPES = List.of("application/xml", "text/xml", "application/json");

    /**
     * Falcon's default error serializer: JSON or XML by the client's Accept header, nothing when
     * it accepts neither, and always {@code Vary: Accept}.
     *
     * <p>Falcon: {@code falcon.app_helpers.default_serialize_error}.
     *
     * @param req the request, whose Accept header chooses the media type
     * @param resp the response to set the body, Content-Type and Vary on
     * @param error the error to serialize
     */
    public static void defaultSerializeError(Request req, Response resp, HTTPError error) {
        String preferred = req.clientPrefers(ERROR_TYPES);
        if (preferred == null) {
            String accept = req.getAccept().toLowerCase(java.util.Locale.ROOT);
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
                    handler = resp.getOptions().mediaHandlers.resolve("application/json", "application/json");
                } catch (HTTPError ex) {
                    handler = null;
                }
                if (handler == null) {
                    resp.setData(error.toJson());
                } else {
                    BaseHandler h = handler;
                    resp.setData(error.toJson(m -> h.serialize(m, "application/json")));
                }
            } else {
                resp.setData(error.toXml());
            }
            resp.setContentType(preferred);
        }
        resp.appendHeader("vary", "Accept");
    }

    // ------------------------------------------------------------------ async, WebSocket, lifespan

    static final Middleware[] NO_MIDDLEWARE = new Middleware[0];

    private final WebSocketOptions wsOptions = new WebSocketOptions();
    private volatile Middleware[] requestWsMw = NO_MIDDLEWARE;
    private volatile Middleware[] resourceWsMw = NO_MIDDLEWARE;

    /**
     * Returns the WebSocket options. Falcon: {@code app.ws_options}.
     *
     * @return the WebSocket options
     */
    public WebSocketOptions getWsOptions() {
        return wsOptions;
    }

    /**
     * Adds an asynchronous sink: like {@link #addSink(Sink, String)}, but the response is sent
     * when the returned stage completes.
     *
     * <p>Falcon: {@code app.add_sink(async_sink, prefix)}.
     *
     * @param sink the asynchronous sink
     * @param prefix the regular expression the path must start with; its named groups
     *     become the sink's params
     */
    public void addAsyncSink(AsyncSink sink, String prefix) {
        addSink(new AsyncSinkAdapter(sink), prefix);
    }

    /**
     * Handles exceptions of {@code type} with an asynchronous handler; otherwise like {@link
     * #addErrorHandler}.
     *
     * <p>Falcon: {@code app.add_error_handler(type, async_handler)}.
     *
     * @param <E> the exception type
     * @param type the exception class
     * @param handler the asynchronous handler
     */
    public <E extends Throwable> void addAsyncErrorHandler(Class<E> type, AsyncErrorHandler<? super E> handler) {
        addErrorHandler(type, new AsyncErrorHandlerAdapter<E>(handler));
    }

    /**
     * Runs every middleware component's {@code processStartup}, in order; servers call it before
     * they accept connections.
     *
     * <p>Falcon: the ASGI {@code lifespan.startup} event.
     *
     * @throws IllegalStateException when a component failed: the App must not serve; its cause is
     *     the component's exception (Falcon's {@code lifespan.startup.failed})
     */
    @Override
    public void startup() {
        List<Middleware> components;
        synchronized (this) {
            components = List.copyOf(middleware);
        }
        for (Middleware m : components) {
            try {
                m.processStartup();
            } catch (Exception ex) {
                throw new IllegalStateException("startup failed: " + m.getClass().getName()
                        + ".processStartup raised " + ex, ex);
            }
        }
    }

    /**
     * Runs every middleware component's {@code processShutdown}, in reverse order; servers call
     * it after they stopped serving.
     *
     * <p>Falcon: the ASGI {@code lifespan.shutdown} event.
     *
     * @throws IllegalStateException when a component failed; the remaining ones are skipped
     *     (Falcon's {@code lifespan.shutdown.failed})
     */
    @Override
    public void shutdown() {
        List<Middleware> components;
        synchronized (this) {
            components = List.copyOf(middleware);
        }
        for (int i = components.size() - 1; i >= 0; i--) {
            Middleware m = components.get(i);
            try {
                m.processShutdown();
            } catch (Exception ex) {
                throw new IllegalStateException("shutdown failed: " + m.getClass().getName()
                        + ".processShutdown raised " + ex, ex);
            }
        }
    }

    boolean isIndependentMiddleware() {
        return independentMiddleware;
    }

    Middleware[] requestMiddleware() {
        return requestMw;
    }

    Middleware[] resourceMiddleware() {
        return resourceMw;
    }

    Middleware[] responseMiddleware() {
        return responseMw;
    }

    Middleware[] requestWsMiddleware() {
        return requestWsMw;
    }

    Middleware[] resourceWsMiddleware() {
        return resourceWsMw;
    }

    List<Middleware> middlewareList() {
        return middleware;
    }

    boolean[][] dependentPairs() {
        return dependentPairs;
    }

    static boolean bodilessStatus(int code) {
        return bodiless(code);
    }

    /** Routes {@code req} for an HTTP flow: sets its resource, params and responder. */
    void route(RequestFlow flow, Request req) {
        RouteMatch match = router.find(req.getPath(), req);
        if (match != null) {
            flow.resource = match.resource();
            flow.params = match.params();
            req.setUriTemplate(match.uriTemplate());
            flow.responder = match.methodMap().get(req.getMethod());
        } else {
            Responder responder = findSink(req);
            if (responder instanceof SinkResponder) {
                flow.params = ((SinkResponder) responder).params;
            }
            flow.responder = responder;
        }
    }

    /** Finds the route of a WebSocket request; {@code null} when none matched (no sinks: Falcon 3.1). */
    RouteMatch routeWs(Request req) {
        return router.find(req.getPath(), req);
    }

    boolean hasErrorHandler(Throwable ex) {
        return handlers.get(ex.getClass()) != null;
    }

    ErrorHandler<?> errorHandlerFor(Throwable ex) {
        return handlers.get(ex.getClass());
    }

    /** Calls the handler of {@code ex} (which must exist) after clearing the body; returns its stage. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    Object callErrorHandler(Request req, Response resp, Throwable ex, RouteParams params) throws Exception {
        ErrorHandler handler = handlers.get(ex.getClass());
        resp.clearBody();
        if (handler instanceof AsyncErrorHandlerAdapter) {
            return ((AsyncErrorHandlerAdapter) handler).handler.handle(req, resp, ex, params);
        }
        handler.handle(req, resp, ex, params);
        return null;
    }

    void composeError(Request req, Response resp, HTTPError error) {
        composeErrorResponse(req, resp, error);
    }

    void composeStatus(Response resp, HTTPStatus status) {
        composeStatusResponse(resp, status);
    }

    void pythonError(Request req, Response resp, Exception ex) {
        pythonErrorHandler(req, resp, ex, null);
    }

    /** The JSON handler for {@code SSEvent.json}: the response options' (Falcon), else the default. */
    BaseHandler sseJsonHandler() {
        try {
            return respOptions.mediaHandlers.resolve("application/json", "application/json");
        } catch (HTTPError ex) {
            return null;
        }
    }

    /** An {@link AsyncSink} registered as a {@link Sink}; the flow calls the async method. */
    private static final class AsyncSinkAdapter implements Sink {
        final AsyncSink sink;

        AsyncSinkAdapter(AsyncSink sink) {
            this.sink = sink;
        }

        @Override
        public void handle(Request req, Response resp, RouteParams params) throws Exception {
            CompletionStage<?> stage = sink.handle(req, resp, params);
            if (stage != null) {
                stage.toCompletableFuture().join();
            }
        }
    }

    /** An {@link AsyncErrorHandler} registered as an {@link ErrorHandler}; the flow calls the async method. */
    static final class AsyncErrorHandlerAdapter<E extends Throwable> implements ErrorHandler<E> {
        final AsyncErrorHandler<? super E> handler;

        AsyncErrorHandlerAdapter(AsyncErrorHandler<? super E> handler) {
            this.handler = handler;
        }

        @Override
        public void handle(Request req, Response resp, E ex, RouteParams params) throws Exception {
            CompletionStage<?> stage = handler.handle(req, resp, ex, params);
            if (stage != null) {
                stage.toCompletableFuture().join();
            }
        }
    }
}
