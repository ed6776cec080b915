package examples.thingsadvanced;

import falcon.Request;
import falcon.Response;
import falcon.Sink;
import falcon.routing.RouteParams;
import java.util.Map;

/**
 * Proxies {@code /search/{engine}} to a search engine: a sink, as for an API's part that still
 * lives on a legacy system. Falcon: {@code SinkAdapter}.
 *
 * <p>The outbound call goes through a {@link SearchClient}; {@link Main} installs the local
 * {@link SearchClient#STUB}, so this example never touches the network.
 */
public class SinkAdapter implements Sink {

    static final Map<String, String> ENGINES = Map.of(
            "ddg", "https://duckduckgo.com",
            "y", "https://search.yahoo.com/search");

    private final SearchClient client;

    /** Creates the sink with the local stub client. */
    public SinkAdapter() {
        this(SearchClient.STUB);
    }

    /** Creates the sink with {@code client} for the outbound call. */
    public SinkAdapter(SearchClient client) {
        this.client = client;
    }

    @Override
    public void handle(Request req, Response resp, RouteParams params) throws Exception {
        String url = ENGINES.get((String) params.get("engine"));
        Map<String, String> query = Map.of("q", req.getParam("q", true));
        SearchClient.Result result = client.get(url, query);

        resp.setStatus(result.statusCode());
        resp.setContentType(result.contentType());
        resp.setText(result.text());
    }
}
