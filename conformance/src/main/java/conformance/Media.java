package conformance;

import static conformance.Py.dict;
import static conformance.Py.list;

import falcon.HTTPNotFound;
import falcon.Request;
import falcon.Response;
import falcon.media.BodyPart;
import falcon.media.Handlers;
import falcon.media.MultipartForm;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** app.py's "media (request bodies) and resp.media serialization" section. */
final class Media {

    private Media() {
    }

    /**
     * Feature: req.get_media() / req.media with the default handlers (JSON, URL-encoded,
     * multipart); content type resolution (missing -> default media type, unsupported -> 415,
     * empty -> 400, malformed -> 400).
     */
    static class MediaEcho {
        public void onPost(Request req, Response resp) {
            resp.setMedia(dict("received", req.getMedia()));
        }

        public void onPut(Request req, Response resp) {
            // Falcon's req.media property is get_media(); Java has the one method.
            resp.setMedia(dict("received", req.getMedia()));
        }
    }

    /** Feature: get_media(default_when_empty=...). */
    static class MediaDefault {
        public void onPost(Request req, Response resp) {
            resp.setMedia(dict("received", req.getMedia(dict("empty", true))));
        }
    }

    /** Feature: the parsed media (or the error) is cached; a second call returns the same value. */
    static class MediaTwice {
        public void onPost(Request req, Response resp) {
            Object first = req.getMedia();
            Object second = req.getMedia();
            resp.setMedia(dict("first", first, "second", second, "same", Objects.equals(first, second)));
        }
    }

    /**
     * Feature: multipart/form-data parts: name, filename, secure_filename, content_type, text
     * (None when not UTF-8) and byte size; JSON parts via part.get_media().
     */
    static class MultipartEcho {
        public void onPost(Request req, Response resp) {
            MultipartForm form = (MultipartForm) req.getMedia();
            List<Object> parts = new ArrayList<>();
            for (BodyPart part : form) {
                byte[] data = part.getData();
                String text = null;
                try {
                    text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(data)).toString();
                } catch (CharacterCodingException ex) {
                    text = null;
                }
                Map<String, Object> entry = dict(
                        "name", part.getName(),
                        "filename", part.getFilename(),
                        "content_type", part.getContentType(),
                        "size", data.length,
                        "text", text);
                if (part.getFilename() != null) {
                    entry.put("secure_filename", part.getSecureFilename());
                }
                parts.add(entry);
            }
            resp.setMedia(dict("parts", parts));
        }
    }

    /** Feature: multipart parts via part.get_media() (JSON) and part.get_text(). */
    static class MultipartMedia {
        public void onPost(Request req, Response resp) {
            MultipartForm form = (MultipartForm) req.getMedia();
            Map<String, Object> values = new LinkedHashMap<>();
            for (BodyPart part : form) {
                if (part.getContentType() != null && part.getContentType().startsWith("application/json")) {
                    values.put(part.getName(), part.getMedia());
                } else {
                    values.put(part.getName(), part.getText());
                }
            }
            resp.setMedia(dict("values", values));
        }
    }

    /**
     * Feature: raw body through req.bounded_stream (chunked bodies included), echoed back as
     * resp.data with the request content type.
     */
    static class RawBody {
        public void onPost(Request req, Response resp) throws IOException {
            byte[] data = req.getBoundedStream().readAllBytes();
            resp.setData(data);
            resp.setContentType("application/octet-stream");
            resp.setHeader("X-Body-Length", String.valueOf(data.length));
            if (req.getContentLength() == null) {
                resp.setHeader("X-Content-Length", "none");
            } else {
                resp.setHeader("X-Content-Length", String.valueOf(req.getContentLength()));
            }
        }
    }

    /**
     * Feature: resp.media serialization per content type; JSON of several value kinds (non-ASCII
     * stays UTF-8), URL-encoded output, and an unsupported response media type.
     */
    static class MediaOut {
        public void onGet(Request req, Response resp, String kind) {
            if (kind.equals("object")) {
                resp.setMedia(dict("a", 1, "b", list(true, false, null), "c", dict("d", "e")));
            } else if (kind.equals("list")) {
                resp.setMedia(list(1, "two", 3.5));
            } else if (kind.equals("string")) {
                resp.setMedia("just a string");
            } else if (kind.equals("number")) {
                resp.setMedia(12345);
            } else if (kind.equals("null")) {
                resp.setMedia(null);
            } else if (kind.equals("unicode")) {
                resp.setMedia(dict("text", "caf\u00e9 \u2603 \uD83D\uDE00", "escape", "quote \" backslash \\ tab \t"));
            } else if (kind.equals("form")) {
                resp.setContentType(Handlers.MEDIA_URLENCODED);
                resp.setMedia(dict("a", "1", "b", list("x", "y"), "c", "sp ace&amp"));
            } else if (kind.equals("unsupported")) {
                resp.setContentType("text/csv");
                resp.setMedia(dict("a", 1));
            } else if (kind.equals("json-charset")) {
                resp.setContentType("application/json; charset=utf-8");
                resp.setMedia(dict("charset", true));
            } else {
                throw new HTTPNotFound(null, "unknown media kind");
            }
        }
    }
}
