package falcon;

import falcon.routing.RouteParams;

/**
 * The App's default error handlers, for HTTP responses and WebSocket connections.
 *
 * <p>Falcon: {@code App._python_error_handler}, {@code _http_error_handler}, {@code
 * _http_status_handler} and {@code _ws_disconnected_error_handler} ({@code falcon/asgi/app.py}).
 */
final class DefaultErrorHandler implements ErrorStep {

    private static final System.Logger LOG = System.getLogger("falcon");

    /** Falcon's {@code _FALLBACK_WS_ERROR_CODE}: when the server refuses the configured code. */
    static final int FALLBACK_WS_ERROR_CODE = 3011;

    enum Kind { UNEXPECTED, HTTP_ERROR, HTTP_STATUS, WS_DISCONNECTED }

    private final Pipeline pipeline;
    private final Kind kind;

    DefaultErrorHandler(Pipeline pipeline, Kind kind) {
        this.pipeline = pipeline;
        this.kind = kind;
    }

    /** Returns Falcon's name of this handler, in Java case, for inspection. */
    String falconName() {
        switch (kind) {
            case HTTP_ERROR:
                return "httpErrorHandler";
            case HTTP_STATUS:
                return "httpStatusHandler";
            case WS_DISCONNECTED:
                return "wsDisconnectedErrorHandler";
            default:
                return "pythonErrorHandler";
        }
    }

    @Override
    public Object handle(Request req, Response resp, Throwable ex, RouteParams params) {
        switch (kind) {
            case HTTP_ERROR:
                pipeline.composeError(req, resp, (HTTPError) ex);
                break;
            case HTTP_STATUS:
                Pipeline.composeStatus(resp, (HTTPStatus) ex);
                break;
            default:
                LOG.log(System.Logger.Level.ERROR, req.getMethod() + " " + req.getRelativeUri()
                        + ": unhandled exception", ex);
                pipeline.composeError(req, resp, new HTTPInternalServerError());
                break;
        }
        return null;
    }

    @Override
    public Object handleWs(Request req, WebSocket ws, Throwable ex, RouteParams params) {
        switch (kind) {
            case HTTP_ERROR: {
                int code = 3000 + ((HTTPError) ex).getStatusCode();
                LOG.log(System.Logger.Level.ERROR, "WebSocket handshake rejected due to raised HTTP error: "
                        + ((HTTPError) ex).getStatus() + "; closing with code " + code);
                ws.close(code);
                break;
            }
            case HTTP_STATUS: {
                int code = 3000 + Status.httpStatusToCode(((HTTPStatus) ex).getStatus());
                LOG.log(System.Logger.Level.ERROR, "HTTPStatus " + ((HTTPStatus) ex).getStatus()
                        + " raised while handling WebSocket; closing with code " + code);
                ws.close(code);
                break;
            }
            case WS_DISCONNECTED:
                LOG.log(System.Logger.Level.DEBUG, "WebSocket client disconnected with code "
                        + ((WebSocketDisconnected) ex).getCode());
                cleanupOnError(pipeline, ws);
                break;
            default:
                LOG.log(System.Logger.Level.ERROR, req.getMethod() + " " + req.getRelativeUri()
                        + ": unhandled exception in WebSocket responder", ex);
                cleanupOnError(pipeline, ws);
                break;
        }
        return null;
    }

    /** Closes with the configured error code, or 3011 when that code is refused. */
    static void cleanupOnError(Pipeline pipeline, WebSocket ws) {
        try {
            ws.close(pipeline.wsOptions.errorCloseCode);
        } catch (IllegalArgumentException invalidCode) {
            ws.close(FALLBACK_WS_ERROR_CODE);
        }
    }
}
