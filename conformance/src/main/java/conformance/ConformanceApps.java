package conformance;

import falcon.App;
import falcon.CORSMiddleware;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Builds app.py's six apps ("app construction"), in the README's order: {@code app},
 * {@code app_opts}, {@code app_cors}, {@code app_corsmw}, {@code app_mw}, {@code app_mwdep}.
 */
public final class ConformanceApps {

    /** The system property naming the directory the static routes serve. */
    public static final String STATIC_DIR_PROPERTY = "conformance.static.dir";

    /** The apps' names, by port offset. */
    public static final List<String> NAMES = List.of("app", "app_opts", "app_cors", "app_corsmw", "app_mw", "app_mwdep");

    private ConformanceApps() {
    }

    /**
     * Returns {@code conformance/falcon/static} (the files app.py's static routes serve, kept beside
     * the copy of app.py), or the directory named by the {@value #STATIC_DIR_PROPERTY} system
     * property. Found from the working directory: the module's (as in the tests) or the project
     * root's.
     */
    public static Path defaultStaticDir() {
        String configured = System.getProperty(STATIC_DIR_PROPERTY);
        if (configured != null) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        Path dir = Path.of("").toAbsolutePath();
        Path inModule = dir.resolve("falcon/static");
        if (Files.isDirectory(inModule)) {
            return inModule;
        }
        return dir.resolve("conformance/falcon/static");
    }

    /** Builds the six apps, in port order, serving {@code staticDir}. */
    public static List<App> all(Path staticDir) {
        return List.of(app(staticDir), appOpts(staticDir), appCors(), appCorsmw(), appMw(), appMwdep());
    }

    static void addMainRoutes(App app, Path staticDir) {
        // routing
        app.addRoute("/", new Routing.RootResource());
        app.addRoute("/things", new Routing.ThingsCollection());
        app.addRoute("/things/{thing_id}", new Routing.ThingItem());
        app.addRoute("/things/special", new Routing.ThingSpecial());
        app.addRoute("/things/{thing_id}/parts/{part_id}", new Routing.ThingPart());
        app.addRoute("/files/{name}.{ext}", new Routing.FileNameResource());
        app.addRoute("/span/{start}-{end}", new Routing.SpanResource());
        app.addRoute("/wrap/pre{mid}post", new Routing.WrappedFieldResource());
        app.addRoute("/conv/int/{n:int}", new Routing.IntConverterResource());
        app.addRoute("/conv/int3/{n:int(3)}", new Routing.IntConverterResource());
        app.addRoute("/conv/intrange/{n:int(min=1, max=100)}", new Routing.IntConverterResource());
        app.addRoute("/conv/uuid/{id:uuid}", new Routing.UuidConverterResource());
        app.addRoute("/conv/dt/{when:dt}", new Routing.DtConverterResource());
        app.addRoute("/conv/date/{when:dt(\"%Y-%m-%d\")}", new Routing.DtConverterResource());
        Routing.ItemsResource items = new Routing.ItemsResource();
        app.addRoute("/items", items);
        app.addRoute("/items/{item_id}", items, "item");
        app.addRoute("/methods/get-only", new Routing.GetOnlyResource());
        app.addRoute("/methods/all", new Routing.AllMethodsResource());
        app.addSink(new Routing.KindSink(), "/sink/(?<kind>[a-z]+)");
        app.addSink(new Routing.ProxySink(), "/proxy");
        app.addSink(new Routing.StaticShadowSink(), "/static/shadow");
        app.addStaticRoute("/static", staticDir);
        app.addStaticRoute("/spa", staticDir, false, "index.html");
        app.addStaticRoute("/downloads", staticDir, true, null);
        // params
        app.addRoute("/params/echo", new Params.ParamsEcho());
        app.addRoute("/params/required", new Params.ParamRequired());
        app.addRoute("/params/int", new Params.ParamInt());
        app.addRoute("/params/float", new Params.ParamFloat());
        app.addRoute("/params/bool", new Params.ParamBool());
        app.addRoute("/params/uuid", new Params.ParamUuid());
        app.addRoute("/params/list", new Params.ParamList());
        app.addRoute("/params/json", new Params.ParamJson());
        app.addRoute("/params/dates", new Params.ParamDates());
        app.addRoute("/params/date-required", new Params.ParamDateRequired());
        // request headers / properties
        app.addRoute("/req/basic", new RequestProps.ReqBasic());
        app.addRoute("/req/forwarded", new RequestProps.ReqForwarded());
        app.addRoute("/req/conditional", new RequestProps.ReqConditional());
        app.addRoute("/req/range", new RequestProps.ReqRange());
        app.addRoute("/req/headers", new RequestProps.ReqHeaders());
        app.addRoute("/req/required-header", new RequestProps.ReqRequiredHeader());
        app.addRoute("/req/date-header", new RequestProps.ReqDateHeader());
        app.addRoute("/req/accept", new RequestProps.ReqAccept());
        app.addRoute("/req/cookies", new RequestProps.ReqCookies());
        // media
        app.addRoute("/media/echo", new Media.MediaEcho());
        app.addRoute("/media/default", new Media.MediaDefault());
        app.addRoute("/media/twice", new Media.MediaTwice());
        app.addRoute("/media/multipart", new Media.MultipartEcho());
        app.addRoute("/media/multipart-media", new Media.MultipartMedia());
        app.addRoute("/media/raw", new Media.RawBody());
        app.addRoute("/media/out/{kind}", new Media.MediaOut());
        // responses
        app.addRoute("/resp/body/{kind}", new Responses.RespBody());
        app.addRoute("/resp/status/{code:int}", new Responses.RespStatus());
        app.addRoute("/resp/headers", new Responses.RespHeaders());
        app.addRoute("/resp/etag", new Responses.RespEtag());
        app.addRoute("/resp/content-range", new Responses.RespContentRange());
        app.addRoute("/resp/disposition/{kind}", new Responses.RespDisposition());
        app.addRoute("/resp/link", new Responses.RespLink());
        app.addRoute("/resp/conditional", new Responses.RespConditional());
        app.addRoute("/resp/context", new Responses.RespContext());
        app.addRoute("/resp/bad-header", new Responses.RespBadHeader());
        // cookies
        app.addRoute("/cookies/set/{kind}", new Responses.CookieSetter());
        // errors
        app.addRoute("/errors/{kind}", new Errors.ErrorsResource());
        app.addRoute("/errors/params/{slug}", new Errors.ErrorWithParams());
        app.addErrorHandler(Errors.MyAppError.class, Errors.HANDLE_MY_APP_ERROR);
        app.addErrorHandler(Errors.MyHandlerRaisesError.class, Errors.HANDLE_MY_HANDLER_RAISES);
        app.addErrorHandler(Exception.class, Errors.HANDLE_GENERIC_EXCEPTION);
        // redirects
        app.addRoute("/redirect/{kind}", new Errors.RedirectResource());
        // hooks
        Hooks.HookedClassResource hooked = new Hooks.HookedClassResource();
        app.addRoute("/hooks/class", hooked);
        app.addRoute("/hooks/class/{ident}", hooked, "detail");
        app.addRoute("/hooks/args", new Hooks.HookArgsResource());
        app.addRoute("/hooks/deny", new Hooks.HookDenyResource());
        app.addRoute("/hooks/params/{ident}", new Hooks.HookParamsResource());
    }

    /** Main app: all default options. */
    public static App app(Path staticDir) {
        App app = new App();
        addMainRoutes(app, staticDir);
        return app;
    }

    /**
     * Options app: every RequestOptions flag flipped, insecure cookies by default, custom error
     * serializer, static routes checked before sinks.
     */
    public static App appOpts(Path staticDir) {
        App appOpts = App.builder().sinkBeforeStaticRoute(false).build();
        appOpts.getReqOptions().stripUrlPathTrailingSlash = true;
        appOpts.getReqOptions().keepBlankQsValues = false;
        appOpts.getReqOptions().autoParseQsCsv = true;
        appOpts.getReqOptions().autoParseFormUrlencoded = true;
        appOpts.getRespOptions().secureCookiesByDefault = false;
        appOpts.setErrorSerializer(Opts.PLAIN_TEXT_ERROR_SERIALIZER);
        appOpts.addRoute("/opts/params", new Opts.OptsParams());
        appOpts.addRoute("/opts/path", new Opts.OptsPath());
        appOpts.addRoute("/opts/path/{seg}", new Opts.OptsPathSegment());
        appOpts.addRoute("/opts/form-media", new Opts.OptsFormMedia());
        appOpts.addRoute("/opts/cookie", new Opts.OptsCookie());
        appOpts.addRoute("/opts/error", new Opts.OptsError());
        appOpts.addRoute("/", new Opts.OptsPath());
        appOpts.addSink(new Routing.StaticShadowSink(), "/static/shadow");
        appOpts.addStaticRoute("/static", staticDir);
        return appOpts;
    }

    /** CORS app using the built-in switch: allow any origin. */
    public static App appCors() {
        App appCors = App.builder().corsEnable(true).build();
        appCors.addRoute("/cors", new Cors.CorsResource());
        appCors.addRoute("/cors/custom-options", new Cors.CorsCustomOptions());
        appCors.addRoute("/cors/error", new Cors.CorsError());
        return appCors;
    }

    /** CORS app using an explicit CORSMiddleware. */
    public static App appCorsmw() {
        App appCorsmw = App.builder().middleware(
                new CORSMiddleware(
                        List.of("https://a.example", "https://b.example"),
                        List.of("X-Custom", "X-Other"),
                        List.of("https://a.example")))
                .build();
        appCorsmw.addRoute("/cors", new Cors.CorsResource());
        appCorsmw.addRoute("/cors/custom-options", new Cors.CorsCustomOptions());
        appCorsmw.addRoute("/cors/error", new Cors.CorsError());
        return appCorsmw;
    }

    static void addMwRoutes(App app) {
        app.addRoute("/mw/echo", new Middlewares.MwEcho());
        app.addRoute("/mw/items/{item_id}", new Middlewares.MwItem());
        app.addRoute("/mw/rewritten", new Middlewares.MwRewritten());
        app.addRoute("/mw/raises", new Middlewares.MwRaises());
    }

    /** Middleware app: A and B are full components, C has only process_response. */
    public static App appMw() {
        App appMw = App.builder().middleware(new Middlewares.TraceMiddleware("A"),
                new Middlewares.TraceMiddleware("B"), new Middlewares.ResponseOnlyMiddleware()).build();
        addMwRoutes(appMw);
        return appMw;
    }

    /** The same components, independent_middleware=False. */
    public static App appMwdep() {
        App appMwdep = App.builder()
                .middleware(new Middlewares.TraceMiddleware("A"), new Middlewares.TraceMiddleware("B"),
                        new Middlewares.ResponseOnlyMiddleware())
                .independentMiddleware(false)
                .build();
        addMwRoutes(appMwdep);
        return appMwdep;
    }
}
