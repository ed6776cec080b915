package examples.thingsadvanced;

import falcon.BeforeHook;
import falcon.HTTPPayloadTooLarge;
import falcon.Request;
import falcon.Response;
import falcon.routing.RouteParams;

/**
 * A before-hook refusing bodies longer than its limit: {@code @Before(value = MaxBody.class,
 * args = "65536")}. Falcon: the {@code max_body(limit)} hook factory.
 */
public class MaxBody implements BeforeHook {

    private final long limit;

    /** Creates the hook; {@code args[0]} is the limit in bytes. */
    public MaxBody(String... args) {
        this.limit = Long.parseLong(args[0]);
    }

    @Override
    public void before(Request req, Response resp, Object resource, RouteParams params) {
        Long length = req.getContentLength();
        if (length != null && length > limit) {
            String msg = "The size of the request is too large. The body must not "
                    + "exceed " + limit + " bytes in length.";

            throw new HTTPPayloadTooLarge("Request body is too large", msg);
        }
    }
}
