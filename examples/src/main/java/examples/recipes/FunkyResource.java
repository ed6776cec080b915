package examples.recipes;

import falcon.Request;
import falcon.Response;
import java.util.Map;

/** The resource of the header-capitalisation recipe. */
public class FunkyResource {

    /** Answers a custom header and a JSON message. */
    public void onGet(Request req, Response resp) {
        resp.setHeader("X-Funky-Header", "test");
        resp.setMedia(Map.of("message", "Hello"));
    }
}
