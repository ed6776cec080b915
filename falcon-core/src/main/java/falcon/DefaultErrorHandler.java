package falcon;

import falcon.routing.RouteParams;

/**
 * The App's default error handlers, for HTTP responses and WebSocket connections.
 *
 * <p>Falcon: {@code App._python_error_handler}, {@code _http_error_handler}, {@code
 * _http_status_handler} and {@code _ws_disconnected_error_handler} ({@code falcon/asgi/app.py}).
 */
final class DefaultErrorHandler implements ErrorHandler<Throwable> {

    private static final System.Logger LOG = System.getLogger("falcon");

    /** Falcon's {@code _FALLBACK_WS_ERROR_CODE}: when the server refuses the configured code. */
    static final int FALLBACK_WS_ERROR_CODE = 3011;

    enum Kind { UNEXPECTED, HTTP_ERROR, HTTP_STATUS, WS_DISCONNECTED }

    private final App app;
    private final Kind kind;

    DefaultErrorHandler(App app, Kind kind) {
        this.app = app;
        this.kind = kind;
    }

    @Override
    public void handle(Request req, Response resp, Throwable ex, RouteParams params) {
        switch (kind) {
            case HTTP_ERROR:
                app.composeError(req, resp, (HTTPError) ex);
                break;
            case HTTP_STATUS:
                app.composeStatus(resp, (HTTPStatus) ex);
                break;
            default:
                app.pythonError(req, resp, ex instanceof Exception ? (Exception) ex : new RuntimeException(ex));
                break;
        }
    }

    @Override
    public void handleWs(Request req, WebSocket ws, Throwable ex, RouteParams params) {
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
                cleanupOnError(app, ws);
                break;
            default:
                LOG.log(System.Logger.Level.ERROR, req.getMethod() + " " + req.getRelativeUri()
                        + ": unhandled exception in WebSocket responder", ex);
                cleanupOnError(app, ws);
                break;
        }
    }

    /** Closes with the configured error code, or 3011 when that code is refused. */
    static void cleanupOnError(App app, WebSocket ws) {
        try {
            ws.close(app.getWsOptions().errorCloseCode);
        } catch (IllegalArgumentException invalidCode) {
            ws.close(FALLBACK_WS_ERROR_CODE);
        }
    }
}
