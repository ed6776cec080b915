package falcon;

import falcon.routing.RouteParams;

/**
 * A hook that runs before a responder; it may change {@code params} or throw to short-circuit.
 *
 * <p>Instances are made once, at {@code addRoute}, from a {@link Before} annotation: a hook class
 * has a constructor taking no arguments, or one taking {@code String...} for {@link Before#args()}.
 *
 * <p>Falcon: the {@code action} of {@code falcon.before(action, *args, **kwargs)}.
 */
@FunctionalInterface
public interface BeforeHook {

    /**
     * Runs before the responder.
     *
     * @param req the request
     * @param resp the response
     * @param resource the resource whose responder is about to run
     * @param params the route's field values; changes reach the responder
     * @throws Exception to stop the request; an {@link HTTPError} becomes the response
     */
    void before(Request req, Response resp, Object resource, RouteParams params) throws Exception;
}
