package falcon;

import falcon.internal.LazyMediaTypes;
import falcon.media.Handlers;
import falcon.routing.StaticRoute;
import java.util.Map;

/**
 * Options for how the App writes responses; shared by all responses of an App.
 *
 * <p>Falcon: {@code falcon.ResponseOptions} ({@code app.resp_options}).
 */
public class ResponseOptions {

    /** Whether {@code setCookie} marks cookies Secure unless told otherwise. Default true. */
    public boolean secureCookiesByDefault = true;

    /** The Content-Type of responses that set none. */
    public String defaultMediaType = Handlers.MEDIA_JSON;

    /** The handlers for response media. */
    public Handlers mediaHandlers = new Handlers();

    /**
     * The Content-Type of the files static routes serve, by extension with its dot (e.g. {@code
     * .css}); a file whose extension is not in the map is {@code application/octet-stream}. Starts
     * as a mutable copy of {@link StaticRoute#defaultStaticMediaTypes()}, so an App
     * may add or replace entries, or assign another map.
     *
     * <p>Falcon: {@code resp_options.static_media_types}.
     */
    public Map<String, String> staticMediaTypes = new LazyMediaTypes();

    /**
     * Whether the default error serializer writes RFC 9457 problem details: {@code
     * application/problem+json} ({@code type}, {@code title}, {@code status}, {@code detail},
     * {@code instance}, then the error's {@code code}, {@code link} and the members a {@code
     * toDict()} override adds), or {@code application/problem+xml} for a client that prefers XML.
     * Errors the server finds before the App follow it too. Default false: Falcon's {@code
     * {"title": ..., "description": ...}}. A custom error serializer replaces both.
     *
     * <p>Falcon: none (falconry/falcon#157).
     */
    public boolean problemDetails;

    /**
     * Whether the default error serializer may write an error as XML, for a client that prefers
     * {@code application/xml} or {@code text/xml} to JSON (and to the other media types with a
     * handler). Default true. When false, such a client gets JSON if it accepts it, else no body;
     * an {@code Accept} with a {@code +xml} suffix still gets {@code Content-Type:
     * application/xml}, written by an XML media handler when the App registered one, else empty.
     * A custom error serializer ignores it, and so do {@link #problemDetails}, which are not
     * Falcon's format.
     *
     * <p>Falcon 4.0: {@code resp_options.xml_error_serialization}.
     */
    public boolean xmlErrorSerialization = true;

    /** Creates the options with their defaults. */
    public ResponseOptions() {
    }

    /**
     * Sets {@link #secureCookiesByDefault}.
     *
     * @param value whether cookies are marked Secure unless told otherwise
     * @return these options
     */
    public ResponseOptions setSecureCookiesByDefault(boolean value) {
        secureCookiesByDefault = value;
        return this;
    }

    /**
     * Sets {@link #defaultMediaType}.
     *
     * @param value the Content-Type of responses that set none
     * @return these options
     */
    public ResponseOptions setDefaultMediaType(String value) {
        defaultMediaType = value;
        return this;
    }

    /**
     * Sets {@link #problemDetails}.
     *
     * @param value whether errors are written as RFC 9457 problem details
     * @return these options
     */
    public ResponseOptions setProblemDetails(boolean value) {
        problemDetails = value;
        return this;
    }

    /**
     * Sets {@link #xmlErrorSerialization}.
     *
     * <p>Falcon 4.0: {@code resp_options.xml_error_serialization = value}.
     *
     * @param value whether the default error serializer may write errors as XML
     * @return these options
     */
    public ResponseOptions setXmlErrorSerialization(boolean value) {
        xmlErrorSerialization = value;
        return this;
    }

    /**
     * Returns {@link #xmlErrorSerialization}.
     *
     * <p>Falcon 4.0: {@code resp_options.xml_error_serialization}.
     *
     * @return whether the default error serializer may write errors as XML
     */
    public boolean isXmlErrorSerialization() {
        return xmlErrorSerialization;
    }

    /**
     * Returns {@link #staticMediaTypes}, the map itself (changes to it apply).
     *
     * @return the Content-Type of static files by extension
     */
    public Map<String, String> getStaticMediaTypes() {
        return staticMediaTypes;
    }

    /**
     * Returns the response media handlers.
     *
     * @return {@link #mediaHandlers}, the object itself (changes to it apply)
     */
    public Handlers getMediaHandlers() {
        return mediaHandlers;
    }
}
