package examples.look;

import falcon.Before;
import falcon.Request;
import falcon.Response;
import falcon.Status;
import falcon.media.Handlers;
import falcon.media.msgpack.MessagePackHandler;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/** The images: list them, add one. Falcon: {@code Collection} of the tutorial. */
public class Collection {

    private static final MessagePackHandler MSGPACK = new MessagePackHandler();

    private final ImageStore imageStore;

    /** Creates the resource on a store. */
    public Collection(ImageStore imageStore) {
        this.imageStore = imageStore;
    }

    /** Lists the images, in MessagePack. */
    public void onGet(Request req, Response resp) {
        // TODO: Modify this to return a list of href's based on
        // what images are actually available.
        Map<String, Object> doc = Map.of(
                "images", List.of(
                        Map.of("href", "/images/1eaf6ef1-7f2d-4ecc-a8d5-6e8adba7cc0e.png")));

        resp.setData(MSGPACK.serialize(doc, Handlers.MEDIA_MSGPACK));
        resp.setContentType(Handlers.MEDIA_MSGPACK);
        resp.setStatus(Status.HTTP_200);
    }

    /** Stores the posted image and answers 201 with its Location. */
    @Before(ValidateImageType.class)
    public void onPost(Request req, Response resp) throws IOException {
        String name = imageStore.save(req.getStream(), req.getContentType());
        resp.setStatus(Status.HTTP_201);
        resp.setLocation("/images/" + name);
    }
}
