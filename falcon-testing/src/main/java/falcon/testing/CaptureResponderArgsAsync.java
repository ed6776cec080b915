package falcon.testing;

import falcon.AsyncBeforeHook;
import falcon.Request;
import falcon.Response;
import falcon.routing.RouteParams;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The asynchronous {@link CaptureResponderArgs}: it reads the body bytes without blocking a
 * thread ({@code req.readAllAsync()}, keeping the first N). The media is parsed as {@code
 * req.getMedia()} does, in memory.
 *
 * <p>Falcon: {@code falcon.testing.capture_responder_args_async}.
 */
public class CaptureResponderArgsAsync implements AsyncBeforeHook {

    /** Creates the hook; the App makes one per {@code @Before} at {@code addRoute}. */
    public CaptureResponderArgsAsync() {
    }

    /**
     * Captures the arguments onto {@code resource}.
     *
     * @param req the request
     * @param resp the response
     * @param resource a {@link SimpleTestResourceAsync}, a {@link SimpleTestResource} or a subclass
     * @param params the route's fields, captured as a copy
     * @return completes once the arguments are captured
     * @throws IllegalStateException when the resource is not one of the test resources
     */
    @Override
    public CompletionStage<?> beforeAsync(Request req, Response resp, Object resource, RouteParams params) {
        TestResourceState state = CaptureResponderArgs.state(resource, "CaptureResponderArgsAsync");
        LinkedHashMap<String, Object> kwargs = new LinkedHashMap<>(params);
        String numBytes = req.getHeader("capture-req-body-bytes");
        if (numBytes != null && !numBytes.isEmpty()) {
            int n = Integer.parseInt(numBytes);
            return req.readAllAsync().thenAccept(all ->
                    state.capture(req, resp, kwargs, null, Arrays.copyOf(all, Math.min(n, all.length))));
        }
        String captureMedia = req.getHeader("capture-req-media");
        Object media = captureMedia != null && !captureMedia.isEmpty() ? req.getMedia() : null;
        state.capture(req, resp, kwargs, media, null);
        return CompletableFuture.completedFuture(null);
    }
}
