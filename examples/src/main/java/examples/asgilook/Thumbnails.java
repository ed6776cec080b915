package examples.asgilook;

import falcon.HTTPNotFound;
import falcon.Request;
import falcon.Response;
import falcon.media.Handlers;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/**
 * Thumbnails made on request: {@code /thumbnails/{imageId:uuid}/{width:int}x{height:int}.jpeg}.
 * Falcon: {@code Thumbnails} of {@code images.py}.
 */
public class Thumbnails {

    private final Store store;

    /** Creates the resource on a store. */
    public Thumbnails(Store store) {
        this.store = store;
    }

    /**
     * Answers the thumbnail, if the image lists it: only those sizes are made, so that a client
     * cannot make the service scale images to any size it asks (secure by default).
     */
    public CompletionStage<Void> onGet(Request req, Response resp, UUID imageId, int width, int height) {
        Image image = store.get(imageId.toString());
        if (image == null) {
            throw new HTTPNotFound();
        }
        if (!image.thumbnails().contains(req.getPath())) {
            throw new HTTPNotFound();
        }

        resp.setContentType(Handlers.MEDIA_JPEG);
        return store.makeThumbnail(image, width, height).thenAccept(resp::setData);
    }
}
