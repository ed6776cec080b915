package conformance;

import static conformance.Py.dict;

import falcon.ErrorSerializer;
import falcon.HTTPForbidden;
import falcon.Request;
import falcon.Response;
import falcon.media.Handlers;

/** app.py's "options app (app_opts)" section. */
final class Opts {

    private Opts() {
    }

    /**
     * Feature: params under keep_blank_qs_values=False, auto_parse_qs_csv=True,
     * auto_parse_form_urlencoded=True (form fields merged into req.params).
     */
    static class OptsParams {
        public void onGet(Request req, Response resp) {
            resp.setMedia(dict("params", req.getParams(), "path", req.getPath(), "list_a", req.getParamAsList("a")));
        }

        public void onPost(Request req, Response resp) {
            resp.setMedia(dict("params", req.getParams(), "path", req.getPath(), "content_type", req.getContentType()));
        }
    }

    /** Feature: strip_url_path_trailing_slash=True. */
    static class OptsPath {
        public void onGet(Request req, Response resp) {
            resp.setMedia(dict("path", req.getPath(), "uri_template", req.getUriTemplate()));
        }
    }

    /** Feature: templated route under strip_url_path_trailing_slash=True. */
    static class OptsPathSegment {
        public void onGet(Request req, Response resp, String seg) {
            resp.setMedia(dict("path", req.getPath(), "seg", seg, "uri_template", req.getUriTemplate()));
        }
    }

    /** Feature: auto_parse_form_urlencoded consumes the body: get_media() then sees an empty form. */
    static class OptsFormMedia {
        public void onPost(Request req, Response resp) {
            resp.setMedia(dict("params", req.getParams(), "media", req.getMedia()));
        }
    }

    /** Feature: secure_cookies_by_default=False. */
    static class OptsCookie {
        public void onGet(Request req, Response resp) {
            resp.setCookie("relaxed", "yes");
            resp.setText("cookie");
        }
    }

    /** Feature: errors rendered by the custom error serializer. */
    static class OptsError {
        public void onGet(Request req, Response resp) {
            throw new HTTPForbidden("Opts forbidden", "custom serializer");
        }

        public void onPost(Request req, Response resp) {
            // Python's ValueError('unhandled in opts app').
            throw new IllegalArgumentException("unhandled in opts app");
        }
    }

    /** app.py's {@code plain_text_error_serializer}: always plain text, "title: description". */
    static final ErrorSerializer PLAIN_TEXT_ERROR_SERIALIZER = (req, resp, exception) -> {
        resp.setContentType(Handlers.MEDIA_TEXT);
        String text = exception.getTitle();
        if (exception.getDescription() != null) {
            text = text + ": " + exception.getDescription();
        }
        resp.setText(text);
        resp.appendHeader("Vary", "Accept");
    };
}
