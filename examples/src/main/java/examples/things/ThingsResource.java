package examples.things;

import falcon.Request;
import falcon.Response;
import falcon.Status;

/**
 * Falcon follows the REST architectural style, meaning (among other things) that you think in
 * terms of resources and state transitions, which map to HTTP verbs.
 *
 * <p>Falcon: {@code ThingsResource} of {@code examples/things.py}.
 */
public class ThingsResource {

    /** The media type of the answer: Falcon's {@code falcon.MEDIA_TEXT}. */
    static final String MEDIA_TEXT = "text/plain; charset=utf-8";

    /** Handles GET requests. */
    public void onGet(Request req, Response resp) {
        resp.setStatus(Status.HTTP_200); // This is the default status
        resp.setContentType(MEDIA_TEXT); // Default is JSON, so override
        resp.setText("\nTwo things awe me most, the starry sky "
                + "above me and the moral law within me.\n"
                + "\n"
                + "    ~ Immanuel Kant\n\n");
    }
}
