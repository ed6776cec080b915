package falcon.testing;

import falcon.Before;
import falcon.Request;
import falcon.Response;
import java.util.Map;

/**
 * A resource for testing middleware, hooks and the framework itself: its {@code onGet} and {@code
 * onPost} do nothing but answer the defaults given here and remember their arguments.
 *
 * <pre>{@code
 * SimpleTestResource resource = new SimpleTestResource(null, "hello", null, Map.of("X-Id", "1"));
 * app.addRoute("/items/{id}", resource);
 * client.simulateGet("/items/7");
 * assertThat(resource.getCapturedKwargs()).containsEntry("id", "7");
 * }</pre>
 *
 * <p>Subclasses may add responders and hook them the same way, with {@code @Before(value =
 * CaptureResponderArgs.class)} and {@code @Before(value = SetRespDefaults.class)}.
 *
 * <p>Falcon: {@code falcon.testing.SimpleTestResource(status, body, json, headers)}.
 */
public class SimpleTestResource extends TestResourceState {

    /** Creates a resource that answers Falcon's defaults (200, no body). */
    public SimpleTestResource() {
        super(null, null, null, null);
    }

    /**
     * Creates a resource that answers the given defaults.
     *
     * @param status the status line to answer, e.g. {@code Status.HTTP_201}, or {@code null}
     * @param body the text to answer, or {@code null}
     * @param json a value to answer as JSON text (Python's spacing), or {@code null}
     * @param headers headers to add to every response, or {@code null}
     * @throws IllegalArgumentException when both {@code body} and {@code json} are given
     */
    public SimpleTestResource(String status, String body, Object json, Map<String, String> headers) {
        super(status, body, json, headers);
    }

    /**
     * Captures its arguments and answers the defaults.
     *
     * @param req the request
     * @param resp the response
     * @param kwargs the route's fields
     */
    @Before(CaptureResponderArgs.class)
    @Before(SetRespDefaults.class)
    public void onGet(Request req, Response resp, Map<String, Object> kwargs) {
    }

    /**
     * Captures its arguments and answers the defaults.
     *
     * @param req the request
     * @param resp the response
     * @param kwargs the route's fields
     */
    @Before(CaptureResponderArgs.class)
    @Before(SetRespDefaults.class)
    public void onPost(Request req, Response resp, Map<String, Object> kwargs) {
    }
}
