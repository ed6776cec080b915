package falcon;

import falcon.media.Handlers;

/**
 * Options for how the App reads requests; shared by all requests of an App.
 *
 * <p>Falcon: {@code falcon.RequestOptions} ({@code app.req_options}).
 */
public class RequestOptions {

    /** Whether {@code ?a=} and {@code ?a} keep {@code a} as an empty value. Default true. */
    public boolean keepBlankQsValues = true;

    /** Whether URL-encoded form bodies are merged into the query parameters. Default false. */
    public boolean autoParseFormUrlencoded = false;

    /** Whether query values are split on unencoded commas. Default false. */
    public boolean autoParseQsCsv = false;

    /** Whether a trailing {@code /} is removed from the path before routing. Default false. */
    public boolean stripUrlPathTrailingSlash = false;

    /** The media type assumed for bodies without Content-Type (or with {@code *}{@code /*}). */
    public String defaultMediaType = Handlers.MEDIA_JSON;

    /** The handlers for request media. */
    public Handlers mediaHandlers = new Handlers();

    /** Returns {@link #keepBlankQsValues}. */
    public boolean isKeepBlankQsValues() {
        return keepBlankQsValues;
    }

    /** Sets {@link #keepBlankQsValues}. */
    public RequestOptions setKeepBlankQsValues(boolean value) {
        keepBlankQsValues = value;
        return this;
    }

    /** Sets {@link #autoParseFormUrlencoded}. */
    public RequestOptions setAutoParseFormUrlencoded(boolean value) {
        autoParseFormUrlencoded = value;
        return this;
    }

    /** Sets {@link #autoParseQsCsv}. */
    public RequestOptions setAutoParseQsCsv(boolean value) {
        autoParseQsCsv = value;
        return this;
    }

    /** Sets {@link #stripUrlPathTrailingSlash}. */
    public RequestOptions setStripUrlPathTrailingSlash(boolean value) {
        stripUrlPathTrailingSlash = value;
        return this;
    }

    /** Sets {@link #defaultMediaType}. */
    public RequestOptions setDefaultMediaType(String value) {
        defaultMediaType = value;
        return this;
    }

    /** Returns the request media handlers. */
    public Handlers getMediaHandlers() {
        return mediaHandlers;
    }
}
