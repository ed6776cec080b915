package falcon;

/**
 * 400: a request body could not be parsed as its media type.
 *
 * <p>Falcon: {@code falcon.MediaMalformedError}; the cause's message follows the description as
 * in Falcon, though it is Jackson's wording rather than Python's.
 */
public class MediaMalformedError extends HTTPBadRequest {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the error.
     *
     * @param mediaType the short name of the media type, e.g. {@code JSON}
     * @param cause what was wrong, or {@code null}
     */
    public MediaMalformedError(String mediaType, String cause) {
        super("Invalid " + mediaType,
                "Could not parse " + mediaType + " body" + (cause == null ? "" : " - " + cause));
    }
}
