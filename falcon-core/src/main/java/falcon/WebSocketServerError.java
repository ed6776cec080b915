package falcon;

/**
 * The server encountered an unexpected error (close code 1011).
 *
 * <p>Raised by the test client's WebSocket simulator when the App denies the handshake this way.
 * Falcon: {@code falcon.WebSocketServerError}.
 */
public class WebSocketServerError extends WebSocketDisconnected {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the error with the close code.
     *
     * @param code the close code of the connection
     */
    public WebSocketServerError(int code) {
        super(code);
    }
}
