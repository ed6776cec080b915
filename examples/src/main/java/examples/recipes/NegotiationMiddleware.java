package examples.recipes;

import falcon.Middleware;
import falcon.Request;
import falcon.Response;

/** The response's Content-Type is what the client accepts. Falcon: "Content-Type Negotiation". */
public class NegotiationMiddleware implements Middleware {

    @Override
    public void processRequest(Request req, Response resp) {
        resp.setContentType(req.getAccept());
    }
}
