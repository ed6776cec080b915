package examples.recipes;

import falcon.Middleware;
import falcon.Request;
import falcon.Response;

/**
 * Routes on the path as the client sent it, percent-escapes and all, so that {@code %2F} inside a
 * field is not a separator: {@code /cache/http%3A%2F%2Ffalconframework.org/status} has two
 * segments after {@code /cache}. Responders then decode their fields themselves. Falcon: "Decoding
 * Raw URL Path" (ASGI's {@code scope['raw_path']} is the exchange's {@code rawPath()} here, on
 * every adapter).
 */
public class RawPathComponent implements Middleware {

    @Override
    public void processRequest(Request req, Response resp) {
        String rawPath = req.getExchange().rawPath();

        if (rawPath != null && !rawPath.isEmpty()) {
            req.setPath(rawPath);
        }
    }
}
