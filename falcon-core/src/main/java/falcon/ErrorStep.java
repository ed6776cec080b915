package falcon;

import falcon.routing.Responder;
import falcon.routing.RouteParams;
import java.util.concurrent.CompletionStage;

/**
 * An error handler as the engine calls it: blocking and asynchronous handlers alike return
 * {@code null} or a pending stage, so the engine never asks which kind it holds and never blocks
 * on a stage (the same convention as {@link Responder}).
 *
 * <p>Made once, when the handler is registered ({@link #of}, {@link #ofAsync}).
 */
interface ErrorStep {

    /** Handles {@code ex} of an HTTP request; returns {@code null} or a stage to wait for. */
    Object handle(Request req, Response resp, Throwable ex, RouteParams params) throws Exception;

    /** Handles {@code ex} of a WebSocket connection; returns {@code null} or a stage to wait for. */
    Object handleWs(Request req, WebSocket ws, Throwable ex, RouteParams params) throws Exception;

    /** Returns what the user registered, for inspection: the handler, or this step itself. */
    default Object target() {
        return this;
    }

    /** Returns the user's handler as a step. */
    @SuppressWarnings("unchecked")
    static <E extends Throwable> ErrorStep of(ErrorHandler<? super E> handler) {
        ErrorHandler<Throwable> h = (ErrorHandler<Throwable>) handler;
        return new ErrorStep() {
            @Override
            public Object target() {
                return handler;
            }

            @Override
            public Object handle(Request req, Response resp, Throwable ex, RouteParams params) throws Exception {
                h.handle(req, resp, ex, params);
                return null;
            }

            @Override
            public Object handleWs(Request req, WebSocket ws, Throwable ex, RouteParams params) throws Exception {
                h.handleWs(req, ws, ex, params);
                return null;
            }
        };
    }

    /**
     * Returns the user's asynchronous handler as a step. On a WebSocket it is called with a
     * {@code null} response, as Falcon's ASGI app calls error handlers for WebSocket errors.
     */
    @SuppressWarnings("unchecked")
    static <E extends Throwable> ErrorStep ofAsync(AsyncErrorHandler<? super E> handler) {
        AsyncErrorHandler<Throwable> h = (AsyncErrorHandler<Throwable>) handler;
        return new ErrorStep() {
            @Override
            public Object target() {
                return handler;
            }

            @Override
            public CompletionStage<?> handle(Request req, Response resp, Throwable ex, RouteParams params)
                    throws Exception {
                return h.handle(req, resp, ex, params);
            }

            @Override
            public CompletionStage<?> handleWs(Request req, WebSocket ws, Throwable ex, RouteParams params)
                    throws Exception {
                return h.handle(req, null, ex, params);
            }
        };
    }
}
