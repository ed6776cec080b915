package examples.recipes;

import falcon.Middleware;
import falcon.Request;
import falcon.Response;
import java.util.UUID;

/**
 * Gives each request an ID, for its log lines and its {@code X-Request-ID} response header, and a
 * logger that writes the ID into every message. The ID goes in the request's context rather than
 * in a thread-local: a request whose responder returns a pending stage may resume on another
 * worker thread. Falcon: the "Request ID Logging" recipe, its {@code req.context} variant (with a
 * logger carrying the ID, as {@code structlog.get_logger(request_id=...)}).
 */
public class RequestIDMiddleware implements Middleware {

    /** The logger requests log through, as {@code req.getContext().get("log")}. */
    public static final String LOGGER_NAME = "examples.recipes.requests";

    @Override
    public void processRequest(Request req, Response resp) {
        String requestId = UUID.randomUUID().toString();

        req.getContext().put("request_id", requestId);
        req.getContext().put("log", new RequestLogger(System.getLogger(LOGGER_NAME), requestId));
    }

    // It may also be helpful to include the ID in the response
    @Override
    public void processResponse(Request req, Response resp, Object resource, boolean reqSucceeded) {
        resp.setHeader("X-Request-ID", (String) req.getContext().get("request_id"));
    }

    /** A logger that prefixes each message with {@code [request_id]}. */
    public static final class RequestLogger {
        private final System.Logger logger;
        private final String requestId;

        RequestLogger(System.Logger logger, String requestId) {
            this.logger = logger;
            this.requestId = requestId;
        }

        /** Logs {@code message} at {@code level}, after the request's ID. */
        public void log(System.Logger.Level level, String message) {
            logger.log(level, "[" + requestId + "] " + message);
        }
    }
}
