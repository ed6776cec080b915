package falcon.testing;

import falcon.BeforeHook;
import falcon.Request;
import falcon.Response;
import falcon.routing.RouteParams;
import java.io.IOException;
import java.util.LinkedHashMap;

/**
 * A before-hook that remembers a responder's arguments on its resource: the request, the response
 * and the route's fields; with a {@code capture-req-body-bytes: N} header also the first N body
 * bytes, or with a {@code capture-req-media} header the request's media.
 *
 * <p>The resource is a {@link SimpleTestResource} or a subclass: {@code @Before(value =
 * CaptureResponderArgs.class)} on a responder it adds.
 *
 * <p>Falcon: {@code falcon.testing.capture_responder_args}.
 */
public class CaptureResponderArgs implements BeforeHook {

    /** Creates the hook; the App makes one per {@code @Before} at {@code addRoute}. */
    public CaptureResponderArgs() {
    }

    /**
     * Captures the arguments onto {@code resource}.
     *
     * @param req the request
     * @param resp the response
     * @param resource a {@link SimpleTestResource} or a subclass
     * @param params the route's fields, captured as a copy
     * @throws IOException when reading the body fails
     * @throws IllegalStateException when the resource is not a {@link SimpleTestResource}
     */
    @Override
    public void before(Request req, Response resp, Object resource, RouteParams params) throws IOException {
        TestResourceState state = state(resource, "CaptureResponderArgs");
        Object media = null;
        byte[] body = null;
        String numBytes = req.getHeader("capture-req-body-bytes");
        String captureMedia = req.getHeader("capture-req-media");
        if (numBytes != null && !numBytes.isEmpty()) {
            body = req.getStream().readNBytes(Integer.parseInt(numBytes));
        } else if (captureMedia != null && !captureMedia.isEmpty()) {
            media = req.getMedia();
        }
        state.capture(req, resp, new LinkedHashMap<>(params), media, body);
    }

    static TestResourceState state(Object resource, String hook) {
        if (!(resource instanceof TestResourceState)) {
            throw new IllegalStateException(hook + " hooks a responder of a SimpleTestResource or "
                    + "SimpleTestResourceAsync (or a subclass), not of " + resource.getClass().getName());
        }
        return (TestResourceState) resource;
    }
}
