package examples.recipes;

import falcon.Request;
import falcon.Response;
import falcon.uri.Uri;
import java.util.Map;

/** An imaginary web cache, by URL. Falcon: {@code URLResource} of "Decoding Raw URL Path". */
public class URLResource {

    /** Answers the URL. */
    public void onGet(Request req, Response resp, String url) {
        // NOTE: url here is potentially percent-encoded.
        url = Uri.decode(url);

        resp.setMedia(Map.of("url", url));
    }

    /** Answers whether the URL is cached (always). */
    public void onGetStatus(Request req, Response resp, String url) {
        // NOTE: url here is potentially percent-encoded.
        url = Uri.decode(url);

        resp.setMedia(Map.of("cached", true));
    }
}
