package falcon;

import falcon.gateway.Exchange;
import falcon.gateway.Reply;
import falcon.gateway.ReplyBody;
import falcon.internal.Publishers;
import falcon.routing.Responder;
import falcon.routing.RouteParams;
import falcon.routing.StaticRoute;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.function.BiConsumer;

/**
 * One HTTP request's way through the {@link Pipeline}, as a small state machine.
 *
 * <p>Each step (a middleware method, routing, the responder, an error handler, rendering) may
 * return a {@code CompletionStage}. A stage that is already done, or {@code null}, lets the loop
 * go on at once on the same thread: blocking apps pay for this object and nothing else. A stage
 * still pending parks the flow: it resumes on the exchange's executor when the stage completes,
 * so no thread waits for it.
 *
 * <p>The order of steps and the error rules are Falcon's ({@code falcon/asgi/app.py
 * __call__}): request middleware, routing, resource middleware, responder, response middleware
 * (in reverse order, each error handled and the rest still run), then the body.
 *
 * <p>Not thread-safe, and needs not be: one step runs at a time, and the hand-off between a
 * completing stage and the executor orders each step's writes before the next step's reads.
 */
final class RequestFlow implements BiConsumer<Object, Throwable> {

    private static final System.Logger LOG = System.getLogger("falcon");

    private static final int REQ_MW = 0;
    private static final int REQ_MW_DEP = 1;
    private static final int REQ_MW_DEP_AFTER = 2;
    private static final int ROUTE = 3;
    private static final int RSRC_MW = 4;
    private static final int RESPOND = 5;
    private static final int RESPONDED = 6;
    private static final int RESP_MW = 7;
    private static final int RENDER = 8;
    private static final int RENDER_EMPTY = 9;
    private static final int HANDLE_ERROR = 10;

    private static final Object DONE = new Object();

    private final Pipeline pipeline;
    private final Exchange exchange;
    private final Request req;
    private final Response resp;
    private final Middleware[] reqStack;
    private final Middleware[] rsrcStack;
    private final Middleware[] respStack;
    private final boolean independent;

    private int state;
    private int index;
    // what Pipeline.route found
    private Object resource;
    private RouteParams params = Pipeline.NO_PARAMS;
    private Responder responder;
    private boolean reqSucceeded;
    /** Dependent middleware: the processResponse methods queued so far, in the order they run. */
    private ArrayDeque<Middleware> queued;
    private Throwable pendingError;
    private int resumeState;
    private int parkedPhase;

    RequestFlow(Pipeline pipeline, Exchange exchange, Request req, Response resp) {
        this.pipeline = pipeline;
        this.exchange = exchange;
        this.req = req;
        this.resp = resp;
        this.independent = pipeline.independentMiddleware;
        this.reqStack = pipeline.requestMw;
        this.rsrcStack = pipeline.resourceMw;
        this.respStack = pipeline.responseMw;
        this.state = independent ? REQ_MW : REQ_MW_DEP;
    }

    /** Runs steps until the reply is sent or a pending stage parks the flow. */
    void run() {
        while (true) {
            int phase = state;
            Object r;
            try {
                r = step();
            } catch (Throwable ex) {
                if (!onError(phase, ex)) {
                    return;
                }
                continue;
            }
            if (r == DONE) {
                return;
            }
            if (r instanceof CompletionStage) {
                CompletionStage<?> stage = (CompletionStage<?>) r;
                if (stage instanceof CompletableFuture && ((CompletableFuture<?>) stage).isDone()) {
                    Throwable failure = failureOf((CompletableFuture<?>) stage);
                    if (failure != null && !onError(phase, failure)) {
                        return;
                    }
                    continue;
                }
                parkedPhase = phase;
                stage.whenCompleteAsync(this, exchange.executor());
                return;
            }
        }
    }

    /**
     * WEBSOCKET names the WebSocket flow inside Falcon; as an HTTP request's method it is a plain
     * 400, raised before request middleware and routing so that error handlers see it (Falcon:
     * {@code if req.method in self._META_METHODS: raise HTTPBadRequest()} in {@code App.__call__}).
     */
    private void refuseMetaMethod() {
        if ("WEBSOCKET".equals(req.getMethod())) {
            throw new HTTPBadRequest();
        }
    }

    /** Resumes after a parked stage completed. */
    @Override
    public void accept(Object value, Throwable failure) {
        if (failure != null && !onError(parkedPhase, unwrap(failure))) {
            return;
        }
        run();
    }

    private Object step() throws Throwable {
        switch (state) {
            case REQ_MW:
                if (index == 0) {
                    refuseMetaMethod();
                }
                if (index >= reqStack.length || (index > 0 && resp.isComplete())) {
                    state = ROUTE;
                    return null;
                }
                return reqStack[index++].processRequestAsync(req, resp);
            case REQ_MW_DEP: {
                if (index == 0) {
                    refuseMetaMethod();
                }
                boolean[][] pairs = pipeline.dependentPairs;
                if (index >= pairs.length) {
                    state = ROUTE;
                    return null;
                }
                state = REQ_MW_DEP_AFTER;
                if (pairs[index][0] && !resp.isComplete()) {
                    return pipeline.middleware[index].processRequestAsync(req, resp);
                }
                return null;
            }
            case REQ_MW_DEP_AFTER: {
                if (pipeline.dependentPairs[index][1]) {
                    if (queued == null) {
                        queued = new ArrayDeque<>();
                    }
                    queued.addFirst(pipeline.middleware[index]);
                }
                index++;
                state = REQ_MW_DEP;
                return null;
            }
            case ROUTE:
                // NOTE: routing is part of the request phase, as in Falcon: a router may raise.
                if (!resp.isComplete()) {
                    Pipeline.Routed routed = pipeline.route(req);
                    resource = routed.resource();
                    params = routed.params();
                    responder = routed.responder();
                }
                state = RSRC_MW;
                index = 0;
                return null;
            case RSRC_MW:
                if (resource == null || index >= rsrcStack.length || (index > 0 && resp.isComplete())) {
                    state = RESPOND;
                    return null;
                }
                return rsrcStack[index++].processResourceAsync(req, resp, resource, params);
            case RESPOND:
                state = RESPONDED;
                if (!resp.isComplete() && responder != null) {
                    return responder.respond(req, resp, params);
                }
                return null;
            case RESPONDED:
                reqSucceeded = true;
                state = RESP_MW;
                index = 0;
                return null;
            case RESP_MW: {
                Middleware next;
                if (independent) {
                    next = index < respStack.length ? respStack[index++] : null;
                } else {
                    // PERF: taken off the queue (no array copy per step); a failed component is
                    // already off it, so resuming here after its error continues with the next
                    next = queued == null ? null : queued.pollFirst();
                }
                if (next == null) {
                    state = RENDER;
                    return null;
                }
                return next.processResponseAsync(req, resp, resource, reqSucceeded);
            }
            case RENDER:
                exchange.respond(render(false));
                return DONE;
            case RENDER_EMPTY:
                exchange.respond(render(true));
                return DONE;
            case HANDLE_ERROR: {
                Throwable ex = pendingError;
                pendingError = null;
                state = resumeState;
                return pipeline.callErrorHandler(req, resp, ex, params);
            }
            default:
                throw new IllegalStateException("state " + state);
        }
    }

    /**
     * Routes an error of step {@code phase} to the error handlers; returns false when the flow
     * ended (no handler took it, and the 500 reply is sent).
     */
    private boolean onError(int phase, Throwable ex) {
        switch (phase) {
            case REQ_MW:
            case REQ_MW_DEP:
            case ROUTE:
                resource = null;
                reqSucceeded = false;
                resumeState = RESP_MW;
                index = 0;
                break;
            case REQ_MW_DEP_AFTER:
            case RSRC_MW:
            case RESPOND:
            case RESPONDED:
                reqSucceeded = false;
                resumeState = RESP_MW;
                index = 0;
                break;
            case RESP_MW:
                reqSucceeded = false;
                resumeState = RESP_MW; // index already points past the failed component
                break;
            case RENDER:
                // NOTE: as in Falcon, the error handler's body is not rendered any more: the reply
                // is empty with Content-Length 0 (falcon/app.py keeps the initial [] and 0).
                resumeState = RENDER_EMPTY;
                break;
            case HANDLE_ERROR:
                if (ex instanceof HTTPStatus) {
                    Pipeline.composeStatus(resp, (HTTPStatus) ex);
                    return true;
                }
                if (ex instanceof HTTPError) {
                    pipeline.composeError(req, resp, (HTTPError) ex);
                    return true;
                }
                fail(ex);
                return false;
            default:
                fail(ex);
                return false;
        }
        if (pipeline.errorStepFor(ex) == null) {
            fail(ex);
            return false;
        }
        pendingError = ex;
        state = HANDLE_ERROR;
        return true;
    }

    /** No handler took {@code ex}: answer 500 without the trace; scheduled callbacks do not run. */
    private void fail(Throwable ex) {
        LOG.log(System.Logger.Level.ERROR, "unhandled error in " + req.getMethod() + " " + req.getPath(), ex);
        exchange.respond(Pipeline.internalErrorReply());
    }

    /** Renders the response as it stands: for an error found before the App ran. */
    Reply renderNow() throws Exception {
        return render(false);
    }

    private Reply render(boolean empty) throws Exception {
        byte[] bytes = null;
        InputStream stream = null;
        Flow.Publisher<ByteBuffer> publisher = null;
        long length = 0;
        boolean lengthKnown = true;
        String defaultMediaType = pipeline.respOptions.defaultMediaType;
        boolean sse = false;
        if (!empty) {
            if (resp.hasSse()) {
                sse = true;
                lengthKnown = false;
                defaultMediaType = "text/event-stream";
            } else {
                bytes = resp.renderBody();
                if (bytes != null) {
                    length = bytes.length;
                } else if (resp.getStream() != null) {
                    stream = resp.getStream();
                    lengthKnown = false;
                } else if (resp.getStreamPublisher() != null) {
                    publisher = resp.getStreamPublisher();
                    lengthKnown = resp.getContentLength() != null;
                }
            }
        }

        int code = resp.getStatusCode();
        boolean head = "HEAD".equals(req.getMethod());
        if (head || Pipeline.bodiless(code)) {
            if (code == 204 || code == 304) {
                defaultMediaType = null;
            } else if (lengthKnown && head && !Pipeline.bodiless(code) && resp.getContentLength() == null) {
                resp.setContentLength(length);
            }
            bytes = null;
            closeQuietly(stream);
            stream = null;
            publisher = null;
            sse = false;
        } else if (lengthKnown && publisher == null) {
            resp.setContentLength(length);
        }

        List<String> lines = resp.headerLines(defaultMediaType);
        String status = resp.getStatus();
        String reason = Status.reasonOf(status);
        List<Runnable> callbacks = resp.getScheduled();
        Runnable after = callbacks.isEmpty() ? null : () -> runCallbacks(callbacks);
        if (sse) {
            // Falcon schedules the callbacks when the SSE head is sent, before the first event.
            Flow.Publisher<ByteBuffer> events = resp.ssePublisher(exchange.executor(), pipeline.sseJsonHandler());
            Flow.Publisher<ByteBuffer> body = after == null ? events : Publishers.onSubscribe(events, after);
            return new Reply(code, reason, lines, new ReplyBody.Publisher(body), null);
        }
        ReplyBody body = null;
        if (publisher != null) {
            body = new ReplyBody.Publisher(publisher);
        } else if (stream instanceof StaticRoute.FileBody
                && fitsDeclaredLength((StaticRoute.FileBody) stream, resp.getContentLength())) {
            // A static file: the adapter may send it without copying it through the JVM.
            body = ((StaticRoute.FileBody) stream).region();
        } else if (stream != null) {
            body = new ReplyBody.Stream(stream);
        } else if (bytes != null && bytes.length > 0) {
            body = new ReplyBody.Bytes(bytes);
        }
        return new Reply(code, reason, lines, body, after);
    }

    /** Whether a file region can go out as declared: an app that set its own length keeps its stream. */
    private static boolean fitsDeclaredLength(StaticRoute.FileBody file, String declared) {
        // NOTE: without a declared length the body is framed by the adapter (chunked); a file
        // handed to a container by name would go out raw inside that framing
        return declared != null && declared.equals(Long.toString(file.remaining()));
    }

    static void runCallbacks(List<Runnable> callbacks) {
        for (Runnable r : callbacks) {
            try {
                r.run();
            } catch (RuntimeException ex) {
                LOG.log(System.Logger.Level.ERROR, "after-response callback failed", ex);
            }
        }
    }

    private static void closeQuietly(InputStream stream) {
        if (stream != null) {
            try {
                stream.close();
            } catch (IOException ex) {
                // nothing to do: the body is not sent
            }
        }
    }

    private static Throwable failureOf(CompletableFuture<?> done) {
        if (!done.isCompletedExceptionally()) {
            return null;
        }
        try {
            done.getNow(null);
            return null;
        } catch (CompletionException | CancellationException ex) {
            return unwrap(ex);
        }
    }

    static Throwable unwrap(Throwable ex) {
        while ((ex instanceof CompletionException || ex instanceof ExecutionException) && ex.getCause() != null) {
            ex = ex.getCause();
        }
        return ex;
    }
}
