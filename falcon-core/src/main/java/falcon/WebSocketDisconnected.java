package falcon;

/**
 * The WebSocket connection is lost: the client closed it, the server closed it, or the socket
 * went away.
 *
 * <p>Raised by {@code receive*} and {@code send*}; when a responder lets it escape, the App logs
 * it and closes the connection. Falcon: {@code falcon.WebSocketDisconnected} (a
 * {@code ConnectionError}).
 */
public class WebSocketDisconnected extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The close code of the connection. */
    private final int code;

    /**
     * Creates the error with the close code (1000 when unknown).
     *
     * @param code the close code of the connection
     */
    public WebSocketDisconnected(int code) {
        super("WebSocket disconnected with code " + code);
        this.code = code;
    }

    /** Creates the error with close code 1000. */
    public WebSocketDisconnected() {
        this(1000);
    }

    /**
     * Returns the close code of the connection. Falcon: {@code code}.
     *
     * @return the close code
     */
    public int getCode() {
        return code;
    }
}
