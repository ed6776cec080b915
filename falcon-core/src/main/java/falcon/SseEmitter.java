package falcon;

import java.io.IOException;

/**
 * Sends Server-Sent Events from a blocking producer; see {@link Response#setSse(SseProducer)}.
 *
 * <p>{@link #send} waits while the client is slower than the producer (a small bounded buffer
 * sits between them) and throws {@link IOException} once the client has gone away, so a producer
 * loop ends by itself.
 *
 * <p>Falcon: the async generator assigned to {@code resp.sse}, seen from the inside.
 */
public interface SseEmitter {

    /**
     * Sends one event.
     *
     * @param event the event to send
     * @throws IOException when the client disconnected
     * @throws InterruptedException when the producer thread is interrupted (server shutdown)
     */
    void send(SSEvent event) throws IOException, InterruptedException;

    /**
     * Sends the keep-alive comment {@code ": ping"}. Falcon: yielding {@code None}.
     *
     * @throws IOException when the client disconnected
     * @throws InterruptedException when the producer thread is interrupted (server shutdown)
     */
    default void ping() throws IOException, InterruptedException {
        send(SSEvent.ping());
    }

    /**
     * Returns whether the client has gone away.
     *
     * @return {@code true} once the client has gone away
     */
    boolean isClosed();
}
