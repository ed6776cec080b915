package falcon.testing;

import falcon.Request;
import falcon.Response;
import falcon.media.JSONHandler;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@link SimpleTestResource} and {@link SimpleTestResourceAsync} share: the defaults their
 * {@link SetRespDefaults} hook applies and what their {@link CaptureResponderArgs} hook captured.
 * Falcon's asynchronous resource subclasses the blocking one; in Java the responders' return types
 * differ, so both extend this instead.
 */
abstract class TestResourceState {

    final String defaultStatus;
    final String defaultBody;
    final Map<String, String> defaultHeaders;

    private volatile Request capturedReq;
    private volatile Response capturedResp;
    private volatile Map<String, Object> capturedKwargs;
    private volatile Object capturedReqMedia;
    private volatile byte[] capturedReqBody;

    TestResourceState(String status, String body, Object json, Map<String, String> headers) {
        if (json != null && body != null) {
            throw new IllegalArgumentException("Either json or body may be specified, but not both");
        }
        this.defaultStatus = status;
        // Falcon: json.dumps(json, ensure_ascii=False), Python's spacing included.
        this.defaultBody = json != null ? new JSONHandler().serializeToString(json) : body;
        this.defaultHeaders = headers == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    void capture(Request req, Response resp, Map<String, Object> kwargs, Object media, byte[] body) {
        capturedReqMedia = media;
        capturedReqBody = body;
        capturedKwargs = kwargs;
        capturedResp = resp;
        capturedReq = req;   // last: isCalled() sees the other fields once it is set
    }

    /**
     * Returns whether a responder of this resource ran (its request was captured).
     *
     * <p>Falcon: {@code called}.
     *
     * @return {@code true} once a request was captured
     */
    public boolean isCalled() {
        return capturedReq != null;
    }

    /**
     * Returns the last request passed to a hooked responder.
     *
     * <p>Falcon: {@code captured_req}.
     *
     * @return the request, or {@code null} before the first call
     */
    public Request getCapturedReq() {
        return capturedReq;
    }

    /**
     * Returns the last response passed to a hooked responder.
     *
     * <p>Falcon: {@code captured_resp}.
     *
     * @return the response, or {@code null} before the first call
     */
    public Response getCapturedResp() {
        return capturedResp;
    }

    /**
     * Returns the last route field values passed to a hooked responder.
     *
     * <p>Falcon: {@code captured_kwargs}.
     *
     * @return the fields by name, or {@code null} before the first call
     */
    public Map<String, Object> getCapturedKwargs() {
        return capturedKwargs;
    }

    /**
     * Returns the request's media, read by the hook when the request had a {@code capture-req-media}
     * header.
     *
     * <p>Falcon: {@code captured_req_media}.
     *
     * @return the deserialized body, or {@code null} when it was not captured
     */
    public Object getCapturedReqMedia() {
        return capturedReqMedia;
    }

    /**
     * Returns the first body bytes, read by the hook when the request had a {@code
     * capture-req-body-bytes} header giving their number.
     *
     * <p>Falcon: {@code captured_req_body}.
     *
     * @return the bytes read, or {@code null} when they were not captured
     */
    public byte[] getCapturedReqBody() {
        return capturedReqBody;
    }
}
