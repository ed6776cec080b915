package falcon;

import java.util.Map;

/**
 * 302 Found: the resource is temporarily at another URI; raise it to redirect at once.
 *
 * <p>Clients may change the method to GET on the new request; use {@link HTTPTemporaryRedirect} to keep it.
 *
 * <p>The URI goes into a {@code location} header, keyed in lower case as Falcon does; header
 * names are case-insensitive on the wire. A {@code location} entry already in the given
 * headers is kept.
 *
 * <p>Falcon: {@code falcon.HTTPFound}.
 */
public class HTTPFound extends HTTPStatus {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the redirect.
     *
     * @param location the URI to redirect to
     */
    public HTTPFound(String location) {
        this(location, null);
    }

    /**
     * Creates the redirect with extra headers.
     *
     * @param location the URI to redirect to
     * @param headers further headers to set on the response; may be {@code null}
     */
    public HTTPFound(String location, Map<String, String> headers) {
        super(Status.HTTP_302, withLocation(location, headers));
    }
}
