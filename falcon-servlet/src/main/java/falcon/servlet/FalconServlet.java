package falcon.servlet;

import falcon.App;
import falcon.HTTPPayloadTooLarge;
import falcon.gateway.Handler;
import falcon.servlet.internal.ServletExchange;
import falcon.internal.Workers;
import jakarta.servlet.ServletException;
import jakarta.servlet.UnavailableException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;

/**
 * A servlet that serves a Falcon {@link App} (any {@link Handler}) in a Servlet 6 container.
 *
 * <p>Register it programmatically with {@link #FalconServlet(Handler)}, or in {@code web.xml} with
 * the no-argument constructor and the init-param {@value #APP_INIT_PARAM} naming the App's class.
 * Either way, mark it {@code async-supported} so that asynchronous responders and SSE streams
 * hold no container thread while they wait; without it they still work, holding the thread.
 *
 * <p>The context path, plus the servlet path when it is mapped by prefix ({@code /api/*}), is the
 * App's root path ({@code req.getRootPath()}); routes match the rest of the path. The container's
 * {@code init} and {@code destroy} run the App's lifespan: {@link Handler#startup()} and
 * {@link Handler#shutdown()}.
 *
 * <p>A request body may be at most {@value #DEFAULT_MAX_BODY_BYTES} bytes unless the init-param
 * {@value #MAX_BODY_BYTES_INIT_PARAM} (or {@link #setMaxBodyBytes(long)}) says otherwise: a larger
 * Content-Length is answered 413 without reaching the App, and a chunked body's stream throws
 * {@link HTTPPayloadTooLarge} once the limit is passed.
 *
 * <p>Falcon: what a WSGI server does for a {@code falcon.App}.
 */
public class FalconServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /**
     * The init-param naming the App's class, for the no-argument constructor: either a {@link
     * Handler} (such as an {@code App} subclass) or a {@code Supplier<? extends Handler>}, with a
     * public no-argument constructor.
     */
    public static final String APP_INIT_PARAM = "falcon.app";

    /**
     * The init-param giving the limit on a request body in bytes (a positive number); it overrides
     * {@link #setMaxBodyBytes(long)}.
     */
    public static final String MAX_BODY_BYTES_INIT_PARAM = "falcon.maxBodyBytes";

    /**
     * The default limit on a request body: 16 MiB, the same as the embedded server's {@code
     * falcon.server.ServerOptions.DEFAULT_MAX_BODY_BYTES}.
     */
    public static final long DEFAULT_MAX_BODY_BYTES = 16L * 1024 * 1024;

    private transient Handler app;
    /** The limit on a request body, in bytes. */
    private volatile long maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
    private transient Executor executor;
    private transient ExecutorService ownedExecutor;

    /** Creates a servlet whose App is named by the init-param {@value #APP_INIT_PARAM} (web.xml). */
    public FalconServlet() {
    }

    /**
     * Creates a servlet that serves {@code app}, for programmatic registration.
     *
     * @param app the App (or any gateway handler)
     */
    public FalconServlet(Handler app) {
        if (app == null) {
            throw new IllegalArgumentException("app must not be null");
        }
        this.app = app;
    }

    /**
     * Returns the App this servlet serves; {@code null} before {@link #init()} for web.xml use.
     *
     * @return the App, or {@code null} before {@link #init()} for web.xml use
     */
    public Handler getApp() {
        return app;
    }

    /**
     * Sets the limit on a request body in bytes, for programmatic registration; call it before the
     * container initializes the servlet. The init-param {@value #MAX_BODY_BYTES_INIT_PARAM}, when
     * given, overrides it.
     *
     * @param maxBodyBytes the limit, a positive number of bytes; past it the answer is 413
     * @return this servlet
     */
    public FalconServlet setMaxBodyBytes(long maxBodyBytes) {
        if (maxBodyBytes <= 0) {
            throw new IllegalArgumentException("maxBodyBytes must be positive: " + maxBodyBytes);
        }
        this.maxBodyBytes = maxBodyBytes;
        return this;
    }

    /**
     * Returns the limit on a request body in bytes.
     *
     * @return the limit on a request body, in bytes
     */
    public long getMaxBodyBytes() {
        return maxBodyBytes;
    }

    /**
     * Finds the App when needed, then runs its start-up ({@code processStartup}).
     *
     * @throws UnavailableException when the App cannot be created or its start-up fails; the
     *     container then does not put this servlet in service
     */
    @Override
    public void init() throws ServletException {
        if (app == null) {
            app = createApp(getInitParameter(APP_INIT_PARAM));
        }
        String limit = getInitParameter(MAX_BODY_BYTES_INIT_PARAM);
        if (limit != null && !limit.isBlank()) {
            maxBodyBytes = parseLimit(limit);
        }
        ownedExecutor = Workers.create(Workers.ELASTIC_THREADS, "falcon-servlet-");
        executor = ownedExecutor;
        try {
            app.startup();
        } catch (RuntimeException ex) {
            // The container does not call destroy() for a servlet whose init() failed.
            if (ownedExecutor != null) {
                ownedExecutor.shutdown();
                ownedExecutor = null;
            }
            throw unavailable("the App's start-up failed: " + ex, ex);
        }
    }

    private static long parseLimit(String value) throws UnavailableException {
        long n;
        try {
            n = Long.parseLong(value.trim());
        } catch (NumberFormatException ex) {
            n = 0;
        }
        if (n <= 0) {
            throw new UnavailableException(MAX_BODY_BYTES_INIT_PARAM + " must be a positive number of bytes, not "
                    + value);
        }
        return n;
    }

    private static Handler createApp(String className) throws ServletException {
        if (className == null || className.isBlank()) {
            throw new UnavailableException("FalconServlet needs the init-param " + APP_INIT_PARAM
                    + " naming a falcon.gateway.Handler (e.g. an App subclass) or a Supplier of one");
        }
        Object made;
        try {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            Class<?> type = Class.forName(className.trim(), true,
                    loader != null ? loader : FalconServlet.class.getClassLoader());
            made = type.getConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError | RuntimeException ex) {
            throw unavailable(APP_INIT_PARAM + " " + className + ": cannot create it with a public no-argument"
                    + " constructor: " + ex, ex);
        }
        if (made instanceof Supplier) {
            Object supplied;
            try {
                supplied = ((Supplier<?>) made).get();
            } catch (RuntimeException ex) {
                throw unavailable(APP_INIT_PARAM + " " + className + ".get() failed: " + ex, ex);
            }
            if (supplied instanceof Handler) {
                return (Handler) supplied;
            }
            throw new UnavailableException(APP_INIT_PARAM + " " + className + ".get() returned "
                    + (supplied == null ? "null" : supplied.getClass().getName()) + ", not a falcon.gateway.Handler");
        }
        if (made instanceof Handler) {
            return (Handler) made;
        }
        throw new UnavailableException(APP_INIT_PARAM + " " + className
                + " is neither a falcon.gateway.Handler nor a java.util.function.Supplier of one");
    }

    private static UnavailableException unavailable(String message, Throwable cause) {
        UnavailableException ex = new UnavailableException(message);
        ex.initCause(cause);
        return ex;
    }

    /** Hands the request to the App; every method, including HEAD and OPTIONS, is the App's. */
    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) {
        new ServletExchange(app, request, response, executor, maxBodyBytes).run();
    }

    /** Runs the App's shut-down ({@code processShutdown}) once the container stopped serving. */
    @Override
    public void destroy() {
        try {
            if (app != null) {
                app.shutdown();
            }
        } finally {
            if (ownedExecutor != null) {
                ownedExecutor.shutdown();
            }
        }
    }
}
