package falcon;

/**
 * 415 Unsupported Media Type: the request body's media type is not supported.
 *
 * <p>Say in the description which media types are accepted.
 *
 * <p>Falcon: {@code falcon.HTTPUnsupportedMediaType}.
 */
public class HTTPUnsupportedMediaType extends HTTPError {

    private static final long serialVersionUID = 1L;

    /** Creates the error with the status line as its title and no description. */
    public HTTPUnsupportedMediaType() {
        super(Status.HTTP_415);
    }

    /**
     * Creates the error with a title and a description.
     *
     * @param title a short human-friendly title; {@code null} means the status line
     * @param description a human-friendly explanation, or {@code null} for none
     */
    public HTTPUnsupportedMediaType(String title, String description) {
        super(Status.HTTP_415, title, description);
    }
}
