package falcon;

import falcon.routing.RouteParams;
import java.util.concurrent.CompletionStage;

/**
 * A middleware component: any of its methods that it overrides runs for every request.
 *
 * <p>Override only what you need: the App finds the overridden methods once, when the component
 * is added, and never calls the others, so they cost nothing per request.
 *
 * <p>With independent middleware (the default), every {@code processRequest} runs first in
 * order, then routing, every {@code processResource} in order, the responder, and every
 * {@code processResponse} in reverse order; {@code processResponse} runs even when a request
 * method raised. Setting {@link Response#setComplete(boolean)} skips the rest of the request and
 * resource methods and the responder, but not {@code processResponse}.
 *
 * <p><b>Asynchronous methods.</b> Each of the three request methods has an {@code ...Async} twin
 * returning a {@code CompletionStage<?>} (Falcon's {@code *_async} suffix): override it instead,
 * and the App continues the request when the stage completes, without blocking a thread. When a
 * component overrides both, the App calls only the {@code Async} one. A {@code null} stage
 * means "done".
 *
 * <p><b>WebSocket and lifespan.</b> {@link #processRequestWs} and {@link #processResourceWs} run
 * for WebSocket connections instead of the HTTP methods; {@link #processStartup} and {@link
 * #processShutdown} run when a server starts and stops (the test client's conductor runs them
 * too).
 *
 * <p>Falcon: a middleware component with {@code process_request}, {@code process_resource} and
 * {@code process_response} (and, in {@code falcon.asgi}, {@code process_request_ws}, {@code
 * process_resource_ws}, {@code process_startup}, {@code process_shutdown}).
 */
public interface Middleware {

    /**
     * Runs before routing; may change {@code req.setPath(...)} to re-route.
     *
     * @param req the request
     * @param resp the response
     * @throws Exception handed to the error handlers
     */
    default void processRequest(Request req, Response resp) throws Exception {
    }

    /**
     * Runs after routing, before the responder; only when a route matched.
     *
     * @param req the request
     * @param resp the response
     * @param resource the matched resource
     * @param params the route's fields; changes reach the responder
     * @throws Exception handed to the error handlers
     */
    default void processResource(Request req, Response resp, Object resource,
            RouteParams params) throws Exception {
    }

    /**
     * Runs after the responder (or the error handler).
     *
     * @param req the request
     * @param resp the response, as the responder or error handler left it
     * @param resource the matched resource, or {@code null} when none matched
     * @param reqSucceeded whether the request was handled without an exception
     * @throws Exception handed to the error handlers
     */
    default void processResponse(Request req, Response resp, Object resource, boolean reqSucceeded)
            throws Exception {
    }

    /**
     * Asynchronous {@link #processRequest}: the App waits for the stage, without blocking.
     *
     * <p>Falcon: {@code process_request_async} (or an {@code async def process_request}).
     *
     * @param req the request
     * @param resp the response
     * @return the stage to wait for, or {@code null}
     * @throws Exception handed to the error handlers; so is a stage that fails
     */
    default CompletionStage<?> processRequestAsync(Request req, Response resp) throws Exception {
        processRequest(req, resp);
        return null;
    }

    /**
     * Asynchronous {@link #processResource}. Falcon: {@code process_resource_async}.
     *
     * @param req the request
     * @param resp the response
     * @param resource the matched resource
     * @param params the route's fields; changes reach the responder
     * @return the stage to wait for, or {@code null}
     * @throws Exception handed to the error handlers; so is a stage that fails
     */
    default CompletionStage<?> processResourceAsync(Request req, Response resp, Object resource,
            RouteParams params) throws Exception {
        processResource(req, resp, resource, params);
        return null;
    }

    /**
     * Asynchronous {@link #processResponse}. Falcon: {@code process_response_async}.
     *
     * @param req the request
     * @param resp the response, as the responder or error handler left it
     * @param resource the matched resource, or {@code null} when none matched
     * @param reqSucceeded whether the request was handled without an exception
     * @return the stage to wait for, or {@code null}
     * @throws Exception handed to the error handlers; so is a stage that fails
     */
    default CompletionStage<?> processResponseAsync(Request req, Response resp, Object resource,
            boolean reqSucceeded) throws Exception {
        processResponse(req, resp, resource, reqSucceeded);
        return null;
    }

    /**
     * Runs before routing a WebSocket connection, in list order.
     *
     * <p>Falcon: {@code process_request_ws(req, ws)}.
     *
     * @param req the handshake request
     * @param ws the WebSocket connection, not yet accepted
     * @throws Exception handed to the error handlers (an {@link HTTPError} denies the handshake)
     */
    default void processRequestWs(Request req, WebSocket ws) throws Exception {
    }

    /**
     * Runs after routing a WebSocket connection, before {@code onWebsocket}; only when a route
     * matched.
     *
     * <p>Falcon: {@code process_resource_ws(req, ws, resource, params)}.
     *
     * @param req the handshake request
     * @param ws the WebSocket connection, not yet accepted
     * @param resource the matched resource
     * @param params the route's fields; changes reach the responder
     * @throws Exception handed to the error handlers
     */
    default void processResourceWs(Request req, WebSocket ws, Object resource, RouteParams params)
            throws Exception {
    }

    /**
     * Runs once when the server starts, before it accepts connections, in list order. Throwing
     * stops the start-up: the server does not start and reports the error.
     *
     * <p>Falcon: {@code process_startup(scope, event)}; a failure is ASGI's {@code
     * lifespan.startup.failed}.
     *
     * @throws Exception the reason the App cannot start
     */
    default void processStartup() throws Exception {
    }

    /**
     * Runs once when the server stops, after it stopped serving, in reverse list order.
     *
     * <p>Falcon: {@code process_shutdown(scope, event)}; a failure is ASGI's {@code
     * lifespan.shutdown.failed}.
     *
     * @throws Exception reported by the server; the remaining components are skipped
     */
    default void processShutdown() throws Exception {
    }
}
