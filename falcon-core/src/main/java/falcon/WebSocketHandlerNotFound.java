package falcon;

/**
 * The routed resource has no {@code onWebsocket} responder (close code 3405).
 *
 * <p>Raised by the test client's WebSocket simulator when the App denies the handshake this way.
 * Falcon: {@code falcon.WebSocketHandlerNotFound}.
 */
public class WebSocketHandlerNotFound extends WebSocketDisconnected {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the error with the close code.
     *
     * @param code the close code of the connection
     */
    public WebSocketHandlerNotFound(int code) {
        super(code);
    }
}
