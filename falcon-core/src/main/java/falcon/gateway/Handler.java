package falcon.gateway;

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
     * Runs the App's shut-down work (middleware {@code processShutdown}); servers call it after
     * they stopped serving.
     *
     * <p>Falcon: the ASGI {@code lifespan.shutdown} event.
     */
    default void shutdown() {
    }
}
