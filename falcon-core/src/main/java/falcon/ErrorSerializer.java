package falcon;

/**
 * Turns an {@link HTTPError} into the response body, e.g. in another media type.
 *
 * <p>Falcon: the {@code serializer(req, resp, exception)} of {@code set_error_serializer}.
 */
@FunctionalInterface
public interface ErrorSerializer {

    /**
     * Sets {@code resp}'s body (and Content-Type) from {@code error}.
     *
     * @param req the request, e.g. to choose a media type from its Accept header
     * @param resp the response whose body to set
     * @param error the error to serialize
     */
    void serialize(Request req, Response resp, HTTPError error);
}
