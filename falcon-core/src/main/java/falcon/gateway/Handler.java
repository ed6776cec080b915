package falcon.gateway;

import falcon.HTTPError;

/**
 * What an adapter calls for each exchange: the App implements it.
 *
 * <p>{@link #handle(Exchange)} runs the user's code (middleware, responders) and so may block; an
 * adapter calls it on a worker thread, never on an I/O thread.
 */
@FunctionalInterface
public interface Handler {

    /**
     * Handles one exchange; ends by calling {@link Exchange#respond(Reply)} exactly once.
     *
     * @param exchange the exchange to handle
     */
    void handle(Exchange exchange);

    /**
     * Renders an error the adapter found before the request could reach the App: a limit (413,
     * 414, 431), broken framing (400), a timeout (408), an unsupported version (505). The App
     * renders it as it renders the same {@link HTTPError} raised by a responder: its error
     * serializer chooses the body by the request's {@code Accept} (JSON, XML, or a custom one).
     *
     * <p>The adapter sends the reply itself, closing the connection where the request's framing
     * is lost; it never calls {@code exchange.respond}. It may call this on an I/O thread: the
     * App's error serializer must not block.
     *
     * @param exchange what the adapter knows of the request: its method, target and headers as
     *     far as they were read (none for a request line too long to read); the body is not read
     * @param error the error
     * @return the reply; by default Falcon's JSON error body ({@link Reply#error(HTTPError)})
     */
    default Reply errorReply(Exchange exchange, HTTPError error) {
        return Reply.error(error);
    }

    /**
     * Runs the App's start-up work (middleware {@code processStartup}); servers call it before
     * they accept connections, and do not start when it throws.
     *
     * <p>Falcon: the ASGI {@code lifespan.startup} event.
     *
     * @throws RuntimeException the failure that prevents the start
     */
    default void startup() {
    }

    /**
     * Tells the App that the server has begun to stop: it keeps serving for its drain delay (so
     * that a load balancer that polls readiness stops sending new requests), then stops accepting
     * connections and lets the requests in flight finish. Called once, before {@link #shutdown()},
     * on the thread that closes the server; it must return at once.
     *
     * <p>{@code falcon.App} answers {@code isDraining()} with {@code true} from then on, which
     * {@code falcon.HealthResource} turns into a 503 readiness answer. A wrapping handler passes
     * it on.
     */
    default void draining() {
    }

    /**
     * Runs the App's shut-down work (middleware {@code processShutdown}); servers call it after
     * they stopped serving.
     *
     * <p>Falcon: the ASGI {@code lifespan.shutdown} event.
     */
    default void shutdown() {
    }
}
