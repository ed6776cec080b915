package falcon;

/**
 * 405 Method Not Allowed: the resource exists but does not support the request's method.
 *
 * <p>The allowed methods go into the {@code Allow} header, joined by {@code ", "}. The App
 * raises this error itself when a route has no responder for the method.
 *
 * <p>Falcon: {@code falcon.HTTPMethodNotAllowed}.
 */
public class HTTPMethodNotAllowed extends HTTPError {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the error with the methods the resource allows.
     *
     * @param allowedMethods e.g. {@code List.of("GET", "POST")}
     */
    public HTTPMethodNotAllowed(Iterable<String> allowedMethods) {
        this(allowedMethods, null, null);
    }

    /**
     * Creates the error with the allowed methods, a title and a description.
     *
     * @param allowedMethods e.g. {@code List.of("GET", "POST")}
     * @param title a short human-friendly title; {@code null} means the status line
     * @param description a human-friendly explanation, or {@code null} for none
     */
    public HTTPMethodNotAllowed(Iterable<String> allowedMethods, String title, String description) {
        super(Status.HTTP_405, title, description);
        putHeader("Allow", String.join(", ", allowedMethods));
    }
}
