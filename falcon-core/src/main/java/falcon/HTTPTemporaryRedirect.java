package falcon;

import java.util.Map;

/**
 * 307 Temporary Redirect: the resource is temporarily at another URI; raise it to redirect at once.
 *
 * <p>Clients repeat the request there with the same method and body.
 *
 * <p>The URI goes into a {@code location} header, keyed in lower case as Falcon does; header
 * names are case-insensitive on the wire. A {@code location} entry already in the given
 * headers is kept.
 *
 * <p>Falcon: {@code falcon.HTTPTemporaryRedirect}.
 */
public class HTTPTemporaryRedirect extends HTTPStatus {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the redirect.
     *
     * @param location the URI to redirect to
     */
    public HTTPTemporaryRedirect(String location) {
        this(location, null);
    }

    /**
     * Creates the redirect with extra headers.
     *
     * @param location the URI to redirect to
     * @param headers further headers to set on the response; may be {@code null}
     */
    public HTTPTemporaryRedirect(String location, Map<String, String> headers) {
        super(Status.HTTP_307, withLocation(location, headers));
    }
}
