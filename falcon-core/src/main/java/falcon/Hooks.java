package falcon;

import java.util.ArrayList;
import java.util.List;

/**
 * Hooks attached in code rather than by annotation: objects and lambdas wrapped around a
 * resource when it is added, as Falcon applies {@code @falcon.before(action)} to a class.
 *
 * <pre>{@code
 * BeforeHook auth = (req, resp, resource, params) -> {
 *     if (req.getHeader("Authorization") == null) {
 *         throw new HTTPUnauthorized();
 *     }
 * };
 * app.addRoute("/things", Hooks.before(auth, Hooks.after((req, resp, resource) -> resp.setHeader("X-Done", "1"),
 *         new ThingsResource())));
 * }</pre>
 *
 * <p>The hooks wrap every responder of the resource (each {@code onGet}, {@code onPost}, ...;
 * not {@code onRequest} or {@code onWebsocket}, as Falcon's class decorators) outside its
 * {@link Before}/{@link After} annotations: the outermost wrapper's before hook runs first and its
 * after hook last. They are bound once, at {@code addRoute}; the router, the hooks and the
 * middleware see the resource itself, not the wrapper. {@code @Before(value = X.class, args =
 * "...")} stays the way to attach a hook class by annotation.
 *
 * <p>Falcon: {@code falcon.before(action, *args)} / {@code falcon.after(action, *args)} applied as
 * functions, e.g. {@code falcon.before(auth)(Resource)}.
 */
public final class Hooks {

    private Hooks() {
    }

    /**
     * Wraps {@code resource} so that {@code hook} runs before each of its responders.
     *
     * @param hook the hook: an object or a lambda; an {@link AsyncBeforeHook} runs without blocking
     * @param resource the resource, or another wrapper
     * @return the wrapper to pass to {@code addRoute}
     */
    public static Hooked before(BeforeHook hook, Object resource) {
        Hooked inner = resource instanceof Hooked ? (Hooked) resource : new Hooked(resource);
        List<BeforeHook> befores = new ArrayList<>(inner.befores.size() + 1);
        befores.add(hook);
        befores.addAll(inner.befores);
        return new Hooked(inner.resource, befores, inner.afters);
    }

    /**
     * Wraps {@code resource} so that {@code hook} runs after each of its responders.
     *
     * @param hook the hook: an object or a lambda; an {@link AsyncAfterHook} runs without blocking
     * @param resource the resource, or another wrapper
     * @return the wrapper to pass to {@code addRoute}
     */
    public static Hooked after(AfterHook hook, Object resource) {
        Hooked inner = resource instanceof Hooked ? (Hooked) resource : new Hooked(resource);
        List<AfterHook> afters = new ArrayList<>(inner.afters.size() + 1);
        afters.addAll(inner.afters);
        afters.add(hook);
        return new Hooked(inner.resource, inner.befores, afters);
    }

    /**
     * Returns the resource inside {@code resource} when it is a wrapper, else {@code resource}.
     *
     * @param resource a resource or a wrapper
     * @return the resource itself
     */
    public static Object unwrap(Object resource) {
        return resource instanceof Hooked ? ((Hooked) resource).resource : resource;
    }

    /** A resource with hooks attached in code; made by {@link Hooks#before} and {@link Hooks#after}. */
    public static final class Hooked {
        private final Object resource;
        private final List<BeforeHook> befores;
        private final List<AfterHook> afters;

        private Hooked(Object resource) {
            this(resource, List.of(), List.of());
        }

        private Hooked(Object resource, List<BeforeHook> befores, List<AfterHook> afters) {
            if (resource == null) {
                throw new NullPointerException("resource");
            }
            this.resource = resource;
            this.befores = List.copyOf(befores);
            this.afters = List.copyOf(afters);
        }

        /**
         * Returns the wrapped resource.
         *
         * @return the resource itself
         */
        public Object getResource() {
            return resource;
        }

        /**
         * Returns the before hooks, in the order they run.
         *
         * @return the before hooks, outermost first
         */
        public List<BeforeHook> getBefores() {
            return befores;
        }

        /**
         * Returns the after hooks, in the order they run.
         *
         * @return the after hooks, innermost first
         */
        public List<AfterHook> getAfters() {
            return afters;
        }
    }
}
