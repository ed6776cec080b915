package examples.asgilook;

import falcon.HTTPNotFound;
import falcon.Request;
import falcon.Response;
import falcon.Status;
import falcon.media.Handlers;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The images: list them, upload one ({@code /images}), download one ({@code
 * /images/{imageId:uuid}.jpeg}, suffix {@code image}). Falcon: {@code Images} of {@code images.py}.
 */
public class Images {

    private final Config config;
    private final Store store;

    /** Creates the resource on a store. */
    public Images(Config config, Store store) {
        this.config = config;
        this.store = store;
    }

    /** Lists the images, oldest first. */
    public CompletionStage<Void> onGet(Request req, Response resp) {
        List<Map<String, Object>> doc = new ArrayList<>();
        for (Image image : store.listImages()) {
            doc.add(image.serialize());
        }
        resp.setMedia(doc);
        return CompletableFuture.completedFuture(null);
    }

    /** Streams the image's JPEG. */
    public CompletionStage<Void> onGetImage(Request req, Response resp, UUID imageId) throws IOException {
        // NOTE: image_id: UUID is converted back to a string identifier.
        Image image = store.get(imageId.toString());
        if (image == null) {
            throw new HTTPNotFound();
        }

        // aiofiles.open: the body is read on the server's workers, chunk by chunk, not here.
        resp.setStream(Files.newInputStream(image.getPath()));
        resp.setContentType(Handlers.MEDIA_JPEG);
        return CompletableFuture.completedFuture(null);
    }

    /** Stores the posted image as JPEG; answers 201, its Location and its description. */
    public CompletionStage<Void> onPost(Request req, Response resp) {
        return req.readAllAsync().thenCompose(data -> {
            String imageId = config.uuidGenerator.get().toString();
            return store.save(imageId, data);
        }).thenAccept(image -> {
            resp.setLocation(image.getUri());
            resp.setMedia(image.serialize());
            resp.setStatus(Status.HTTP_201);
        });
    }
}
