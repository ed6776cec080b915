package falcon;

/**
 * Produces the events of a Server-Sent Events response, blocking as it likes.
 *
 * <p>It runs on a worker after the response head is sent; the stream ends when it returns, and
 * fails (the connection is closed) when it throws.
 *
 * <p>Falcon: an async generator of {@code SSEvent} assigned to {@code resp.sse}.
 */
@FunctionalInterface
public interface SseProducer {

    /**
     * Sends events through {@code emitter} until done.
     *
     * @param emitter the emitter that sends the events to the client
     * @throws Exception ends the stream; a disconnected client shows up as an {@code IOException}
     *     from {@link SseEmitter#send}
     */
    void produce(SseEmitter emitter) throws Exception;
}
