package falcon;

/**
 * Turns an {@link HTTPError} into the response body, e.g. in another media type.
 *
 * <p>Falcon: the {@code serializer(req, resp, exception)} of {@code set_error_serializer}.
 */
@FunctionalInterface
public interface ErrorSerializer {

    /** Sets {@code resp}'s body (and Content-Type) from {@code error}. */
    void serialize(Request req, Response resp, HTTPError error);
}
