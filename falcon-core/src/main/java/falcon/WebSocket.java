package falcon;

import falcon.gateway.WebSocketChannel;
import falcon.media.BinaryBaseHandlerWS;
import falcon.media.TextBaseHandlerWS;
import falcon.media.TypeRef;
import java.lang.reflect.Type;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One WebSocket connection with a client, as an {@code onWebsocket} responder sees it.
 *
 * <pre>{@code
 * public void onWebsocket(Request req, WebSocket ws) {
 *     ws.accept();
 *     while (true) {
 *         String text = ws.receiveText();      // WebSocketDisconnected when the client leaves
 *         ws.sendText("echo: " + text);
 *     }
 * }
 * }</pre>
 *
 * <p>Every operation comes in a blocking form, natural on virtual threads, and an {@code ...Async}
 * form returning a {@code CompletableFuture}. Received messages wait in a queue of at most
 * {@link WebSocketOptions#maxReceiveQueue} messages; when it is full the server stops reading
 * from the network, and a client that disconnects is noticed by the next {@code send*} even
 * while messages wait. One thread (or one chain of stages) receives at a time.
 *
 * <p>Falcon: {@code falcon.asgi.WebSocket}.
 */
public class WebSocket {

    private enum State { HANDSHAKE, ACCEPTED, CLOSED }

    /** The queue entry that stands for the client's close. */
    private static final Object DISCONNECT = new Object();

    private final WebSocketChannel channel;
    private final WebSocketOptions options;
    private final TextBaseHandlerWS textHandler;
    private final BinaryBaseHandlerWS binaryHandler;
    private final int maxQueue;

    // guards messages, waiter and paused
    private final ReentrantLock lock = new ReentrantLock();
    private final ArrayDeque<Object> messages = new ArrayDeque<>();
    private CompletableFuture<Object> waiter;
    private boolean paused;

    private volatile State state = State.HANDSHAKE;
    private volatile int closeCode = -1;
    private volatile boolean clientDisconnected;
    private volatile int clientCloseCode = 1000;

    /**
     * Creates the connection over an adapter's channel (the App does this).
     *
     * @param channel the adapter's channel
     * @param options the App's WebSocket options
     */
    public WebSocket(WebSocketChannel channel, WebSocketOptions options) {
        this.channel = channel;
        this.options = options;
        Object text = options.mediaHandlers.get(WebSocketPayloadType.TEXT);
        Object binary = options.mediaHandlers.get(WebSocketPayloadType.BINARY);
        this.textHandler = text instanceof TextBaseHandlerWS ? (TextBaseHandlerWS) text : null;
        this.binaryHandler = binary instanceof BinaryBaseHandlerWS ? (BinaryBaseHandlerWS) binary : null;
        this.maxQueue = Math.max(1, options.maxReceiveQueue);
    }

    // ---------------------------------------------------------------- state

    /**
     * Returns whether the connection is accepted and the client still connected. Falcon: {@code
     * ready}.
     *
     * @return {@code true} when accepted and the client is still connected
     */
    public boolean isReady() {
        return state == State.ACCEPTED && !clientDisconnected;
    }

    /**
     * Returns whether the connection is not accepted yet. Falcon: {@code unaccepted}.
     *
     * @return {@code true} while the handshake is neither accepted nor denied
     */
    public boolean isUnaccepted() {
        return state == State.HANDSHAKE;
    }

    /**
     * Returns whether the server closed the connection or the client left. Falcon: {@code closed}.
     *
     * @return {@code true} once either side closed the connection
     */
    public boolean isClosed() {
        return state == State.CLOSED || clientDisconnected;
    }

    /**
     * Returns the subprotocols the client offered, in order; empty when none. Falcon: {@code
     * subprotocols}.
     *
     * @return the offered subprotocols; empty when none
     */
    public List<String> getSubprotocols() {
        return channel.subprotocols();
    }

    /**
     * Returns true: every adapter can send headers with the accept. Falcon: {@code
     * supports_accept_headers}.
     *
     * @return always {@code true}
     */
    public boolean supportsAcceptHeaders() {
        return true;
    }

    /**
     * Returns the close code once closed (by either side), else -1.
     *
     * @return the close code, or -1 while the connection is open
     */
    public int getCloseCode() {
        return closeCode >= 0 ? closeCode : clientDisconnected ? clientCloseCode : -1;
    }

    // ---------------------------------------------------------------- handshake

    /** Accepts the connection without a subprotocol. Falcon: {@code await ws.accept()}. */
    public void accept() {
        await(acceptAsync(null, null));
    }

    /**
     * Accepts the connection with {@code subprotocol}, one of {@link #getSubprotocols()}.
     *
     * @param subprotocol the chosen subprotocol, or {@code null} for none
     * @throws OperationNotAllowed when already accepted or closed
     */
    public void accept(String subprotocol) {
        await(acceptAsync(subprotocol, null));
    }

    /**
     * Accepts the connection.
     *
     * <p>Falcon: {@code accept(subprotocol=None, headers=None)}.
     *
     * @param subprotocol the chosen subprotocol, or {@code null} for none
     * @param headers extra handshake response headers, or {@code null}
     * @throws OperationNotAllowed when already accepted or closed
     * @throws IllegalArgumentException when {@code headers} holds {@code Sec-WebSocket-Protocol}
     */
    public void accept(String subprotocol, Map<String, String> headers) {
        await(acceptAsync(subprotocol, headers));
    }

    /**
     * Asynchronous {@link #accept(String, Map)}.
     *
     * @param subprotocol the chosen subprotocol, or {@code null} for none
     * @param headers extra handshake response headers, or {@code null}
     * @return a future that completes once the connection is accepted, or fails with the exceptions
     *     of {@link #accept(String, Map)} ({@link WebSocketDisconnected} when the accept fails)
     */
    public CompletableFuture<Void> acceptAsync(String subprotocol, Map<String, String> headers) {
        if (isClosed()) {
            return failed(new OperationNotAllowed("accept() may not be called on a closed WebSocket connection"));
        }
        if (state != State.HANDSHAKE) {
            return failed(new OperationNotAllowed(
                    "accept() may only be called once on an open WebSocket connection"));
        }
        List<String> lines = new ArrayList<>();
        if (headers != null) {
            for (Map.Entry<String, String> h : headers.entrySet()) {
                if (h.getKey().equalsIgnoreCase("sec-websocket-protocol")) {
                    return failed(new IllegalArgumentException("the headers must not contain"
                            + " \"sec-websocket-protocol\"; pass the subprotocol argument instead"));
                }
                lines.add(h.getKey().toLowerCase(Locale.ROOT));
                lines.add(h.getValue());
            }
        }
        state = State.ACCEPTED;
        CompletableFuture<Void> done = new CompletableFuture<>();
        channel.accept(subprotocol, lines).whenComplete((v, ex) -> {
            if (ex != null) {
                onClientClose(1006);
                done.completeExceptionally(new WebSocketDisconnected(1006));
            } else {
                done.complete(null);
            }
        });
        channel.start(new Listener());
        return done;
    }

    // ---------------------------------------------------------------- close

    /** Closes the connection with 1000; before accept, denies it (HTTP 403). Falcon: {@code close()}. */
    public void close() {
        await(closeAsync(1000, null));
    }

    /**
     * Closes the connection with {@code code}. Falcon: {@code close(code)}.
     *
     * @param code the close code; see {@link #close(int, String)}
     */
    public void close(int code) {
        await(closeAsync(code, null));
    }

    /**
     * Closes the connection with {@code code} and {@code reason}; before accept, denies the
     * handshake with HTTP 403 instead. Does nothing when already closed.
     *
     * <p>Falcon 4: {@code close(code=None, reason=None)}.
     *
     * @param code the close code
     * @param reason the close reason, or {@code null} for {@link WebSocketOptions#defaultCloseReasons}
     * @throws IllegalArgumentException when {@code code} is below 1000 or reserved (1004-1006, 1015-1999)
     */
    public void close(int code, String reason) {
        await(closeAsync(code, reason));
    }

    /**
     * Asynchronous {@link #close(int, String)}.
     *
     * @param code the close code
     * @param reason the close reason, or {@code null} for {@link
     *     WebSocketOptions#defaultCloseReasons}
     * @return a future that completes once the connection is closed, or fails with {@link
     *     IllegalArgumentException} for an invalid code
     */
    public CompletableFuture<Void> closeAsync(int code, String reason) {
        if (code < 1000) {
            return failed(new IllegalArgumentException("Invalid close code. The value must be >= 1000"));
        }
        if ((code >= 1015 && code <= 1999) || (code >= 1004 && code <= 1006)) {
            return failed(new IllegalArgumentException("Invalid close code. Only unreserved codes may be used."));
        }
        if (isClosed()) {
            if (state != State.CLOSED) {
                state = State.CLOSED;
                closeCode = clientCloseCode;
            }
            return CompletableFuture.completedFuture(null);
        }
        State before = state;
        state = State.CLOSED;
        closeCode = code;
        if (before == State.HANDSHAKE) {
            channel.deny(code);
            return CompletableFuture.completedFuture(null);
        }
        String why = reason != null ? reason : options.defaultCloseReasons.getOrDefault(code, "");
        CompletableFuture<Void> done = new CompletableFuture<>();
        channel.close(code, why).whenComplete((v, ex) -> done.complete(null));
        return done;
    }

    // ---------------------------------------------------------------- receive

    /**
     * Waits for a TEXT message.
     *
     * <p>Falcon: {@code receive_text()}.
     *
     * @return the message text
     * @throws WebSocketDisconnected when the connection is closed or the client left
     * @throws PayloadTypeError when the message is BINARY
     * @throws OperationNotAllowed before {@link #accept()}
     */
    public String receiveText() {
        return await(receiveTextAsync());
    }

    /**
     * Asynchronous {@link #receiveText()}.
     *
     * @return a future of the message text, failing with the exceptions of {@link #receiveText()}
     */
    public CompletableFuture<String> receiveTextAsync() {
        return receiveAsync().thenApply(m -> {
            if (!(m instanceof String)) {
                throw new PayloadTypeError("Missing TEXT (0x01) payload");
            }
            return (String) m;
        });
    }

    /**
     * Waits for a BINARY message. Falcon: {@code receive_data()}.
     *
     * @return the message bytes
     * @throws WebSocketDisconnected when the connection is closed or the client left
     * @throws PayloadTypeError when the message is TEXT
     */
    public byte[] receiveData() {
        return await(receiveDataAsync());
    }

    /**
     * Asynchronous {@link #receiveData()}.
     *
     * @return a future of the message bytes, failing with the exceptions of {@link #receiveData()}
     */
    public CompletableFuture<byte[]> receiveDataAsync() {
        return receiveAsync().thenApply(m -> {
            if (!(m instanceof byte[])) {
                throw new PayloadTypeError("Missing BINARY (0x02) payload");
            }
            return (byte[]) m;
        });
    }

    /**
     * Waits for a message and deserializes it with the media handler of its payload type (TEXT:
     * JSON by default). Falcon: {@code receive_media()}.
     *
     * @return the deserialized message
     * @throws WebSocketDisconnected when the connection is closed or the client left
     */
    public Object receiveMedia() {
        return await(receiveMediaAsync());
    }

    /**
     * Asynchronous {@link #receiveMedia()}.
     *
     * @return a future of the deserialized message, failing with the exceptions of {@link
     *     #receiveMedia()}
     */
    public CompletableFuture<Object> receiveMediaAsync() {
        return receiveAsync().thenApply(m -> m instanceof String
                ? text().deserialize((String) m) : binary().deserialize((byte[]) m));
    }

    /**
     * Waits for a message and reads it into {@code type}, e.g. a record: the media handler of its
     * payload type deserializes it, then converts it.
     *
     * @param <T> the type wanted
     * @param type a record, a bean, ...
     * @return the message as {@code type}
     * @throws WebSocketDisconnected when the connection is closed or the client left
     * @throws MediaMalformedError when the message cannot be parsed or does not fit the type
     */
    public <T> T receiveMedia(Class<T> type) {
        return await(receiveMediaAsync(type));
    }

    /**
     * Asynchronous {@link #receiveMedia(Class)}.
     *
     * @param <T> the type wanted
     * @param type a record, a bean, ...
     * @return a future of the message as {@code type}, failing with the exceptions of {@link
     *     #receiveMedia(Class)}
     */
    public <T> CompletableFuture<T> receiveMediaAsync(Class<T> type) {
        return receiveTypedAsync(type);
    }

    /**
     * Waits for a message and reads it into a generic type, as {@link #receiveMedia(Class)}.
     *
     * @param <T> the type wanted
     * @param type the type, captured by a {@link TypeRef}
     * @return the message as the type
     * @throws WebSocketDisconnected when the connection is closed or the client left
     * @throws MediaMalformedError when the message cannot be parsed or does not fit the type
     */
    public <T> T receiveMedia(TypeRef<T> type) {
        return await(receiveMediaAsync(type));
    }

    /**
     * Asynchronous {@link #receiveMedia(TypeRef)}.
     *
     * @param <T> the type wanted
     * @param type the type, captured by a {@link TypeRef}
     * @return a future of the message as the type, failing with the exceptions of {@link
     *     #receiveMedia(TypeRef)}
     */
    public <T> CompletableFuture<T> receiveMediaAsync(TypeRef<T> type) {
        return receiveTypedAsync(type.getType());
    }

    @SuppressWarnings("unchecked")
    private <T> CompletableFuture<T> receiveTypedAsync(Type type) {
        return receiveAsync().thenApply(m -> (T) (m instanceof String
                ? text().convert(text().deserialize((String) m), type)
                : binary().convert(binary().deserialize((byte[]) m), type)));
    }

    private CompletableFuture<Object> receiveAsync() {
        RuntimeException notReady = requireAccepted();
        if (notReady != null) {
            return failed(notReady);
        }
        CompletableFuture<Object> next;
        lock.lock();
        try {
            Object m = messages.poll();
            if (m == null) {
                if (waiter != null) {
                    return failed(new OperationNotAllowed("another receive is already waiting"));
                }
                next = waiter = new CompletableFuture<>();
            } else {
                next = CompletableFuture.completedFuture(m);
                if (paused && messages.size() < maxQueue) {
                    paused = false;
                    channel.resume();
                }
            }
        } finally {
            lock.unlock();
        }
        return next.thenApply(m -> {
            if (m == DISCONNECT) {
                state = State.CLOSED;
                closeCode = clientCloseCode;
                throw new WebSocketDisconnected(clientCloseCode);
            }
            return m;
        });
    }

    // ---------------------------------------------------------------- send

    /**
     * Sends a TEXT message. Falcon: {@code send_text(payload)}.
     *
     * @param payload the message text
     * @throws WebSocketDisconnected when the client left or the connection is closed
     * @throws OperationNotAllowed before {@link #accept()}
     */
    public void sendText(String payload) {
        await(sendTextAsync(payload));
    }

    /**
     * Asynchronous {@link #sendText}.
     *
     * @param payload the message text
     * @return a future that completes once the message is written, or fails with the exceptions of
     *     {@link #sendText}
     */
    public CompletableFuture<Void> sendTextAsync(String payload) {
        if (payload == null) {
            return failed(new NullPointerException("payload must be a string"));
        }
        RuntimeException notReady = requireSendable();
        return notReady != null ? failed(notReady) : sent(channel.sendText(payload));
    }

    /**
     * Sends a BINARY message. Falcon: {@code send_data(payload)}.
     *
     * @param payload the message bytes; they are copied
     * @throws WebSocketDisconnected when the client left or the connection is closed
     */
    public void sendData(byte[] payload) {
        await(sendDataAsync(payload));
    }

    /**
     * Asynchronous {@link #sendData}.
     *
     * @param payload the message bytes; they are copied
     * @return a future that completes once the message is written, or fails with the exceptions of
     *     {@link #sendData}
     */
    public CompletableFuture<Void> sendDataAsync(byte[] payload) {
        if (payload == null) {
            return failed(new NullPointerException("payload must be a byte string"));
        }
        RuntimeException notReady = requireSendable();
        return notReady != null ? failed(notReady) : sent(channel.sendBinary(payload.clone()));
    }

    /**
     * Sends {@code media} serialized by the TEXT media handler (JSON by default). Falcon: {@code
     * send_media(media)}.
     *
     * @param media the object to serialize
     */
    public void sendMedia(Object media) {
        await(sendMediaAsync(media, WebSocketPayloadType.TEXT));
    }

    /**
     * Sends {@code media} serialized by the handler of {@code payloadType}.
     *
     * <p>Falcon: {@code send_media(media, payload_type)}.
     *
     * @param media the object to serialize
     * @param payloadType the message type, whose media handler serializes {@code media}
     */
    public void sendMedia(Object media, WebSocketPayloadType payloadType) {
        await(sendMediaAsync(media, payloadType));
    }

    /**
     * Asynchronous {@link #sendMedia(Object, WebSocketPayloadType)}.
     *
     * @param media the object to serialize
     * @param payloadType the message type, whose media handler serializes {@code media}
     * @return a future that completes once the message is written, or fails with the exceptions of
     *     {@link #sendText} or {@link #sendData}
     */
    public CompletableFuture<Void> sendMediaAsync(Object media, WebSocketPayloadType payloadType) {
        RuntimeException notReady = requireAccepted();
        if (notReady != null) {
            return failed(notReady);
        }
        try {
            if (payloadType == WebSocketPayloadType.BINARY) {
                return sendDataAsync(binary().serialize(media));
            }
            return sendTextAsync(text().serialize(media));
        } catch (RuntimeException ex) {
            return failed(ex);
        }
    }

    private CompletableFuture<Void> sent(CompletionStage<Void> write) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        write.whenComplete((v, ex) -> {
            if (ex == null) {
                done.complete(null);
            } else {
                onClientClose(1006);
                state = State.CLOSED;
                closeCode = clientCloseCode;
                done.completeExceptionally(new WebSocketDisconnected(clientCloseCode));
            }
        });
        return done;
    }

    private RuntimeException requireAccepted() {
        if (state == State.HANDSHAKE) {
            return new OperationNotAllowed("WebSocket connection has not yet been accepted");
        }
        if (state == State.CLOSED) {
            return new WebSocketDisconnected(closeCode);
        }
        return null;
    }

    private RuntimeException requireSendable() {
        RuntimeException ex = requireAccepted();
        if (ex == null && clientDisconnected) {
            state = State.CLOSED;
            closeCode = clientCloseCode;
            return new WebSocketDisconnected(clientCloseCode);
        }
        return ex;
    }

    private TextBaseHandlerWS text() {
        if (textHandler == null) {
            throw new UnsupportedOperationException("no TEXT WebSocket media handler is configured");
        }
        return textHandler;
    }

    private BinaryBaseHandlerWS binary() {
        if (binaryHandler == null) {
            throw new UnsupportedOperationException("no BINARY WebSocket media handler is configured");
        }
        return binaryHandler;
    }

    // ---------------------------------------------------------------- from the adapter

    private void onClientClose(int code) {
        if (!clientDisconnected) {
            clientCloseCode = code;
            clientDisconnected = true;
        }
    }

    private void deliver(Object message) {
        CompletableFuture<Object> w;
        lock.lock();
        try {
            w = waiter;
            if (w != null) {
                waiter = null;
            } else {
                messages.add(message);
                if (!paused && message != DISCONNECT && messages.size() >= maxQueue) {
                    paused = true;
                    channel.pause();
                }
            }
        } finally {
            lock.unlock();
        }
        if (w != null) {
            w.complete(message);
        }
    }

    /** Receives from the adapter into the queue. */
    private final class Listener implements WebSocketChannel.Listener {
        @Override
        public void onText(String text) {
            deliver(text);
        }

        @Override
        public void onBinary(byte[] data) {
            deliver(data);
        }

        @Override
        public void onClose(int code, String reason) {
            onClientClose(code);
            deliver(DISCONNECT);
        }
    }

    // ---------------------------------------------------------------- helpers

    private static <T> CompletableFuture<T> failed(Throwable ex) {
        return CompletableFuture.failedFuture(ex);
    }

    /** Waits for a stage and rethrows its failure as it was raised. */
    static <T> T await(CompletableFuture<T> stage) {
        try {
            return stage.get();
        } catch (ExecutionException ex) {
            throw rethrow(ex.getCause());
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new WebSocketDisconnected(1001);
        }
    }

    private static RuntimeException rethrow(Throwable cause) {
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof RuntimeException) {
            throw (RuntimeException) cause;
        }
        if (cause instanceof Error) {
            throw (Error) cause;
        }
        throw new CompletionException(cause);
    }

    @Override
    public String toString() {
        return "WebSocket{" + state + (isClosed() ? ", code " + getCloseCode() : "") + "}";
    }
}
