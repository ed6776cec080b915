package falcon;

/**
 * The requested operation is not allowed, e.g. sending on a WebSocket not yet accepted.
 *
 * <p>Falcon: {@code falcon.OperationNotAllowed} (a {@code ValueError}).
 */
public class OperationNotAllowed extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the error with a message.
     *
     * @param message the detail message
     */
    public OperationNotAllowed(String message) {
        super(message);
    }
}
