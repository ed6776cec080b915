package falcon;

/**
 * A hook that runs after a responder returned normally, e.g. to post-process the response.
 *
 * <p>Made once at {@code addRoute} from an {@link After} annotation, like {@link BeforeHook}.
 *
 * <p>Falcon: the {@code action} of {@code falcon.after(action, *args, **kwargs)}.
 */
@FunctionalInterface
public interface AfterHook {

    /**
     * Runs after the responder.
     *
     * @param req the request
     * @param resp the response
     * @param resource the resource whose responder ran
     * @throws Exception handled like an exception of the responder
     */
    void after(Request req, Response resp, Object resource) throws Exception;
}
