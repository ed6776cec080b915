package falcon;

/**
 * The WebSocket message payload was not of the expected type, e.g. BINARY for {@code receiveText}.
 *
 * <p>Falcon: {@code falcon.PayloadTypeError} (a {@code TypeError}).
 */
public class PayloadTypeError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the error with a message.
     *
     * @param message the detail message
     */
    public PayloadTypeError(String message) {
        super(message);
    }
}
