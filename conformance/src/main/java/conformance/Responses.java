package conformance;

import static conformance.Py.FIXED_DT;
import static conformance.Py.FIXED_DT_2;
import static conformance.Py.dict;

import falcon.HTTPBadRequest;
import falcon.HTTPNotFound;
import falcon.Request;
import falcon.Response;
import falcon.Status;
import falcon.media.Handlers;
import falcon.util.ETag;
import java.io.ByteArrayInputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** app.py's "responses" and "cookies" sections. */
final class Responses {

    private Responses() {
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    /**
     * Feature: resp.text / resp.data / resp.stream / set_stream / empty body and their precedence
     * (text > data > media; stream only when none is set).
     */
    static class RespBody {
        public void onGet(Request req, Response resp, String kind) {
            if (kind.equals("text")) {
                resp.setText("hello text");
            } else if (kind.equals("text-plain")) {
                resp.setContentType(Handlers.MEDIA_TEXT);
                resp.setText("hello plain \u00e9");
            } else if (kind.equals("html")) {
                resp.setContentType(Handlers.MEDIA_HTML);
                resp.setText("<p>hi</p>");
            } else if (kind.equals("data")) {
                resp.setContentType("application/octet-stream");
                resp.setData(bytes("\u0000\u0001\u0002binary\u00ff"));
            } else if (kind.equals("stream")) {
                resp.setContentType(Handlers.MEDIA_TEXT);
                resp.setStream(new ByteArrayInputStream(bytes("streamed body")), 13);
            } else if (kind.equals("stream-nolen")) {
                resp.setContentType(Handlers.MEDIA_TEXT);
                resp.setStream(new ByteArrayInputStream(bytes("streamed without length")));
            } else if (kind.equals("stream-iter")) {
                resp.setContentType(Handlers.MEDIA_TEXT);
                // Falcon: resp.stream = [b'chunk-1;', ...] (an iterable of chunks); Java streams
                // are InputStreams, so the chunks are one SequenceInputStream.
                resp.setStream(new SequenceInputStream(Collections.enumeration(List.of(
                        new ByteArrayInputStream(bytes("chunk-1;")),
                        new ByteArrayInputStream(bytes("chunk-2;")),
                        new ByteArrayInputStream(bytes("chunk-3"))))));
            } else if (kind.equals("stream-explicit-length")) {
                resp.setContentType(Handlers.MEDIA_TEXT);
                resp.setContentLength(5);
                resp.setStream(new ByteArrayInputStream(bytes("12345")));
            } else if (kind.equals("text-and-data")) {
                resp.setText("text wins");
                resp.setData(bytes("data loses"));
            } else if (kind.equals("data-and-media")) {
                resp.setData(bytes("data wins"));
                resp.setMedia(dict("media", "loses"));
            } else if (kind.equals("media-and-stream")) {
                resp.setMedia(dict("media", "wins"));
                resp.setStream(new ByteArrayInputStream(bytes("stream loses")));
            } else if (kind.equals("empty-data-and-stream")) {
                resp.setData(new byte[0]);
                resp.setStream(new ByteArrayInputStream(bytes("stream loses to empty data")));
            } else if (kind.equals("empty")) {
                // pass
            } else if (kind.equals("explicit-length")) {
                resp.setText("abc");
                resp.setContentLength(100);
            } else {
                throw new HTTPNotFound();
            }
        }
    }

    /**
     * Feature: resp.status from an int, from a Status.HTTP_* constant, unusual codes, and
     * bodiless statuses (204/304 drop body and Content-Type).
     */
    static class RespStatus {
        public void onGet(Request req, Response resp, int code) {
            resp.setStatus(code);
            resp.setContentType(Handlers.MEDIA_TEXT);
            resp.setText("status body");
        }

        public void onHead(Request req, Response resp, int code) {
            onGet(req, resp, code);
        }

        public void onPost(Request req, Response resp, int code) {
            resp.setStatus(Status.HTTP_202);
            resp.setMedia(dict("accepted", code));
        }
    }

    /** Feature: header helpers and header properties on the response. */
    static class RespHeaders {
        public void onGet(Request req, Response resp) {
            resp.setHeader("X-Set", "one");
            resp.setHeader("x-set", "two");
            resp.appendHeader("X-Append", "a");
            resp.appendHeader("X-Append", "b");
            Map<String, String> dictHeaders = new LinkedHashMap<>();
            dictHeaders.put("X-Dict-1", "d1");
            dictHeaders.put("X-Dict-2", "d2");
            resp.setHeaders(dictHeaders);
            resp.setHeaders(List.of(Map.entry("X-List-1", "l1"), Map.entry("X-List-2", "l2")));
            resp.setHeader("X-Deleted", "gone");
            resp.deleteHeader("x-deleted");
            resp.deleteHeader("X-Never-Set");
            resp.setLocation("/somewhere/else?x=1");
            resp.setContentLocation("/content/here");
            resp.setCacheControl(List.of("no-cache", "max-age=0", "must-revalidate"));
            resp.setVary(List.of("Accept", "Accept-Encoding"));
            resp.setAcceptRanges("bytes");
            resp.setLastModified(FIXED_DT_2);
            resp.setExpires(FIXED_DT);
            resp.setRetryAfter(120);
            resp.setEtag("v1-etag");
            resp.setMedia(dict(
                    "get_x_set", resp.getHeader("X-Set"),
                    "get_missing", resp.getHeader("X-Missing", "none"),
                    "get_append", resp.getHeader("x-append")));
        }
    }

    /** Feature: resp.etag quoting rules (value echoed from ?v=). */
    static class RespEtag {
        public void onGet(Request req, Response resp) {
            resp.setEtag(req.getParam("v", true));
            resp.setText("etag");
        }
    }

    /** Feature: Content-Range formatting, with an optional custom unit. */
    static class RespContentRange {
        public void onGet(Request req, Response resp) {
            int start = req.getParamAsInt("start", true);
            int end = req.getParamAsInt("end", true);
            int length = req.getParamAsInt("length", true);
            String unit = req.getParam("unit");
            if (unit == null) {
                resp.setContentRange(start, end, length);
            } else {
                resp.setContentRange(start, end, length, unit);
            }
            resp.setStatus(Status.HTTP_206);
            resp.setText("partial");
        }
    }

    /** Feature: downloadable_as / viewable_as (Content-Disposition, ASCII and non-ASCII names). */
    static class RespDisposition {
        public void onGet(Request req, Response resp, String kind) {
            String name = req.getParam("name", true);
            if (kind.equals("download")) {
                resp.setDownloadableAs(name);
            } else {
                resp.setViewableAs(name);
            }
            resp.setContentType(Handlers.MEDIA_TEXT);
            resp.setText("file contents");
        }
    }

    /** Feature: Link header via append_link. */
    static class RespLink {
        public void onGet(Request req, Response resp) {
            resp.appendLink("/things?page=2", "next");
            resp.appendLink("/things?page=1", "prev", "Previous page", null, null, null, "application/json", null);
            resp.appendLink("/other", "alternate", null, null, "/anchor path", List.of("de"), null, "anonymous");
            resp.appendLink("/creds", "preload", null, new String[] {"en", "T\u00eftle"}, null, null, null,
                    "use-credentials");
            resp.setText("links");
        }
    }

    /**
     * Feature: conditional GET by hand: If-None-Match match -> 304 (no body, ETag kept),
     * otherwise 200 with ETag.
     */
    static class RespConditional {
        public void onGet(Request req, Response resp) {
            resp.setEtag("\"abc123\"");
            resp.setLastModified(FIXED_DT_2);
            boolean matched = false;
            if (req.getIfNoneMatch() != null) {
                for (ETag tag : req.getIfNoneMatch()) {
                    if (tag.value().equals("*") || tag.value().equals("abc123")) {
                        matched = true;
                    }
                }
            }
            if (matched) {
                resp.setStatus(Status.HTTP_304);
                resp.setText("this body must not be sent");
            } else {
                resp.setText("fresh body");
            }
        }
    }

    /**
     * Feature: resp.context / req.context carry values between steps (here a helper method);
     * HEAD mirrors GET.
     */
    static class RespContext {
        public void onGet(Request req, Response resp) {
            req.getContext().put("user", "ctx-user");
            resp.getContext().put("note", "ctx-note");
            finish(req, resp);
        }

        void finish(Request req, Response resp) {
            resp.setMedia(dict("user", req.getContext().get("user"), "note", resp.getContext().get("note"),
                    "has_other", req.getContext().containsKey("other")));
        }
    }

    /**
     * Feature: setting Set-Cookie through set_header is not allowed (HeaderNotSupported ->
     * unhandled exception -> generic handler).
     */
    static class RespBadHeader {
        public void onGet(Request req, Response resp) {
            resp.setHeader("Set-Cookie", "a=b");
        }
    }

    /**
     * Feature: set_cookie/unset_cookie with every attribute; attribute order and spelling come
     * from Python's http.cookies (sorted attribute names).
     */
    static class CookieSetter {
        public void onGet(Request req, Response resp, String kind) {
            if (kind.equals("basic")) {
                resp.setCookie("session", "abc123");
            } else if (kind.equals("full")) {
                resp.setCookie("full", "v", FIXED_DT, 3600, "example.test", "/app", true, true, "Strict");
            } else if (kind.equals("insecure")) {
                resp.setCookie("plain", "p", null, null, null, null, false, false, "lax");
            } else if (kind.equals("samesite-none")) {
                resp.setCookie("cross", "c", null, null, null, null, null, true, "None");
            } else if (kind.equals("multi")) {
                resp.setCookie("first", "1");
                resp.setCookie("second", "2", null, null, null, "/", null, true, null);
                resp.setCookie("first", "one-again");
                resp.setCookie("third", "3", null, 60, null, null, null, true, null);
            } else if (kind.equals("unset")) {
                resp.unsetCookie("gone");
            } else if (kind.equals("unset-scoped")) {
                resp.unsetCookie("gone", "example.test", "/scoped");
            } else if (kind.equals("set-then-unset")) {
                resp.setCookie("flip", "on");
                resp.unsetCookie("flip");
            } else if (kind.equals("quoted")) {
                resp.setCookie("q", "a b;c\"d", null, null, null, null, false, false, null);
            } else if (kind.equals("special")) {
                resp.setCookie("sp", "x=y/z:w", null, null, null, null, false, false, null);
            } else if (kind.equals("empty")) {
                resp.setCookie("empty", "", null, null, null, null, false, false, null);
            } else if (kind.equals("max-age-zero")) {
                resp.setCookie("mz", "v", null, 0, null, null, false, true, null);
            } else if (kind.equals("with-error")) {
                resp.setCookie("kept", "yes");
                throw new HTTPBadRequest("cookie then error", null);
            } else {
                throw new HTTPNotFound();
            }
            resp.setText("cookies:" + kind);
        }
    }
}
