package falcon.inspect;

/**
 * A visitor of info objects: {@link #process} calls the {@code visitXxx} method that fits the
 * object; a subclass overrides those it supports.
 *
 * <p>Falcon: {@code falcon.inspect.InspectVisitor}, whose {@code process} looks up {@code
 * visit_<name>} by name.
 *
 * @param <T> what the visitor returns
 */
public abstract class InspectVisitor<T> {

    /** Creates a visitor. */
    protected InspectVisitor() {
    }

    /**
     * Processes {@code instance} with the {@code visitXxx} method that fits it.
     *
     * @param instance the info object
     * @return what the visit method returned
     * @throws UnsupportedOperationException when this visitor does not support the object's class
     */
    public T process(Traversable instance) {
        return instance.accept(this);
    }

    private T unsupported(Traversable instance) {
        throw new UnsupportedOperationException("This visitor does not support " + instance.getClass());
    }

    /**
     * Visits an {@link AppInfo}.
     *
     * @param app the info
     * @return the result
     * @throws UnsupportedOperationException unless overridden
     */
    public T visitApp(AppInfo app) {
        return unsupported(app);
    }

    /**
     * Visits a {@link RouteInfo}.
     *
     * @param route the info
     * @return the result
     * @throws UnsupportedOperationException unless overridden
     */
    public T visitRoute(RouteInfo route) {
        return unsupported(route);
    }

    /**
     * Visits a {@link RouteMethodInfo}.
     *
     * @param routeMethod the info
     * @return the result
     * @throws UnsupportedOperationException unless overridden
     */
    public T visitRouteMethod(RouteMethodInfo routeMethod) {
        return unsupported(routeMethod);
    }

    /**
     * Visits a {@link StaticRouteInfo}.
     *
     * @param staticRoute the info
     * @return the result
     * @throws UnsupportedOperationException unless overridden
     */
    public T visitStaticRoute(StaticRouteInfo staticRoute) {
        return unsupported(staticRoute);
    }

    /**
     * Visits a {@link SinkInfo}.
     *
     * @param sink the info
     * @return the result
     * @throws UnsupportedOperationException unless overridden
     */
    public T visitSink(SinkInfo sink) {
        return unsupported(sink);
    }

    /**
     * Visits an {@link ErrorHandlerInfo}.
     *
     * @param errorHandler the info
     * @return the result
     * @throws UnsupportedOperationException unless overridden
     */
    public T visitErrorHandler(ErrorHandlerInfo errorHandler) {
        return unsupported(errorHandler);
    }

    /**
     * Visits a {@link MiddlewareInfo}.
     *
     * @param middleware the info
     * @return the result
     * @throws UnsupportedOperationException unless overridden
     */
    public T visitMiddleware(MiddlewareInfo middleware) {
        return unsupported(middleware);
    }

    /**
     * Visits a {@link MiddlewareTreeInfo}.
     *
     * @param tree the info
     * @return the result
     * @throws UnsupportedOperationException unless overridden
     */
    public T visitMiddlewareTree(MiddlewareTreeInfo tree) {
        return unsupported(tree);
    }

    /**
     * Visits a {@link MiddlewareTreeItemInfo}.
     *
     * @param item the info
     * @return the result
     * @throws UnsupportedOperationException unless overridden
     */
    public T visitMiddlewareTreeItem(MiddlewareTreeItemInfo item) {
        return unsupported(item);
    }

    /**
     * Visits a {@link MiddlewareClassInfo}.
     *
     * @param middlewareClass the info
     * @return the result
     * @throws UnsupportedOperationException unless overridden
     */
    public T visitMiddlewareClass(MiddlewareClassInfo middlewareClass) {
        return unsupported(middlewareClass);
    }

    /**
     * Visits a {@link MiddlewareMethodInfo}.
     *
     * @param middlewareMethod the info
     * @return the result
     * @throws UnsupportedOperationException unless overridden
     */
    public T visitMiddlewareMethod(MiddlewareMethodInfo middlewareMethod) {
        return unsupported(middlewareMethod);
    }
}
