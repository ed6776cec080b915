package falcon.servlet;

import falcon.gateway.Handler;
import falcon.servlet.internal.ServletExchange;
import falcon.servlet.internal.Workers;
import jakarta.servlet.ServletException;
import jakarta.servlet.UnavailableException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;

/**
 * A servlet that serves a Falcon {@link falcon.App} (any {@link Handler}) in a Servlet 6 container.
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

    private transient Handler app;
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

    /** Returns the App this servlet serves; {@code null} before {@link #init()} for web.xml use. */
    public Handler getApp() {
        return app;
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
        ownedExecutor = Workers.newVirtualOrNull();
        executor = ownedExecutor != null ? ownedExecutor : Workers.shared();
        try {
            app.startup();
        } catch (RuntimeException ex) {
            throw unavailable("the App's start-up failed: " + ex, ex);
        }
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
        new ServletExchange(app, request, response, executor).run();
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
