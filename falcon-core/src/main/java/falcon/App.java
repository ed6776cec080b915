package falcon;

import falcon.gateway.Exchange;
import falcon.gateway.Handler;
import falcon.gateway.Reply;
import falcon.internal.Engines;
import falcon.media.Handlers;
import falcon.routing.CompiledRouter;
import falcon.routing.CompiledRouterOptions;
import falcon.routing.Router;
import falcon.routing.StaticRoute;
import falcon.util.Context;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

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

    static {
        Engines.setAppAccess(app -> app.pipeline);
    }

    private final Router router;
    private final RequestOptions reqOptions = new RequestOptions();
    private final ResponseOptions respOptions = new ResponseOptions();
    private final boolean independentMiddleware;
    private final BiFunction<Exchange, RequestOptions, ? extends Request> requestFactory;
    private final Function<ResponseOptions, ? extends Response> responseFactory;
    private final Function<Request, ? extends Context> requestContextFactory;
    private final Function<Response, ? extends Context> responseContextFactory;

    private final WebSocketOptions wsOptions = new WebSocketOptions();
    private final boolean sinkBeforeStaticRoute;

    // The configuration, as added; guarded by this. Each change compiles a new Pipeline.
    private final List<Middleware> middleware = new ArrayList<>();
    // In the order added, which inspection shows (Falcon keeps a dict).
    private final Map<Class<?>, ErrorStep> errorHandlers = new LinkedHashMap<>();
    private final List<Pipeline.SinkRoute> sinks = new ArrayList<>();
    private final List<Pipeline.StaticPrefix> staticRoutes = new ArrayList<>();
    private ErrorSerializer errorSerializer = Pipeline::defaultSerializeError;

    // What requests run on: replaced whole, never changed in place.
    private volatile Pipeline pipeline;

    /** Set once when the server begins to stop; read by readiness probes. */
    private volatile boolean draining;

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
        middleware.addAll(components);
        compile();
    }

    /** Builds the engine from the configuration as it stands and swaps it in. */
    private synchronized void compile() {
        pipeline = new Pipeline(new Pipeline.Parts(router, reqOptions, respOptions, wsOptions,
                independentMiddleware, List.copyOf(middleware), List.copyOf(sinks), List.copyOf(staticRoutes),
                sinkBeforeStaticRoute, Collections.unmodifiableMap(new LinkedHashMap<>(errorHandlers)), errorSerializer, requestFactory,
                responseFactory, requestContextFactory, responseContextFactory));
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
        private Function<Request, ? extends Context> requestContextFactory;
        private Function<Response, ? extends Context> responseContextFactory;

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
        public Builder requestContextType(Function<Request, ? extends Context> factory) {
            this.requestContextFactory = factory;
            return this;
        }

        /**
         * Sets the factory of {@code resp.getContext()}. Falcon: {@code Response.context_type}.
         *
         * @param factory makes a response's context from the response, on first use
         * @return this builder
         */
        public Builder responseContextType(Function<Response, ? extends Context> factory) {
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
        addSinkRoute(Pipeline.SinkRoute.of(prefix, sink, false, (req, resp, params) -> {
            sink.handle(req, resp, params);
            return null;
        }, (req, ws, params) -> {
            sink.handleWs(req, ws, params);
            return null;
        }));
    }

    private synchronized void addSinkRoute(Pipeline.SinkRoute route) {
        sinks.add(0, route);
        compile();
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
     * Builder#sinkBeforeStaticRoute} says; see {@link StaticRoute} for the rules.
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
    public void addStaticRoute(String prefix, Path directory, boolean downloadable,
            String fallbackFilename) {
        StaticRoute route = new StaticRoute(prefix, directory, downloadable, fallbackFilename);
        synchronized (this) {
            staticRoutes.add(0, Pipeline.StaticPrefix.of(route));
            compile();
        }
    }

    /**
     * Serves the files of {@code directory} under {@code prefix}; see the full overload.
     *
     * @param prefix the path prefix, starting with {@code /}
     * @param directory the absolute directory to serve
     */
    public void addStaticRoute(String prefix, Path directory) {
        addStaticRoute(prefix, directory, false, null);
    }

    /**
     * Serves the files of {@code directory} (an absolute path) under {@code prefix}.
     *
     * @param prefix the path prefix, starting with {@code /}
     * @param directory the absolute directory to serve
     */
    public void addStaticRoute(String prefix, String directory) {
        addStaticRoute(prefix, Paths.get(directory), false, null);
    }

    /**
     * Adds middleware components, as if appended to the constructor's list.
     *
     * @param components the components to add
     */
    public synchronized void addMiddleware(Middleware... components) {
        middleware.addAll(List.of(components));
        compile();
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
        addErrorStep(type, ErrorStep.of(handler));
    }

    /**
     * Handles exceptions of any of {@code types} with one handler, as Falcon accepts a tuple of
     * exception types. A type may be an interface that exceptions implement (Falcon: a mixin
     * class): an exception's own class is looked up first, then the interfaces it declares, then
     * its superclass and so on.
     *
     * <p>Falcon: {@code app.add_error_handler((TypeA, TypeB), handler)}.
     *
     * @param types exception classes or interfaces
     * @param handler the handler, given the exception as a {@code Throwable}
     * @throws IllegalArgumentException when a type is neither a {@code Throwable} nor an interface
     */
    public synchronized void addErrorHandler(List<? extends Class<?>> types, ErrorHandler<Throwable> handler) {
        ErrorStep step = ErrorStep.of(handler);
        for (Class<?> type : types) {
            if (!Throwable.class.isAssignableFrom(type) && !type.isInterface()) {
                throw new IllegalArgumentException(type.getName() + " is neither an exception nor an interface");
            }
        }
        for (Class<?> type : types) {
            errorHandlers.put(type, step);
        }
        compile();
    }

    private synchronized void addErrorStep(Class<?> type, ErrorStep step) {
        errorHandlers.put(type, step);
        compile();
    }

    /**
     * Replaces the serializer of {@link HTTPError} bodies. Falcon: {@code set_error_serializer}.
     *
     * <p>It also renders the errors an adapter finds before a request reaches the App (limits,
     * framing), which the embedded server does on its I/O thread: it must not block.
     *
     * @param serializer the new serializer
     */
    public synchronized void setErrorSerializer(ErrorSerializer serializer) {
        this.errorSerializer = serializer;
        compile();
    }

    /**
     * Tells what this App would do with a request, without running it: the route (or sink,
     * static route, or 404 and the nearest templates), the converted fields, the responder, its
     * hooks, the middleware in running order and the error handlers; see {@link
     * falcon.inspect.Inspect#explain}.
     *
     * @param method the HTTP method, e.g. {@code GET}
     * @param target the path and optional query string, e.g. {@code /things/42?x=1}
     * @return the explanation, one line per fact
     */
    public String explain(String method, String target) {
        return falcon.inspect.Inspect.explain(this, method, target);
    }

    // ------------------------------------------------------------------ the request path

    /**
     * Handles one exchange: middleware, routing, responder, error handling, then the reply.
     *
     * <p>Falcon: {@code App.__call__}.
     */
    @Override
    public void handle(Exchange exchange) {
        pipeline.handle(exchange);
    }

    /**
     * Renders an error found by the adapter before the request reached the App, with this App's
     * error serializer and response options, as for the same error raised by a responder.
     *
     * @param exchange what the adapter read of the request
     * @param error the error
     * @return the reply to send
     */
    @Override
    public Reply errorReply(Exchange exchange, HTTPError error) {
        return pipeline.errorReply(exchange, error);
    }

    // ------------------------------------------------------------------ errors

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
        Pipeline.defaultSerializeError(req, resp, error);
    }

    // ------------------------------------------------------------------ async, WebSocket, lifespan

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
        addSinkRoute(Pipeline.SinkRoute.of(prefix, sink, true, sink::handle));
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
        addErrorStep(type, ErrorStep.ofAsync(handler));
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
        draining = false; // served again after a close: ready again
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

    /**
     * Marks the App as draining: its server has begun to stop (see {@link Handler#draining()}).
     */
    @Override
    public void draining() {
        draining = true;
    }

    /**
     * Returns whether the App's server has begun to stop; {@link HealthResource}'s readiness
     * answer is 503 from then on.
     *
     * @return whether the server is draining
     */
    public boolean isDraining() {
        return draining;
    }
}
