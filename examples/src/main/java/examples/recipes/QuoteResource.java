package examples.recipes;

import falcon.Request;
import falcon.Response;
import java.util.LinkedHashMap;
import java.util.Map;

/** The front page's quote. Falcon: {@code QuoteResource} of the manual's first page. */
public class QuoteResource {

    /** Answers the quote as media. */
    public void onGet(Request req, Response resp) {
        Map<String, Object> quote = new LinkedHashMap<>();
        quote.put("quote", "I've always been more interested in the future than in the past.");
        quote.put("author", "Grace Hopper");
        resp.setMedia(quote);
    }
}
