package falcon.opentelemetry;

import falcon.ErrorHandler;
import falcon.HTTPInternalServerError;
import falcon.Request;
import falcon.Response;
import falcon.WebSocket;
import falcon.WebSocketOptions;
import falcon.routing.RouteParams;
import io.opentelemetry.context.Context;

/**
 * The App's handler for {@code Exception} (what no narrower handler takes): records the exception
 * on the span, then does what Falcon's default does, logs it and answers 500 (a WebSocket closes
 * with the App's error close code).
 */
final class RecordingErrorHandler implements ErrorHandler<Exception> {

    private static final System.Logger LOG = System.getLogger("falcon");
    /** Falcon's fallback when the configured close code is refused. */
    private static final int FALLBACK_WS_ERROR_CODE = 3011;

    private final WebSocketOptions wsOptions;

    RecordingErrorHandler(WebSocketOptions wsOptions) {
        this.wsOptions = wsOptions;
    }

    @Override
    public void handle(Request req, Response resp, Exception ex, RouteParams params) {
        record(ex);
        LOG.log(System.Logger.Level.ERROR, req.getMethod() + " " + req.getRelativeUri()
                + ": unhandled exception", ex);
        // the App composes a raised HTTPError as its default handler would have
        throw new HTTPInternalServerError();
    }

    @Override
    public void handleWs(Request req, WebSocket ws, Exception ex, RouteParams params) {
        record(ex);
        LOG.log(System.Logger.Level.ERROR, req.getMethod() + " " + req.getRelativeUri()
                + ": unhandled exception in WebSocket responder", ex);
        try {
            ws.close(wsOptions.errorCloseCode);
        } catch (IllegalArgumentException invalidCode) {
            ws.close(FALLBACK_WS_ERROR_CODE);
        }
    }

    private static void record(Exception ex) {
        TracedExchange traced = Context.current().get(TracedExchange.KEY);
        if (traced != null) {
            traced.exception(ex);
        }
    }
}
