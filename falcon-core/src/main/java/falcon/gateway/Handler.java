package falcon.gateway;

/**
 * What an adapter calls for each exchange: the App implements it.
 *
 * <p>{@link #handle(Exchange)} runs the user's code (middleware, responders) and so may block; an
 * adapter calls it on a worker thread, never on an I/O thread.
 */
@FunctionalInterface
public interface Handler {

    /** Handles one exchange; ends by calling {@link Exchange#respond(Reply)} exactly once. */
    void handle(Exchange exchange);
}
