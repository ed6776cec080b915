package examples.thingsadvanced;

import falcon.Before;
import falcon.HTTPBadRequest;
import falcon.HTTPServiceUnavailable;
import falcon.Request;
import falcon.Response;
import falcon.Status;
import java.util.List;
import java.util.Map;

/** A user's things: list them, add one. Falcon: {@code ThingsResource} of things_advanced. */
public class ThingsResource {

    private final StorageEngine db;
    private final System.Logger logger;

    /** Creates the resource on a storage engine. */
    public ThingsResource(StorageEngine db) {
        this.db = db;
        this.logger = System.getLogger("thingsapp." + ThingsResource.class.getName());
    }

    /**
     * Lists things after query parameter {@code marker}, at most {@code limit} (default 50).
     *
     * @throws HTTPServiceUnavailable with {@code Retry-After: 30} when the storage fails
     */
    public void onGet(Request req, Response resp, String userId) {
        String marker = req.getParam("marker");
        if (marker == null) {
            marker = "";
        }
        Integer limitParam = req.getParamAsInt("limit");
        // Python's "or 50": an absent limit and a limit of 0 both mean 50.
        int limit = limitParam == null || limitParam == 0 ? 50 : limitParam;

        List<Map<String, Object>> result;
        try {
            result = db.getThings(marker, limit);
        } catch (Exception ex) {
            logger.log(System.Logger.Level.ERROR, ex.toString());

            String description = "Aliens have attacked our base! We will "
                    + "be back as soon as we fight them off. "
                    + "We appreciate your patience.";

            throw new HTTPServiceUnavailable("Service Outage", description, 30);
        }

        // NOTE: Normally you would use resp.setMedia() for this sort of thing;
        // this example serves only to demonstrate how the context can be
        // used to pass arbitrary values between middleware components,
        // hooks, and resources.
        resp.getContext().put("result", result);

        resp.setHeader("Powered-By", "Falcon");
        resp.setStatus(Status.HTTP_200);
    }

    /**
     * Adds the thing in the request body and answers 201 with its Location.
     *
     * @throws HTTPBadRequest when there is no body
     * @throws falcon.HTTPPayloadTooLarge when the body exceeds 64 KiB ({@link MaxBody})
     * @throws StorageError when the storage fails (the app's error handler answers it)
     */
    @Before(value = MaxBody.class, args = "65536") // max_body(64 * 1024)
    public void onPost(Request req, Response resp, String userId) throws StorageError {
        if (!req.getContext().containsKey("doc")) {
            throw new HTTPBadRequest("Missing thing", "A thing must be submitted in the request body.");
        }
        Object doc = req.getContext().get("doc");
        if (!(doc instanceof Map)) {
            // NOTE: Python fails with a TypeError (a 500) on a JSON document that is not an object.
            throw new HTTPBadRequest("Invalid thing", "A thing must be a JSON object.");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> thing = (Map<String, Object>) doc;

        Map<String, Object> properThing = db.addThing(thing);

        resp.setStatus(Status.HTTP_201);
        resp.setLocation(String.format("/%s/things/%s", userId, properThing.get("id")));
    }
}
