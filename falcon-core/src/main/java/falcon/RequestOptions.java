package falcon;

import falcon.media.Handlers;
import falcon.media.MediaValidator;

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

    /**
     * Checks media read into a type ({@code req.getMedia(Order.class)}), or {@code null} (the
     * default) for none. Module {@code falcon-validation} provides Jakarta Bean Validation.
     */
    public MediaValidator mediaValidator;

    /** Creates the options with their defaults. */
    public RequestOptions() {
    }

    /**
     * Sets {@link #mediaValidator}.
     *
     * @param value the validator of typed media, or {@code null} for none
     * @return these options
     */
    public RequestOptions setMediaValidator(MediaValidator value) {
        mediaValidator = value;
        return this;
    }

    /**
     * Returns {@link #keepBlankQsValues}.
     *
     * @return whether blank query values are kept
     */
    public boolean isKeepBlankQsValues() {
        return keepBlankQsValues;
    }

    /**
     * Sets {@link #keepBlankQsValues}.
     *
     * @param value whether to keep blank query values
     * @return these options
     */
    public RequestOptions setKeepBlankQsValues(boolean value) {
        keepBlankQsValues = value;
        return this;
    }

    /**
     * Sets {@link #autoParseFormUrlencoded}.
     *
     * @param value whether to merge URL-encoded form bodies into the query parameters
     * @return these options
     */
    public RequestOptions setAutoParseFormUrlencoded(boolean value) {
        autoParseFormUrlencoded = value;
        return this;
    }

    /**
     * Sets {@link #autoParseQsCsv}.
     *
     * @param value whether to split query values on unencoded commas
     * @return these options
     */
    public RequestOptions setAutoParseQsCsv(boolean value) {
        autoParseQsCsv = value;
        return this;
    }

    /**
     * Sets {@link #stripUrlPathTrailingSlash}.
     *
     * @param value whether to remove a trailing {@code /} from the path
     * @return these options
     */
    public RequestOptions setStripUrlPathTrailingSlash(boolean value) {
        stripUrlPathTrailingSlash = value;
        return this;
    }

    /**
     * Sets {@link #defaultMediaType}.
     *
     * @param value the media type assumed for bodies without Content-Type
     * @return these options
     */
    public RequestOptions setDefaultMediaType(String value) {
        defaultMediaType = value;
        return this;
    }

    /**
     * Returns the request media handlers.
     *
     * @return {@link #mediaHandlers}, the object itself (changes to it apply)
     */
    public Handlers getMediaHandlers() {
        return mediaHandlers;
    }
}
