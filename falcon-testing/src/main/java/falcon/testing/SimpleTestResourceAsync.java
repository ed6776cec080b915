package falcon.testing;

import falcon.Before;
import falcon.Request;
import falcon.Response;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The asynchronous {@link SimpleTestResource}: its responders return a {@link CompletionStage}
 * and its hooks are {@link CaptureResponderArgsAsync} and {@link SetRespDefaultsAsync}.
 *
 * <p>Falcon: {@code falcon.testing.SimpleTestResourceAsync}.
 */
public class SimpleTestResourceAsync extends TestResourceState {

    /** Creates a resource that answers Falcon's defaults (200, no body). */
    public SimpleTestResourceAsync() {
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
    public SimpleTestResourceAsync(String status, String body, Object json, Map<String, String> headers) {
        super(status, body, json, headers);
    }

    /**
     * Captures its arguments and answers the defaults.
     *
     * @param req the request
     * @param resp the response
     * @param kwargs the route's fields
     * @return a completed stage
     */
    @Before(CaptureResponderArgsAsync.class)
    @Before(SetRespDefaultsAsync.class)
    public CompletionStage<Void> onGet(Request req, Response resp, Map<String, Object> kwargs) {
        return CompletableFuture.completedFuture(null);
    }

    /**
     * Captures its arguments and answers the defaults.
     *
     * @param req the request
     * @param resp the response
     * @param kwargs the route's fields
     * @return a completed stage
     */
    @Before(CaptureResponderArgsAsync.class)
    @Before(SetRespDefaultsAsync.class)
    public CompletionStage<Void> onPost(Request req, Response resp, Map<String, Object> kwargs) {
        return CompletableFuture.completedFuture(null);
    }
}
