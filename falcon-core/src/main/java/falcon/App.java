package falcon;

import falcon.gateway.Exchange;
import falcon.gateway.Handler;
import falcon.gateway.Reply;
import falcon.media.BaseHandler;
import falcon.media.Handlers;
import falcon.routing.CompiledRouter;
import falcon.routing.CompiledRouterOptions;
import falcon.routing.MethodMap;
import falcon.routing.Responder;
import falcon.routing.RouteMatch;
import falcon.routing.RouteParams;
import falcon.routing.Router;
import java.io.IOException;
import java.io.InputStream;
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
    // PERF: the handler for a class, found by walking up its superclasses once (Falcon walks the MRO).
    private final ClassValue<ErrorHandler<?>> handlerCache = new ClassValue<>() {
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
    private volatile ClassValue<ErrorHandler<?>> handlers = handlerCache;
    private volatile ErrorSerializer errorSerializer = App::defaultSerializeError;

    private final List<SinkRoute> sinks = new CopyOnWriteArrayList<>();

    /** Creates an App with Falcon's defaults: JSON media, independent middleware, compiled router. */
    public App() {
        this(builder());
    }

    private App(Builder b) {
        this.router = b.router != null ? b.router : new CompiledRouter();
        this.independentMiddleware = b.independentMiddleware;
        this.requestFactory = b.requestFactory != null ? b.requestFactory : Request::new;
        this.responseFactory = b.responseFactory != null ? b.responseFactory : Response::new;
        this.requestContextFactory = b.requestContextFactory;
        this.responseContextFactory = b.responseContextFactory;
        reqOptions.defaultMediaType = b.mediaType;
        respOptions.defaultMediaType = b.mediaType;
        errorHandlers.put(Exception.class, (ErrorHandler<Exception>) this::pythonErrorHandler);
        errorHandlers.put(HTTPError.class, (ErrorHandler<HTTPError>) (req, resp, ex, params) ->
                composeErrorResponse(req, resp, ex));
        errorHandlers.put(HTTPStatus.class, (ErrorHandler<HTTPStatus>) (req, resp, ex, params) ->
                composeStatusResponse(resp, ex));
        for (Middleware m : b.middleware) {
            addMiddleware(m);
        }
    }

    /** Returns a builder for the App's constructor options. */
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
        private final List<Middleware> middleware = new ArrayList<>();
        private BiFunction<Exchange, RequestOptions, ? extends Request> requestFactory;
        private Function<ResponseOptions, ? extends Response> responseFactory;
        private Function<Request, ? extends falcon.util.Context> requestContextFactory;
        private Function<Response, ? extends falcon.util.Context> responseContextFactory;

        private Builder() {
        }

        /** Sets the default media type of requests and responses ({@code application/json}). */
        public Builder mediaType(String mediaType) {
            this.mediaType = mediaType;
            return this;
        }

        /** Sets a custom router instead of the {@link CompiledRouter}. */
        public Builder router(Router router) {
            this.router = router;
            return this;
        }

        /**
         * Sets whether {@code processResponse} runs for every component even when an earlier
         * {@code processRequest} raised (true, the default) or only for components whose
         * {@code processRequest} ran (false).
         */
        public Builder independentMiddleware(boolean independent) {
            this.independentMiddleware = independent;
            return this;
        }

        /** Adds middleware components, in order. */
        public Builder middleware(Middleware... components) {
            this.middleware.addAll(List.of(components));
            return this;
        }

        /** Sets how requests are made, for a custom {@link Request} subclass. Falcon: {@code request_type}. */
        public Builder requestType(BiFunction<Exchange, RequestOptions, ? extends Request> factory) {
            this.requestFactory = factory;
            return this;
        }

        /** Sets how responses are made, for a custom {@link Response} subclass. Falcon: {@code response_type}. */
        public Builder responseType(Function<ResponseOptions, ? extends Response> factory) {
            this.responseFactory = factory;
            return this;
        }

        /** Sets the factory of {@code req.getContext()}. Falcon: {@code Request.context_type}. */
        public Builder requestContextType(Function<Request, ? extends falcon.util.Context> factory) {
            this.requestContextFactory = factory;
            return this;
        }

        /** Sets the factory of {@code resp.getContext()}. Falcon: {@code Response.context_type}. */
        public Builder responseContextType(Function<Response, ? extends falcon.util.Context> factory) {
            this.responseContextFactory = factory;
            return this;
        }

        /** Builds the App. */
        public App build() {
            return new App(this);
        }
    }

    // ------------------------------------------------------------------ configuration

    /** Returns the request options. Falcon: {@code app.req_options}. */
    public RequestOptions getReqOptions() {
        return reqOptions;
    }

    /** Returns the response options. Falcon: {@code app.resp_options}. */
    public ResponseOptions getRespOptions() {
        return respOptions;
    }

    /**
     * Returns the compiled router's options, e.g. to add converters.
     *
     * @throws UnsupportedOperationException when a custom router without options is in use
     */
    public CompiledRouterOptions getRouterOptions() {
        if (router instanceof CompiledRouter) {
            return ((CompiledRouter) router).getOptions();
        }
        throw new UnsupportedOperationException("the custom router " + router.getClass().getName()
                + " has no CompiledRouterOptions");
    }

    /** Returns the router. */
    public Router getRouter() {
        return router;
    }

    /**
     * Routes requests for {@code uriTemplate} to {@code resource}'s responders.
     *
     * @throws falcon.routing.UnacceptableRouteError when the template is invalid or conflicts, or
     *     the resource's responders do not fit it
     */
    public void addRoute(String uriTemplate, Object resource) {
        router.addRoute(uriTemplate, resource, null);
    }

    /**
     * Routes requests for {@code uriTemplate} to the responders with {@code suffix}, e.g. {@code
     * onGetCollection} for {@code "collection"}.
     */
    public void addRoute(String uriTemplate, Object resource, String suffix) {
        router.addRoute(uriTemplate, resource, suffix);
    }

    /**
     * Adds a sink: requests that no route matches and whose path starts with the {@code prefix}
     * pattern go to it, whatever their method. Sinks added later are tried first.
     *
     * <p>Falcon: {@code app.add_sink(sink, prefix)}.
     */
    public void addSink(Sink sink, String prefix) {
        sinks.add(0, new SinkRoute(Pattern.compile(prefix), groupNames(prefix), sink));
    }

    /** Adds a sink for every path. */
    public void addSink(Sink sink) {
        addSink(sink, "/");
    }

    /** Adds middleware components, as if appended to the constructor's list. */
    public synchronized void addMiddleware(Middleware... components) {
        middleware.addAll(List.of(components));
        prepareMiddleware();
    }

    /**
     * Handles exceptions of {@code type} (and its subclasses, unless a more specific handler is
     * registered) with {@code handler}. A later registration for the same type replaces it.
     */
    public <E extends Throwable> void addErrorHandler(Class<E> type, ErrorHandler<? super E> handler) {
        errorHandlers.put(type, handler);
        // A new ClassValue forgets the previous look-ups.
        handlers = new ClassValue<>() {
            @Override
            protected ErrorHandler<?> computeValue(Class<?> t) {
                for (Class<?> c = t; c != null; c = c.getSuperclass()) {
                    ErrorHandler<?> h = errorHandlers.get(c);
                    if (h != null) {
                        return h;
                    }
                }
                return null;
            }
        };
    }

    /** Replaces the serializer of {@link HTTPError} bodies. Falcon: {@code set_error_serializer}. */
    public void setErrorSerializer(ErrorSerializer serializer) {
        this.errorSerializer = serializer;
    }

    private void prepareMiddleware() {
        List<Middleware> req = new ArrayList<>();
        List<Middleware> rsrc = new ArrayList<>();
        List<Middleware> resp = new ArrayList<>();
        boolean[][] pairs = new boolean[middleware.size()][];
        for (int i = 0; i < middleware.size(); i++) {
            Middleware m = middleware.get(i);
            boolean hasReq = overrides(m, "processRequest", Request.class, Response.class);
            boolean hasRsrc = overrides(m, "processResource", Request.class, Response.class, Object.class,
                    RouteParams.class);
            boolean hasResp = overrides(m, "processResponse", Request.class, Response.class, Object.class,
                    boolean.class);
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
        Reply reply;
        try {
            reply = process(req, resp);
        } catch (Throwable ex) {
            // No handler took it (only possible when the user removed the defaults' reach,
            // e.g. an Error): answer as a WSGI server would, never with the trace.
            LOG.log(System.Logger.Level.ERROR, "unhandled error in " + req.getMethod() + " " + req.getPath(), ex);
            reply = internalErrorReply();
        }
        exchange.respond(reply);
    }

    private Reply internalErrorReply() {
        byte[] body = new HTTPInternalServerError().toJson();
        return new Reply(500, "Internal Server Error", List.of("content-type", "application/json",
                "content-length", Integer.toString(body.length)), body, null, null);
    }

    private Reply process(Request req, Response resp) throws Throwable {
        Object resource = null;
        RouteParams params = EMPTY;
        boolean reqSucceeded = false;
        Middleware[] dependentResp = null;
        // NOTE: routing happens inside the first try, as in Falcon: a router may raise HTTPError.
        Responder responder = null;
        Middleware[] reqStack = requestMw;
        try {
            if (independentMiddleware) {
                for (Middleware m : reqStack) {
                    m.processRequest(req, resp);
                    if (resp.isComplete()) {
                        break;
                    }
                }
            } else {
                dependentResp = runDependentRequestMiddleware(req, resp);
            }
            if (!resp.isComplete()) {
                RouteMatch match = router.find(req.getPath(), req);
                if (match != null) {
                    resource = match.resource();
                    params = match.params();
                    req.setUriTemplate(match.uriTemplate());
                    responder = match.methodMap().get(req.getMethod());
                } else {
                    responder = findSink(req);
                    if (responder instanceof SinkResponder) {
                        params = ((SinkResponder) responder).params;
                    }
                }
            }
        } catch (DependentAbort abort) {
            handleException(req, resp, abort.getCause(), params);
            return finish(req, resp, null, false, abort.queued, params);
        } catch (Exception ex) {
            handleException(req, resp, ex, params);
            return finish(req, resp, null, false, dependentResp, params);
        }
        try {
            if (resource != null) {
                for (Middleware m : resourceMw) {
                    m.processResource(req, resp, resource, params);
                    if (resp.isComplete()) {
                        break;
                    }
                }
            }
            if (!resp.isComplete() && responder != null) {
                Object result = responder.respond(req, resp, params);
                if (result instanceof CompletionStage) {
                    awaitStage((CompletionStage<?>) result);
                }
            }
            reqSucceeded = true;
        } catch (Exception ex) {
            handleException(req, resp, ex, params);
        }
        return finish(req, resp, resource, reqSucceeded, dependentResp, params);
    }

    private static final RouteParams EMPTY = new RouteParams();

    private Middleware[] runDependentRequestMiddleware(Request req, Response resp) throws DependentAbort {
        List<Middleware> queued = new ArrayList<>();
        boolean[][] pairs = dependentPairs;
        try {
            for (int i = 0; i < pairs.length; i++) {
                Middleware m = middleware.get(i);
                if (pairs[i][0] && !resp.isComplete()) {
                    m.processRequest(req, resp);
                }
                if (pairs[i][1]) {
                    queued.add(0, m);
                }
            }
        } catch (Exception ex) {
            throw new DependentAbort(queued.toArray(new Middleware[0]), ex);
        }
        return queued.toArray(new Middleware[0]);
    }

    /** Carries the processResponse methods queued before a dependent processRequest raised. */
    private static final class DependentAbort extends Exception {
        private static final long serialVersionUID = 1L;
        final transient Middleware[] queued;

        DependentAbort(Middleware[] queued, Exception cause) {
            super(cause);
            this.queued = queued;
        }
    }

    private static void awaitStage(CompletionStage<?> stage) throws Exception {
        try {
            stage.toCompletableFuture().get();
        } catch (java.util.concurrent.ExecutionException ex) {
            Throwable cause = ex.getCause();
            if (cause instanceof Exception) {
                throw (Exception) cause;
            }
            throw ex;
        }
    }

    private Reply finish(Request req, Response resp, Object resource, boolean reqSucceeded,
            Middleware[] dependentResp, RouteParams params) throws Throwable {
        Middleware[] respStack = independentMiddleware ? responseMw : (dependentResp == null ? new Middleware[0]
                : dependentResp);
        for (Middleware m : respStack) {
            try {
                m.processResponse(req, resp, resource, reqSucceeded);
            } catch (Exception ex) {
                handleException(req, resp, ex, params);
                reqSucceeded = false;
            }
        }

        byte[] body = null;
        InputStream stream = null;
        long length = 0;
        boolean lengthKnown = true;
        try {
            body = resp.renderBody();
            if (body != null) {
                length = body.length;
            } else if (resp.getStream() != null) {
                stream = resp.getStream();
                lengthKnown = false;
            }
        } catch (Exception ex) {
            // NOTE: as in Falcon, the error handler's body is not rendered any more: the reply
            // is empty with Content-Length 0 (falcon/app.py keeps the initial [] and 0).
            handleException(req, resp, ex, params);
            body = null;
            stream = null;
            length = 0;
            lengthKnown = true;
        }

        int code = resp.getStatusCode();
        String defaultMediaType = respOptions.defaultMediaType;
        boolean head = "HEAD".equals(req.getMethod());
        if (head || bodiless(code)) {
            if (code == 204 || code == 304) {
                defaultMediaType = null;
            } else if (lengthKnown && head && !bodiless(code) && resp.getContentLength() == null) {
                resp.setContentLength(length);
            }
            body = null;
            closeQuietly(stream);
            stream = null;
        } else if (lengthKnown) {
            resp.setContentLength(length);
        }

        List<String> lines = resp.headerLines(defaultMediaType);
        String status = resp.getStatus();
        String reason = status.length() > 4 ? status.substring(4) : "";
        List<Runnable> callbacks = resp.getScheduled();
        Runnable after = callbacks.isEmpty() ? null : () -> {
            for (Runnable r : callbacks) {
                try {
                    r.run();
                } catch (RuntimeException ex) {
                    LOG.log(System.Logger.Level.ERROR, "after-response callback failed", ex);
                }
            }
        };
        return new Reply(code, reason, lines, body, stream, after);
    }

    private static void closeQuietly(InputStream stream) {
        if (stream != null) {
            try {
                stream.close();
            } catch (IOException ex) {
                // nothing to do: the body is not sent
            }
        }
    }

    private Responder findSink(Request req) {
        String path = req.getPath();
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
        return PATH_NOT_FOUND;
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

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void handleException(Request req, Response resp, Throwable ex, RouteParams params) throws Throwable {
        ErrorHandler handler = handlers.get(ex.getClass());
        resp.clearBody();
        if (handler == null) {
            throw ex;
        }
        try {
            handler.handle(req, resp, ex, params);
        } catch (HTTPStatus status) {
            composeStatusResponse(resp, status);
        } catch (HTTPError error) {
            composeErrorResponse(req, resp, error);
        }
    }

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
        resp.appendHeader("Vary", "Accept");
    }

    /** Returns the methods that {@link MethodMap} knows. */
    static List<String> combinedMethods() {
        return MethodMap.COMBINED_METHODS;
    }
}
