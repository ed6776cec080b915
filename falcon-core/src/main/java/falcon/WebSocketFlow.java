package falcon;

import falcon.gateway.Exchange;
import falcon.routing.RouteMatch;
import falcon.routing.RouteParams;
import falcon.routing.WebSocketResponder;
import java.util.concurrent.CompletionStage;

/**
 * One WebSocket connection's way through the {@link Pipeline}.
 *
 * <p>As Falcon's {@code falcon/asgi/app.py _handle_websocket}: {@code processRequestWs} of every
 * component, routing, {@code processResourceWs} when a route matched, {@code onWebsocket}, then
 * a close with 1000 if the responder left the connection open. No route raises {@code
 * HTTPRouteNotFound} and a resource without {@code onWebsocket} raises {@code
 * HTTPMethodNotAllowed}; their default handler closes with 3000 + status, which denies an
 * unaccepted handshake with HTTP 403 (so 3404 and 3405 reach the test simulator).
 *
 * <p>Runs on the adapter's worker; an asynchronous {@code onWebsocket} parks it until its stage
 * completes.
 */
final class WebSocketFlow {

    private static final System.Logger LOG = System.getLogger("falcon");

    private final Pipeline pipeline;
    private final Exchange exchange;
    private final Request req;
    private final WebSocket ws;
    private RouteParams params = new RouteParams();

    WebSocketFlow(Pipeline pipeline, Exchange exchange, Request req) {
        this.pipeline = pipeline;
        this.exchange = exchange;
        this.req = req;
        this.ws = new WebSocket(exchange.webSocket(), pipeline.wsOptions);
    }

    void run() {
        try {
            for (Middleware m : pipeline.requestWsMw) {
                m.processRequestWs(req, ws);
            }
            RouteMatch match = pipeline.routeWs(req);
            WebSocketResponder responder;
            Object resource;
            if (match != null) {
                params = match.params();
                req.setUriTemplate(match.uriTemplate());
                responder = match.methodMap().getWebSocket();
                resource = match.resource();
            } else {
                Pipeline.WsSink sink = pipeline.sinkWs(req);
                if (sink == null) {
                    throw new HTTPRouteNotFound();
                }
                params = sink.params();
                responder = sink.step();
                resource = null;
            }
            for (Middleware m : pipeline.resourceWsMw) {
                m.processResourceWs(req, ws, resource, params);
            }
            Object result = responder.respond(req, ws, params);
            if (result instanceof CompletionStage) {
                ((CompletionStage<?>) result).whenCompleteAsync((v, ex) -> {
                    if (ex != null) {
                        handleError(RequestFlow.unwrap(ex));
                    } else {
                        closeNormally();
                    }
                }, exchange.executor());
                return;
            }
            closeNormally();
        } catch (Throwable ex) {
            handleError(ex);
        }
    }

    private void closeNormally() {
        try {
            ws.close();
        } catch (RuntimeException ex) {
            handleError(ex);
        }
    }

    private void handleError(Throwable ex) {
        ErrorStep step = pipeline.errorStepFor(ex);
        if (step == null) {
            // Falcon re-raises and the server closes: we close with the error code ourselves.
            LOG.log(System.Logger.Level.ERROR, "unhandled error in WebSocket " + req.getPath(), ex);
            closeQuietly(() -> DefaultErrorHandler.cleanupOnError(pipeline, ws));
            return;
        }
        Object result;
        try {
            result = step.handleWs(req, ws, ex, params);
        } catch (Throwable raised) {
            afterErrorHandler(raised);
            return;
        }
        if (result instanceof CompletionStage) {
            // An asynchronous handler: the connection closes when it is done, on a worker.
            ((CompletionStage<?>) result).whenCompleteAsync((v, raised) -> afterErrorHandler(raised),
                    exchange.executor());
            return;
        }
        afterErrorHandler(null);
    }

    /** Closes the connection after its error handler, with the code of what the handler raised. */
    private void afterErrorHandler(Throwable raised) {
        closeQuietly(() -> {
            if (raised != null) {
                Throwable cause = RequestFlow.unwrap(raised);
                if (cause instanceof HTTPError) {
                    ws.close(3000 + ((HTTPError) cause).getStatusCode()); // Falcon 3.1.2 (#2146)
                } else if (cause instanceof HTTPStatus) {
                    ws.close(3000 + Status.httpStatusToCode(((HTTPStatus) cause).getStatus()));
                } else {
                    LOG.log(System.Logger.Level.ERROR, "error handler failed for WebSocket " + req.getPath(), cause);
                    DefaultErrorHandler.cleanupOnError(pipeline, ws);
                }
            }
            if (!ws.isClosed()) {
                ws.close();
            }
        });
    }

    private void closeQuietly(Runnable close) {
        try {
            close.run();
        } catch (RuntimeException closeFailed) {
            LOG.log(System.Logger.Level.WARNING, "closing WebSocket " + req.getPath() + " failed", closeFailed);
        }
    }
}
