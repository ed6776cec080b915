package falcon;

import falcon.media.Handlers;

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

    /** Sets {@link #secureCookiesByDefault}. */
    public ResponseOptions setSecureCookiesByDefault(boolean value) {
        secureCookiesByDefault = value;
        return this;
    }

    /** Sets {@link #defaultMediaType}. */
    public ResponseOptions setDefaultMediaType(String value) {
        defaultMediaType = value;
        return this;
    }

    /** Returns the response media handlers. */
    public Handlers getMediaHandlers() {
        return mediaHandlers;
    }
}
