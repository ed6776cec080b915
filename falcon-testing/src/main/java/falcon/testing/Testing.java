package falcon.testing;

import falcon.Request;
import falcon.RequestOptions;
import falcon.Response;
import falcon.ResponseOptions;

/**
 * Factories of requests and responses, to unit-test middleware and hooks without an App.
 *
 * <p>Falcon: {@code falcon.testing.create_req} and {@code create_resp}.
 */
public final class Testing {

    private Testing() {
    }

    /**
     * Creates a GET request for {@code path} with default options.
     *
     * @param path the path, possibly with a query string and percent-escapes
     * @return the request
     */
    public static Request createReq(String path) {
        return createReq("GET", path, Simulate.with());
    }

    /**
     * Creates a request as a simulated request would make it.
     *
     * @param method the method, e.g. {@code GET}
     * @param path the path, possibly with a query string and percent-escapes
     * @param options the other parts of the request
     * @return the request
     */
    public static Request createReq(String method, String path, Simulate options) {
        return new Request(new InMemoryExchange(method, path, options), new RequestOptions());
    }

    /**
     * Creates a request with the given request options.
     *
     * @param method the method, e.g. {@code GET}
     * @param path the path, possibly with a query string and percent-escapes
     * @param options the other parts of the request
     * @param reqOptions the options the request is created with
     * @return the request
     */
    public static Request createReq(String method, String path, Simulate options, RequestOptions reqOptions) {
        return new Request(new InMemoryExchange(method, path, options), reqOptions);
    }

    /**
     * Creates a response with default options.
     *
     * @return the response
     */
    public static Response createResp() {
        return new Response(new ResponseOptions());
    }
}
