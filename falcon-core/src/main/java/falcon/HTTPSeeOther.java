package falcon;

import java.util.Map;

/**
 * 303 See Other: the answer is at another URI, to be fetched with GET; raise it to redirect at once.
 *
 * <p>Typically sent after a POST, pointing at the created or updated resource.
 *
 * <p>The URI goes into a {@code location} header, keyed in lower case as Falcon does; header
 * names are case-insensitive on the wire. A {@code location} entry already in the given
 * headers is kept.
 *
 * <p>Falcon: {@code falcon.HTTPSeeOther}.
 */
public class HTTPSeeOther extends HTTPStatus {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the redirect.
     *
     * @param location the URI to redirect to
     */
    public HTTPSeeOther(String location) {
        this(location, null);
    }

    /**
     * Creates the redirect with extra headers.
     *
     * @param location the URI to redirect to
     * @param headers further headers to set on the response; may be {@code null}
     */
    public HTTPSeeOther(String location, Map<String, String> headers) {
        super(Status.HTTP_303, withLocation(location, headers));
    }
}
