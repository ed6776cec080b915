package examples.look;

import falcon.HTTPNotFound;
import falcon.Request;
import falcon.Response;
import java.io.IOException;
import java.net.URLConnection;

/** One stored image. Falcon: {@code Item} of the tutorial. */
public class Item {

    private final ImageStore imageStore;

    /** Creates the resource on a store. */
    public Item(ImageStore imageStore) {
        this.imageStore = imageStore;
    }

    /** Streams the image named {@code name}, or answers 404. */
    public void onGet(Request req, Response resp, String name) {
        // Python's mimetypes.guess_type(name)[0]
        resp.setContentType(URLConnection.guessContentTypeFromName(name));

        try {
            ImageStore.OpenedImage image = imageStore.open(name);
            resp.setStream(image.stream(), image.contentLength());
        } catch (IOException ex) {
            // Normally you would also log the error.
            throw new HTTPNotFound();
        }
    }
}
