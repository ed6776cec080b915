package falcon.gateway;

import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * The adapter's side of a WebSocket upgrade request: the App drives the handshake and the frames.
 *
 * <p>An {@link Exchange} whose request asks for a WebSocket upgrade returns one from {@link
 * Exchange#webSocket()}. The App then either {@link #accept accepts} the upgrade or {@link #deny
 * denies} it (HTTP 403), and never calls {@link
 * Exchange#respond(Reply)}. After accepting, the adapter delivers whole messages to the {@link
 * Listener} given to {@link #start}; the adapter handles fragmentation, control frames, masking
 * and UTF-8 validation, so the App sees only complete TEXT and BINARY messages and the close.
 *
 * <p>Flow control: the adapter stops reading from the network after {@link #pause()} until
 * {@link #resume()}, so a slow consumer never makes the adapter buffer without bound.
 *
 * <p>Thread safety: every method may be called from any thread. Listener methods are called one
 * at a time, in order, from the adapter's thread.
 *
 * <p>Falcon: the ASGI {@code websocket} scope's {@code receive} and {@code send} callables.
 */
public interface WebSocketChannel {

    /**
     * Returns the subprotocols the client offered in {@code Sec-WebSocket-Protocol}, in order.
     *
     * @return the offered subprotocols; empty when none
     */
    List<String> subprotocols();

    /**
     * Completes the handshake (101 Switching Protocols).
     *
     * @param subprotocol the subprotocol chosen from {@link #subprotocols()}, or {@code null}
     * @param headers extra response headers, flat: name, value, name, value, ...
     * @return completes when the handshake response is written; fails when the connection is gone
     */
    CompletionStage<Void> accept(String subprotocol, List<String> headers);

    /**
     * Refuses the upgrade and ends the exchange: over HTTP the adapter answers 403 Forbidden, as
     * ASGI servers do when an app closes before accepting.
     *
     * @param closeCode the code the App closed with (e.g. 3404 when no route matched), for
     *     adapters that can report it, such as the test client's simulator
     */
    void deny(int closeCode);

    /**
     * Starts delivering messages to {@code listener}; called once, after {@link #accept}.
     *
     * @param listener the receiver of messages and of the close
     */
    void start(Listener listener);

    /**
     * Sends a TEXT message; completes when written, fails when the connection is gone.
     *
     * @param text the message text
     * @return completes when the message is written; fails when the connection is gone
     */
    CompletionStage<Void> sendText(String text);

    /**
     * Sends a BINARY message; completes when written, fails when the connection is gone.
     *
     * @param data the message bytes
     * @return completes when the message is written; fails when the connection is gone
     */
    CompletionStage<Void> sendBinary(byte[] data);

    /**
     * Sends a close frame with {@code code} and {@code reason} and closes the connection.
     *
     * @param code the close code
     * @param reason the close reason; may be empty
     * @return completes when the close is written (or the connection was already gone)
     */
    CompletionStage<Void> close(int code, String reason);

    /** Stops reading from the network until {@link #resume()}: the App's queue is full. */
    void pause();

    /** Resumes reading from the network. */
    void resume();

    /** Receives what the client sends. */
    interface Listener {

        /**
         * A complete TEXT message arrived.
         *
         * @param text the message text
         */
        void onText(String text);

        /**
         * A complete BINARY message arrived.
         *
         * @param data the message bytes
         */
        void onBinary(byte[] data);

        /**
         * The client closed the connection (with a close frame: its code, else 1006) or the
         * connection was lost. Called once; nothing follows it.
         *
         * @param code the close code
         * @param reason the close reason, empty when none
         */
        void onClose(int code, String reason);
    }
}
