package falcon.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import falcon.OperationNotAllowed;
import falcon.PayloadTypeError;
import falcon.WebSocketDisconnected;
import falcon.WebSocketHandlerNotFound;
import falcon.WebSocketPathNotFound;
import falcon.WebSocketServerError;
import falcon.gateway.WebSocketChannel;
import falcon.internal.Publishers;
import falcon.media.BinaryBaseHandlerWS;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * A simulated WebSocket client connected to an App in memory, with no socket.
 *
 * <pre>{@code
 * try (WebSocketSimulator ws = client.simulateWs("/echo")) {   // waits until accepted
 *     ws.sendText("hello");
 *     assertThat(ws.receiveText()).isEqualTo("echo: hello");
 * }                                                            // closes with 1000
 * }</pre>
 *
 * <p>The App runs on its own thread. Receives wait up to {@link #DEFAULT_TIMEOUT} (then fail
 * with an {@link AssertionError}), so a broken test does not hang. Messages the App sent before
 * it closed are still received, then {@link WebSocketDisconnected} is raised.
 *
 * <p>Falcon: {@code falcon.testing.ASGIWebSocketSimulator} ({@code msgpack} methods need the
 * optional MessagePack module and are not here).
 */
public final class WebSocketSimulator implements AutoCloseable {

    /** How long a receive or {@link #waitReady()} waits by default. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    private static final ObjectMapper JSON = new ObjectMapper();

    private enum State { CONNECT, ACCEPTED, DENIED, CLOSED }

    private final List<String> subprotocols;
    private final Channel channel = new Channel();
    private final CompletableFuture<Void> appDone = new CompletableFuture<>();

    // guards every field below
    private final BinaryBaseHandlerWS msgpackHandler; // the App's BINARY media handler, or null
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private State state = State.CONNECT;
    private int closeCode = -1;
    private String closeReason;
    private boolean accepted;
    private boolean clientClosed;
    private String acceptedSubprotocol;
    private Map<String, String> acceptedHeaders;
    private final ArrayDeque<Object> fromApp = new ArrayDeque<>();
    private final ArrayDeque<Object> toApp = new ArrayDeque<>();
    private WebSocketChannel.Listener listener;
    private boolean paused;
    private boolean delivering;

    WebSocketSimulator(List<String> subprotocols) {
        this(subprotocols, null);
    }

    WebSocketSimulator(List<String> subprotocols, BinaryBaseHandlerWS msgpackHandler) {
        this.subprotocols = List.copyOf(subprotocols);
        this.msgpackHandler = msgpackHandler;
    }

    WebSocketChannel channel() {
        return channel;
    }

    CompletableFuture<Void> appDone() {
        return appDone;
    }

    // ---------------------------------------------------------------- state

    /**
     * Returns whether the App accepted and the connection is open. Falcon: {@code ready}.
     *
     * @return whether the connection is accepted and open
     */
    public boolean isReady() {
        return withLock(() -> state == State.ACCEPTED);
    }

    /**
     * Returns whether the App denied or closed the connection, or this client closed it. Falcon:
     * {@code closed}.
     *
     * @return whether the connection is closed
     */
    public boolean isClosed() {
        return withLock(() -> state == State.DENIED || state == State.CLOSED);
    }

    /**
     * Returns the close code, or {@code null} while open. Falcon: {@code close_code}.
     *
     * @return the close code, or {@code null} while open
     */
    public Integer getCloseCode() {
        return withLock(() -> closeCode < 0 ? null : closeCode);
    }

    /**
     * Returns the close reason the App sent, or {@code null}.
     *
     * @return the close reason, or {@code null}
     */
    public String getCloseReason() {
        return withLock(() -> closeReason);
    }

    /**
     * Returns the subprotocol the App accepted, or {@code null}. Falcon: {@code subprotocol}.
     *
     * @return the accepted subprotocol, or {@code null}
     */
    public String getSubprotocol() {
        return withLock(() -> acceptedSubprotocol);
    }

    /**
     * Returns the headers the App accepted with, or {@code null} before accept. Falcon: {@code
     * headers}.
     *
     * @return the headers by name, or {@code null} before accept
     */
    public Map<String, String> getHeaders() {
        return withLock(() -> acceptedHeaders);
    }

    /** Waits up to {@link #DEFAULT_TIMEOUT} for the handshake. Falcon: {@code wait_ready()}. */
    public void waitReady() {
        waitReady(DEFAULT_TIMEOUT);
    }

    /**
     * Waits until the App accepted or denied the connection.
     *
     * <p>Falcon: {@code wait_ready(timeout)}.
     *
     * @param timeout how long to wait for the handshake
     * @throws WebSocketPathNotFound when denied with 3404 (no route)
     * @throws WebSocketHandlerNotFound when denied with 3405 (no {@code onWebsocket})
     * @throws WebSocketServerError when denied with 1011
     * @throws WebSocketDisconnected when denied or closed with another code
     * @throws AssertionError when the handshake did not complete in time
     */
    public void waitReady(Duration timeout) {
        lock.lock();
        try {
            long nanos = timeout.toNanos();
            while (state == State.CONNECT) {
                if (nanos <= 0) {
                    throw new AssertionError("Timed out after waiting " + timeout.toSeconds() + " seconds for the"
                            + " WebSocket handshake to complete. Check the onWebsocket responder and any middleware"
                            + " for any conditions that may be stalling the request flow.");
                }
                nanos = changed.awaitNanos(nanos);
            }
            if (!accepted) {
                requireAccepted(); // NOTE: accepted, then closed at once, still counts as ready
            }
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", ex);
        } finally {
            lock.unlock();
        }
    }

    /** Closes with 1000 and waits for the App's responder to finish. Falcon: {@code close()}. */
    @Override
    public void close() {
        close(1000);
    }

    /**
     * Closes the connection with {@code code}, as a client would, and waits (up to {@link
     * #DEFAULT_TIMEOUT}) for the App's responder to finish. Does nothing more when closed already.
     *
     * <p>Falcon: {@code close(code)}.
     *
     * @param code the close code, e.g. {@code 1000}
     */
    public void close(int code) {
        WebSocketChannel.Listener l = null;
        lock.lock();
        try {
            if (state != State.DENIED && state != State.CLOSED) {
                l = listener;
                if (l == null) {
                    // the App has not started listening yet: start() tells it
                    state = State.CLOSED;
                    closeCode = code;
                    clientClosed = true;
                    changed.signalAll();
                }
            }
        } finally {
            lock.unlock();
        }
        if (l != null) {
            l.onClose(code, ""); // first, so that the App's next send already sees this code
            lock.lock();
            try {
                state = State.CLOSED;
                closeCode = code;
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        }
        try {
            appDone.get(DEFAULT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException ex) {
            throw new AssertionError("the App's WebSocket responder did not finish after the close", ex);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException ex) {
            // the App failed; it has logged it
        }
    }

    // ---------------------------------------------------------------- send

    /**
     * Sends a TEXT message to the App. Falcon: {@code send_text}.
     *
     * @param payload the text to send
     */
    public void sendText(String payload) {
        send(payload);
    }

    /**
     * Sends a BINARY message to the App. Falcon: {@code send_data}.
     *
     * @param payload the bytes to send; they are copied
     */
    public void sendData(byte[] payload) {
        send(payload.clone());
    }

    /**
     * Sends {@code media} as JSON in a TEXT message. Falcon: {@code send_json}.
     *
     * @param media the value to serialize as JSON
     */
    public void sendJson(Object media) {
        try {
            sendText(JSON.writeValueAsString(media));
        } catch (JsonProcessingException ex) {
            throw new IllegalArgumentException("cannot serialize " + media, ex);
        }
    }

    /**
     * Sends {@code media} as MessagePack in a BINARY message, packed by the App's BINARY WebSocket
     * media handler ({@code MessagePackHandlerWS} of module {@code falcon-msgpack}).
     *
     * <p>Falcon: {@code send_msgpack}.
     *
     * @param media the value to send
     * @throws IllegalStateException when the App has no BINARY media handler
     */
    public void sendMsgpack(Object media) {
        sendData(msgpack().serialize(media));
    }

    /**
     * Receives a BINARY message and unpacks it as MessagePack with the App's BINARY media handler.
     *
     * <p>Falcon: {@code receive_msgpack}.
     *
     * @return the unpacked message ({@code Map}, {@code List}, ...)
     * @throws IllegalStateException when the App has no BINARY media handler
     */
    public Object receiveMsgpack() {
        return msgpack().deserialize(receiveData());
    }

    private BinaryBaseHandlerWS msgpack() {
        if (msgpackHandler == null) {
            throw new IllegalStateException("MessagePack messages need the App's BINARY media handler: add module"
                    + " falcon-msgpack and call MessagePackHandlerWS.register(app.getWsOptions())");
        }
        return msgpackHandler;
    }

    private void send(Object message) {
        lock.lock();
        try {
            requireAccepted();
            toApp.add(message);
        } finally {
            lock.unlock();
        }
        deliverToApp();
    }

    /** Hands queued messages to the App's listener unless it paused us; one deliverer at a time. */
    private void deliverToApp() {
        while (true) {
            Object next;
            WebSocketChannel.Listener l;
            lock.lock();
            try {
                if (delivering || paused || listener == null || toApp.isEmpty()) {
                    return;
                }
                next = toApp.poll();
                l = listener;
                delivering = true;
            } finally {
                lock.unlock();
            }
            try {
                if (next instanceof String) {
                    l.onText((String) next);
                } else {
                    l.onBinary((byte[]) next);
                }
            } finally {
                lock.lock();
                try {
                    delivering = false;
                } finally {
                    lock.unlock();
                }
            }
        }
    }

    // ---------------------------------------------------------------- receive

    /**
     * Receives a TEXT message. Falcon: {@code receive_text}.
     *
     * @return the message text
     * @throws PayloadTypeError when BINARY
     */
    public String receiveText() {
        Object m = receive();
        if (!(m instanceof String)) {
            throw new PayloadTypeError("Expected TEXT payload but got BINARY instead");
        }
        return (String) m;
    }

    /**
     * Receives a BINARY message. Falcon: {@code receive_data}.
     *
     * @return the message bytes
     * @throws PayloadTypeError when TEXT
     */
    public byte[] receiveData() {
        Object m = receive();
        if (!(m instanceof byte[])) {
            throw new PayloadTypeError("Expected BINARY payload but got TEXT instead");
        }
        return (byte[]) m;
    }

    /**
     * Receives a TEXT message and parses it as JSON. Falcon: {@code receive_json}.
     *
     * @return the parsed message ({@code Map}, {@code List}, ...)
     */
    public Object receiveJson() {
        try {
            return JSON.readValue(receiveText(), Object.class);
        } catch (JsonProcessingException ex) {
            throw new AssertionError("the App sent invalid JSON", ex);
        }
    }

    private Object receive() {
        lock.lock();
        try {
            long nanos = DEFAULT_TIMEOUT.toNanos();
            while (fromApp.isEmpty()) {
                requireAccepted();
                if (nanos <= 0) {
                    throw new AssertionError("no message from the App within " + DEFAULT_TIMEOUT.toSeconds() + " s");
                }
                nanos = changed.awaitNanos(nanos);
            }
            return fromApp.poll();
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", ex);
        } finally {
            lock.unlock();
        }
    }

    private void requireAccepted() {
        switch (state) {
            case ACCEPTED:
                return;
            case CONNECT:
                throw new OperationNotAllowed("WebSocket connection has not yet been accepted");
            case CLOSED:
                throw new WebSocketDisconnected(closeCode);
            default:
                break;
        }
        if (closeCode == 3404) {
            throw new WebSocketPathNotFound(closeCode);
        }
        if (closeCode == 1011) {
            throw new WebSocketServerError(closeCode);
        }
        if (closeCode == 3405) {
            throw new WebSocketHandlerNotFound(closeCode);
        }
        throw new WebSocketDisconnected(closeCode);
    }

    private <T> T withLock(Supplier<T> read) {
        lock.lock();
        try {
            return read.get();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String toString() {
        return withLock(() -> "WebSocketSimulator{" + state + (closeCode >= 0 ? ", code " + closeCode : "") + "}");
    }

    /** The App's side of the simulated connection. */
    private final class Channel implements WebSocketChannel {

        @Override
        public List<String> subprotocols() {
            return subprotocols;
        }

        @Override
        public CompletionStage<Void> accept(String subprotocol, List<String> headers) {
            lock.lock();
            try {
                if (state != State.CONNECT) {
                    return CompletableFuture.failedFuture(new IllegalStateException("connection " + state));
                }
                state = State.ACCEPTED;
                accepted = true;
                acceptedSubprotocol = subprotocol;
                Map<String, String> h = new LinkedHashMap<>();
                for (int i = 0; i + 1 < headers.size(); i += 2) {
                    h.put(headers.get(i), headers.get(i + 1));
                }
                acceptedHeaders = h;
                changed.signalAll();
            } finally {
                lock.unlock();
            }
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void deny(int code) {
            lock.lock();
            try {
                if (state == State.CONNECT) {
                    state = State.DENIED;
                    closeCode = code;
                    changed.signalAll();
                }
            } finally {
                lock.unlock();
            }
        }

        @Override
        public void start(Listener l) {
            boolean closedEarly;
            int code;
            lock.lock();
            try {
                listener = l;
                closedEarly = clientClosed;
                clientClosed = false;
                code = closeCode;
            } finally {
                lock.unlock();
            }
            deliverToApp();
            if (closedEarly) {
                l.onClose(code, ""); // the client closed between the accept and this start
            }
        }

        @Override
        public CompletionStage<Void> sendText(String text) {
            return fromApp(text);
        }

        @Override
        public CompletionStage<Void> sendBinary(byte[] data) {
            return fromApp(data);
        }

        private CompletionStage<Void> fromApp(Object message) {
            lock.lock();
            try {
                if (state != State.ACCEPTED) {
                    return CompletableFuture.failedFuture(new IOException("the client disconnected"));
                }
                fromApp.add(message);
                changed.signalAll();
            } finally {
                lock.unlock();
            }
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletionStage<Void> close(int code, String reason) {
            lock.lock();
            try {
                if (state == State.ACCEPTED || state == State.CONNECT) {
                    state = State.CLOSED;
                    closeCode = code;
                    closeReason = reason;
                    changed.signalAll();
                }
            } finally {
                lock.unlock();
            }
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void pause() {
            lock.lock();
            try {
                paused = true;
            } finally {
                lock.unlock();
            }
        }

        @Override
        public void resume() {
            lock.lock();
            try {
                paused = false;
            } finally {
                lock.unlock();
            }
            // NOTE: delivered on a fresh thread: resume() is called from the App's receive, which
            // must not run the listener re-entrantly.
            Publishers.blockingExecutor().execute(WebSocketSimulator.this::deliverToApp);
        }
    }

    static List<String> parseSubprotocols(List<String> values) {
        List<String> out = new ArrayList<>();
        for (String v : values) {
            for (String p : v.split(",")) {
                if (!p.isBlank()) {
                    out.add(p.trim());
                }
            }
        }
        return out;
    }
}
