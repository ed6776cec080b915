package falcon.testing;

import falcon.BeforeHook;
import falcon.Request;
import falcon.Response;
import falcon.routing.RouteParams;

/**
 * A before-hook that sets the response's status, text and headers to the defaults its {@link
 * SimpleTestResource} was created with (each only when given).
 *
 * <p>Falcon: {@code falcon.testing.set_resp_defaults}.
 */
public class SetRespDefaults implements BeforeHook {

    /** Creates the hook; the App makes one per {@code @Before} at {@code addRoute}. */
    public SetRespDefaults() {
    }

    /**
     * Applies the resource's defaults to {@code resp}.
     *
     * @param req the request
     * @param resp the response
     * @param resource a {@link SimpleTestResource}, {@link SimpleTestResourceAsync} or a subclass
     * @param params the route's fields
     * @throws IllegalStateException when the resource is not one of the test resources
     */
    @Override
    public void before(Request req, Response resp, Object resource, RouteParams params) {
        apply(CaptureResponderArgs.state(resource, "SetRespDefaults"), resp);
    }

    static void apply(TestResourceState state, Response resp) {
        if (state.defaultStatus != null) {
            resp.setStatus(state.defaultStatus);
        }
        if (state.defaultBody != null) {
            resp.setText(state.defaultBody);
        }
        if (state.defaultHeaders != null) {
            resp.setHeaders(state.defaultHeaders);
        }
    }
}
