package falcon;

import java.util.Map;

/**
 * 308 Permanent Redirect: the resource has a new permanent URI; raise it to redirect at once.
 *
 * <p>Clients repeat the request there with the same method and body (RFC 7538).
 *
 * <p>The URI goes into a {@code location} header, keyed in lower case as Falcon does; header
 * names are case-insensitive on the wire. A {@code location} entry already in the given
 * headers is kept.
 *
 * <p>Falcon: {@code falcon.HTTPPermanentRedirect}.
 */
public class HTTPPermanentRedirect extends HTTPStatus {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the redirect.
     *
     * @param location the URI to redirect to
     */
    public HTTPPermanentRedirect(String location) {
        this(location, null);
    }

    /**
     * Creates the redirect with extra headers.
     *
     * @param location the URI to redirect to
     * @param headers further headers to set on the response; may be {@code null}
     */
    public HTTPPermanentRedirect(String location, Map<String, String> headers) {
        super(Status.HTTP_308, withLocation(location, headers));
    }
}
