package falcon.server;

/**
 * Where the server runs the App for a request.
 *
 * <p>{@link #WORKER}, the default, runs every request on a worker (a virtual thread on JDK 21+):
 * responders may block. {@link #EVENT_LOOP} runs requests whose body has fully arrived on the
 * Netty event loop that read them, saving two thread hand-offs per request; use it only when no
 * responder, hook or middleware blocks (no blocking I/O, no locks held long, no sleeping), as
 * Jooby's and Vert.x's event-loop handlers must not. Even then, requests that need a thread of
 * their own still go to a worker: bodies still streaming in, WebSocket sessions, streamed and
 * SSE responses, and the continuation of a pending {@code CompletionStage}.
 */
public enum ExecutionMode {

    /** Run the App on a worker thread: blocking code is fine. The default. */
    WORKER,

    /** Run the App on the event loop when the request is complete: non-blocking code only. */
    EVENT_LOOP
}
