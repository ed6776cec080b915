package falcon;

/**
 * 416 Range Not Satisfiable: no part of the requested {@code Range} lies within the resource.
 *
 * <p>The resource's length is sent as <code>Content-Range: bytes &#42;/N</code> (RFC 7233 4.4).
 *
 * <p>Falcon: {@code falcon.HTTPRangeNotSatisfiable}.
 */
public class HTTPRangeNotSatisfiable extends HTTPError {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the error with the resource's length.
     *
     * @param resourceLength the length of the resource in bytes
     */
    public HTTPRangeNotSatisfiable(long resourceLength) {
        this(resourceLength, null, null);
    }

    /**
     * Creates the error with the resource's length, a title and a description.
     *
     * @param resourceLength the length of the resource in bytes
     * @param title a short human-friendly title; {@code null} means the status line
     * @param description a human-friendly explanation, or {@code null} for none
     */
    public HTTPRangeNotSatisfiable(long resourceLength, String title, String description) {
        super(Status.HTTP_416, title, description);
        putHeader("Content-Range", "bytes */" + resourceLength);
    }
}
