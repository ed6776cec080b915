package falcon;

/**
 * No route could be found for the requested path (close code 3404).
 *
 * <p>Raised by the test client's WebSocket simulator when the App denies the handshake this way.
 * Falcon: {@code falcon.WebSocketPathNotFound}.
 */
public class WebSocketPathNotFound extends WebSocketDisconnected {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the error with the close code.
     *
     * @param code the close code of the connection
     */
    public WebSocketPathNotFound(int code) {
        super(code);
    }
}
