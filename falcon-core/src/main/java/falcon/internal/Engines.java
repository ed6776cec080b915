package falcon.internal;

import falcon.App;
import falcon.routing.CompiledRouter;
import java.util.List;
import java.util.function.Function;

/**
 * The door from {@code falcon.inspect} into package-private state of {@code falcon} and {@code
 * falcon.routing}: not API.
 *
 * <p>{@link App} and {@link CompiledRouter} hand over their accessors from their static
 * initializers (the JDK's {@code SharedSecrets} habit), which have run once an instance exists.
 */
public final class Engines {

    private static volatile Function<App, EngineView> appAccess;
    private static volatile Function<CompiledRouter, List<EngineView.RouteEntry>> routerAccess;

    private Engines() {
    }

    /**
     * Sets how an App's engine is read; the first call wins.
     *
     * @param access reads the engine an App serves with
     */
    public static synchronized void setAppAccess(Function<App, EngineView> access) {
        if (appAccess == null) {
            appAccess = access;
        }
    }

    /**
     * Sets how a CompiledRouter's routes are read; the first call wins.
     *
     * @param access lists a router's routes in tree order
     */
    public static synchronized void setRouterAccess(Function<CompiledRouter, List<EngineView.RouteEntry>> access) {
        if (routerAccess == null) {
            routerAccess = access;
        }
    }

    /**
     * Returns the engine {@code app} serves requests with now.
     *
     * @param app the app
     * @return its engine
     */
    public static EngineView of(App app) {
        return appAccess.apply(app);
    }

    /**
     * Returns the routes of {@code router}, depth first, siblings in the order added.
     *
     * @param router the router
     * @return its routes
     */
    public static List<EngineView.RouteEntry> routesOf(CompiledRouter router) {
        return routerAccess.apply(router);
    }
}
