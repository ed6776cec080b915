package falcon;

/**
 * Thrown when a response header method is used with a header it does not support, such as
 * {@code setHeader("Set-Cookie", ...)}: use {@code setCookie} or {@code appendHeader}.
 *
 * <p>Falcon: {@code falcon.HeaderNotSupported} (a {@code ValueError}).
 */
public class HeaderNotSupported extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what was refused, as Falcon words it
     */
    public HeaderNotSupported(String message) {
        super(message);
    }
}
