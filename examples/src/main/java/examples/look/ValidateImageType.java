package examples.look;

import falcon.BeforeHook;
import falcon.HTTPBadRequest;
import falcon.Request;
import falcon.Response;
import falcon.routing.RouteParams;
import java.util.Set;

/** Accepts only GIF, JPEG and PNG uploads. Falcon: the tutorial's {@code validate_image_type} hook. */
public class ValidateImageType implements BeforeHook {

    /** The media types the service accepts. Falcon: {@code ALLOWED_IMAGE_TYPES}. */
    public static final Set<String> ALLOWED_IMAGE_TYPES = Set.of("image/gif", "image/jpeg", "image/png");

    @Override
    public void before(Request req, Response resp, Object resource, RouteParams params) {
        if (!ALLOWED_IMAGE_TYPES.contains(req.getContentType())) {
            String msg = "Image type not allowed. Must be PNG, JPEG, or GIF";
            throw new HTTPBadRequest("Bad request", msg);
        }
    }
}
