package falcon;

/**
 * 400: a request body was expected for {@code getMedia()} but was empty.
 *
 * <p>Falcon: {@code falcon.MediaNotFoundError}.
 */
public class MediaNotFoundError extends HTTPBadRequest {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the error.
     *
     * @param mediaType the short name of the media type, e.g. {@code JSON}
     */
    public MediaNotFoundError(String mediaType) {
        super("Invalid " + mediaType, "Could not parse an empty " + mediaType + " body");
    }
}
