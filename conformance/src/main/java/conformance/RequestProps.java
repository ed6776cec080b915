package conformance;

import static conformance.Py.dict;
import static conformance.Py.isoOrNone;

import falcon.Forwarded;
import falcon.Request;
import falcon.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** app.py's "request headers and request properties" section. */
final class RequestProps {

    private RequestProps() {
    }

    /** Feature: basic request properties derived from the request line and Host. */
    static class ReqBasic {
        @SuppressWarnings("deprecation") // req.app: deprecated in Falcon 3.1.1 too, and in app.py's answer
        public void onGet(Request req, Response resp) {
            Map<String, Object> media = new LinkedHashMap<>();
            media.put("method", req.getMethod());
            media.put("uri", req.getUri());
            media.put("url", req.getUrl());
            media.put("relative_uri", req.getRelativeUri());
            media.put("path", req.getPath());
            media.put("query_string", req.getQueryString());
            media.put("host", req.getHost());
            media.put("port", req.getPort());
            media.put("netloc", req.getNetloc());
            media.put("scheme", req.getScheme());
            media.put("prefix", req.getPrefix());
            media.put("app", req.getApp());
            media.put("root_path", req.getRootPath());
            media.put("subdomain", req.getSubdomain());
            media.put("uri_template", req.getUriTemplate());
            media.put("content_type", req.getContentType());
            media.put("content_length", req.getContentLength());
            media.put("user_agent", req.getUserAgent());
            media.put("referer", req.getReferer());
            media.put("accept", req.getAccept());
            media.put("expect", req.getExpect());
            media.put("auth", req.getAuth());
            media.put("is_websocket", req.isWebsocket());
            resp.setMedia(media);
        }

        public void onPost(Request req, Response resp) {
            onGet(req, resp);
        }

        public void onPut(Request req, Response resp) {
            onGet(req, resp);
        }

        public void onDelete(Request req, Response resp) {
            onGet(req, resp);
        }

        public void onPatch(Request req, Response resp) {
            onGet(req, resp);
        }
    }

    /** Feature: Forwarded / X-Forwarded-* handling. */
    static class ReqForwarded {
        public void onGet(Request req, Response resp) {
            List<Object> hops = null;
            if (req.getForwarded() != null) {
                hops = new ArrayList<>();
                for (Forwarded hop : req.getForwarded()) {
                    hops.add(dict("src", hop.getSrc(), "dest", hop.getDest(), "host", hop.getHost(),
                            "scheme", hop.getScheme()));
                }
            }
            resp.setMedia(dict(
                    "forwarded", hops,
                    "forwarded_host", req.getForwardedHost(),
                    "forwarded_scheme", req.getForwardedScheme(),
                    "forwarded_uri", req.getForwardedUri(),
                    "forwarded_prefix", req.getForwardedPrefix(),
                    "scheme", req.getScheme(),
                    "host", req.getHost()));
        }
    }

    /** Feature: conditional request headers (entity tags and HTTP dates). */
    static class ReqConditional {
        public void onGet(Request req, Response resp) {
            resp.setMedia(dict(
                    "if_match", Py.etagsToList(req.getIfMatch()),
                    "if_none_match", Py.etagsToList(req.getIfNoneMatch()),
                    "if_modified_since", isoOrNone(req.getIfModifiedSince()),
                    "if_unmodified_since", isoOrNone(req.getIfUnmodifiedSince()),
                    "if_range", req.getIfRange(),
                    "date", isoOrNone(req.getDate())));
        }
    }

    /** Feature: Range header parsing. */
    static class ReqRange {
        public void onGet(Request req, Response resp) {
            resp.setMedia(dict("range", Py.rangeToList(req.getRange()), "range_unit", req.getRangeUnit()));
        }
    }

    /**
     * Feature: req.headers (upper-cased names), get_header (case-insensitive, default),
     * duplicated headers as folded by the server.
     */
    static class ReqHeaders {
        public void onPost(Request req, Response resp) {
            onGet(req, resp);
        }

        public void onGet(Request req, Response resp) {
            Map<String, Object> picked = new LinkedHashMap<>();
            List<String> names = req.getParamAsList("name");
            if (names != null) {
                for (String name : names) {
                    picked.put(name, req.getHeader(name));
                }
            }
            resp.setMedia(dict(
                    "headers", req.getHeaders(),
                    "picked", picked,
                    "with_default", req.getHeader("X-Not-There", "fallback")));
        }
    }

    /** Feature: get_header(required=True) -> HTTPMissingHeader. */
    static class ReqRequiredHeader {
        public void onGet(Request req, Response resp) {
            resp.setMedia(dict("api_key", req.getHeader("X-Api-Key", true)));
        }
    }

    /** Feature: get_header_as_datetime -> HTTPInvalidHeader on a bad date. */
    static class ReqDateHeader {
        public void onGet(Request req, Response resp) {
            resp.setMedia(dict("when", isoOrNone(req.getHeaderAsDatetime("X-When", true))));
        }
    }

    /** Feature: content negotiation helpers. */
    static class ReqAccept {
        public void onGet(Request req, Response resp) {
            resp.setMedia(dict(
                    "accept", req.getAccept(),
                    "json", req.clientAcceptsJson(),
                    "xml", req.clientAcceptsXml(),
                    "msgpack", req.clientAcceptsMsgpack(),
                    "html", req.clientAccepts("text/html"),
                    "text_plain", req.clientAccepts("text/plain"),
                    "prefers", req.clientPrefers(List.of("application/json", "text/html", "application/xml")),
                    "prefers_text", req.clientPrefers(List.of("text/plain"))));
        }
    }

    /**
     * Feature: request cookies (req.cookies keeps the first value of a repeated name,
     * get_cookie_values returns all of them).
     */
    static class ReqCookies {
        public void onGet(Request req, Response resp) {
            resp.setMedia(dict(
                    "cookies", req.getCookies(),
                    "a_values", req.getCookieValues("a"),
                    "missing_values", req.getCookieValues("missing")));
        }
    }
}
