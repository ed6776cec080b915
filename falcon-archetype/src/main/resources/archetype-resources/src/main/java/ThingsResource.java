package ${package};

import falcon.HTTPNotFound;
import falcon.Request;
import falcon.Response;
import java.util.Map;

/** One thing, by its number: {@code GET /things/{thingId:int}}. */
public class ThingsResource {

    /**
     * Answers the thing as JSON; things above 1000 do not exist.
     *
     * @param req the request
     * @param resp the response
     * @param thingId the {@code thingId} field of the URI, converted by {@code :int}
     */
    public void onGet(Request req, Response resp, int thingId) {
        if (thingId > 1000) {
            throw new HTTPNotFound();
        }
        resp.setMedia(Map.of("id", thingId, "name", "thing " + thingId));
    }
}
