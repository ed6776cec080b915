package falcon.testing;

import falcon.AsyncBeforeHook;
import falcon.Request;
import falcon.Response;
import falcon.routing.RouteParams;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The asynchronous {@link SetRespDefaults}, for {@link SimpleTestResourceAsync}.
 *
 * <p>Falcon: {@code falcon.testing.set_resp_defaults_async}.
 */
public class SetRespDefaultsAsync implements AsyncBeforeHook {

    /** Creates the hook; the App makes one per {@code @Before} at {@code addRoute}. */
    public SetRespDefaultsAsync() {
    }

    /**
     * Applies the resource's defaults to {@code resp}.
     *
     * @param req the request
     * @param resp the response
     * @param resource a {@link SimpleTestResourceAsync}, {@link SimpleTestResource} or a subclass
     * @param params the route's fields
     * @return a completed stage
     * @throws IllegalStateException when the resource is not one of the test resources
     */
    @Override
    public CompletionStage<?> beforeAsync(Request req, Response resp, Object resource, RouteParams params) {
        SetRespDefaults.apply(CaptureResponderArgs.state(resource, "SetRespDefaultsAsync"), resp);
        return CompletableFuture.completedFuture(null);
    }
}
