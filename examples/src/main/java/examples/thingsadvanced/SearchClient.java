package examples.thingsadvanced;

import java.util.Map;

/**
 * The outbound HTTP call of {@link SinkAdapter}; Python's example uses {@code requests.get}.
 *
 * <p>The example ships with {@link #STUB}, which answers locally, so that running or testing it
 * never touches the network. Plug in a real client (e.g. {@code java.net.http.HttpClient}) to
 * proxy for real.
 */
@FunctionalInterface
public interface SearchClient {

    /** What came back from the other service. */
    record Result(int statusCode, String contentType, String text) {
    }

    /** Performs {@code GET url?params}. */
    Result get(String url, Map<String, String> params) throws Exception;

    /**
     * A local stand-in for the search engines: 200 with a small HTML page naming the query.
     * NOTE: not a network call, unlike the Python original (see the class comment).
     */
    SearchClient STUB = (url, params) -> new Result(200, "text/html; charset=utf-8",
            "<!doctype html><title>Results</title><p>Results from " + url + " for "
                    + escape(params.get("q")) + "</p>\n");

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
