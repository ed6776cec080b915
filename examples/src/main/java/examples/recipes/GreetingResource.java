package examples.recipes;

import falcon.Request;
import falcon.Response;

/** Logs through the request's logger, then greets. */
public class GreetingResource {

    /** Answers a greeting; the log line carries the request's ID. */
    public void onGet(Request req, Response resp) {
        RequestIDMiddleware.RequestLogger log = (RequestIDMiddleware.RequestLogger) req.getContext().get("log");
        log.log(System.Logger.Level.INFO, "greeting");
        resp.setText("Hello");
    }
}
