package examples.thingsadvanced;

import falcon.HTTPNotAcceptable;
import falcon.HTTPUnsupportedMediaType;
import falcon.Middleware;
import falcon.Request;
import falcon.Response;

/** Content negotiation: JSON in, JSON out. Falcon: {@code RequireJSON}. */
public class RequireJSON implements Middleware {

    @Override
    public void processRequest(Request req, Response resp) {
        if (!req.clientAcceptsJson()) {
            throw new HTTPNotAcceptable(null, "This API only supports responses encoded as JSON.")
                    .withHref("http://docs.examples.com/api/json");
        }

        if (req.getMethod().equals("POST") || req.getMethod().equals("PUT")) {
            // NOTE: Python raises a TypeError (a 500) when Content-Type is absent; a missing
            // type is as unsupported as a wrong one, so this port answers 415 for both.
            String contentType = req.getContentType();
            if (contentType == null || !contentType.contains("application/json")) {
                throw new HTTPUnsupportedMediaType("This API only supports requests encoded as JSON.", null)
                        .withHref("http://docs.examples.com/api/json");
            }
        }
    }
}
