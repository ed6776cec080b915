package conformance;

import static conformance.Py.dict;
import static conformance.Py.list;

import falcon.Request;
import falcon.Response;
import falcon.Sink;
import falcon.Status;
import falcon.media.Handlers;
import falcon.routing.FieldName;
import falcon.routing.RouteParams;
import java.time.LocalDateTime;
import java.util.UUID;

/** app.py's "routing" section: resources for templates, converters, methods, and sinks. */
final class Routing {

    private Routing() {
    }

    /**
     * Feature: root route, plain text body (note: default content type stays application/json
     * even for resp.text).
     */
    static class RootResource {
        public void onGet(Request req, Response resp) {
            resp.setText("root");
        }
    }

    /**
     * Feature: static route; GET/POST only -> PUT/DELETE give 405 with Allow; default OPTIONS
     * responder; POST answers 201 + Location.
     */
    static class ThingsCollection {
        public void onGet(Request req, Response resp) {
            resp.setMedia(dict("things", list("a", "b"), "uri_template", req.getUriTemplate()));
        }

        public void onPost(Request req, Response resp) {
            resp.setStatus(Status.HTTP_201);
            resp.setLocation("/things/new-thing");
            resp.setMedia(dict("created", true));
        }
    }

    /** Feature: templated route with one field; PUT and DELETE (204) responders. */
    static class ThingItem {
        public void onGet(Request req, Response resp, @FieldName("thing_id") String thingId) {
            resp.setMedia(dict("thing_id", thingId, "uri_template", req.getUriTemplate(), "path", req.getPath()));
        }

        public void onPut(Request req, Response resp, @FieldName("thing_id") String thingId) {
            resp.setMedia(dict("updated", thingId));
        }

        public void onDelete(Request req, Response resp, @FieldName("thing_id") String thingId) {
            resp.setStatus(Status.HTTP_204);
        }
    }

    /** Feature: a literal segment wins over a variable segment at the same level. */
    static class ThingSpecial {
        public void onGet(Request req, Response resp) {
            resp.setMedia(dict("special", true, "uri_template", req.getUriTemplate()));
        }
    }

    /** Feature: two templated segments. */
    static class ThingPart {
        public void onGet(Request req, Response resp, @FieldName("thing_id") String thingId,
                @FieldName("part_id") String partId) {
            resp.setMedia(dict("thing_id", thingId, "part_id", partId, "uri_template", req.getUriTemplate()));
        }
    }

    /**
     * Feature: several fields in one segment ("{name}.{ext}", "{start}-{end}"), and a field
     * wrapped by literal text in one segment.
     */
    static class FileNameResource {
        public void onGet(Request req, Response resp, String name, String ext) {
            resp.setMedia(dict("name", name, "ext", ext));
        }
    }

    /** Feature: two fields split by a dash in one segment (greedy split). */
    static class SpanResource {
        public void onGet(Request req, Response resp, String start, String end) {
            resp.setMedia(dict("start", start, "end", end));
        }
    }

    /** Feature: a field wrapped by literal text inside one segment. */
    static class WrappedFieldResource {
        public void onGet(Request req, Response resp, String mid) {
            resp.setMedia(dict("mid", mid));
        }
    }

    /**
     * Feature: int converter (plain, num_digits, min/max). Values are echoed with the converted
     * type (int stays a JSON number).
     */
    static class IntConverterResource {
        public void onGet(Request req, Response resp, Object n) {
            resp.setMedia(dict("n", n, "uri_template", req.getUriTemplate()));
        }
    }

    /** Feature: uuid converter; the value is echoed in canonical form. */
    static class UuidConverterResource {
        public void onGet(Request req, Response resp, UUID id) {
            resp.setMedia(dict("id", id.toString()));
        }
    }

    /** Feature: dt converter (default and custom strptime format). */
    static class DtConverterResource {
        public void onGet(Request req, Response resp, LocalDateTime when) {
            resp.setMedia(dict("when", Py.isoformat(when)));
        }
    }

    /**
     * Feature: suffixed responders: the same instance is added twice, the second time with
     * suffix "item" so onGetItem/onDeleteItem serve /items/{item_id}.
     */
    static class ItemsResource {
        public void onGet(Request req, Response resp) {
            resp.setMedia(dict("items", list(1, 2, 3)));
        }

        public void onPost(Request req, Response resp) {
            resp.setStatus(Status.HTTP_201);
            resp.setMedia(dict("created", "item"));
        }

        public void onGetItem(Request req, Response resp, @FieldName("item_id") String itemId) {
            resp.setMedia(dict("item_id", itemId));
        }

        public void onDeleteItem(Request req, Response resp, @FieldName("item_id") String itemId) {
            resp.setStatus(Status.HTTP_204);
        }
    }

    /** Feature: only onGet -> HEAD, POST, PROPFIND... are 405; unknown method 400. */
    static class GetOnlyResource {
        public void onGet(Request req, Response resp) {
            resp.setText("get only");
            resp.setContentType(Handlers.MEDIA_TEXT);
        }
    }

    /**
     * Feature: every standard responder, HEAD that delegates to GET (Falcon keeps Content-Length
     * and drops the body), custom OPTIONS, WebDAV PROPFIND.
     */
    static class AllMethodsResource {
        public void onGet(Request req, Response resp) {
            resp.setContentType(Handlers.MEDIA_TEXT);
            resp.setText("method=" + req.getMethod());
        }

        public void onHead(Request req, Response resp) {
            onGet(req, resp);
        }

        public void onPost(Request req, Response resp) {
            resp.setText("method=" + req.getMethod());
            resp.setContentType(Handlers.MEDIA_TEXT);
        }

        public void onPut(Request req, Response resp) {
            resp.setText("method=" + req.getMethod());
            resp.setContentType(Handlers.MEDIA_TEXT);
        }

        public void onPatch(Request req, Response resp) {
            resp.setText("method=" + req.getMethod());
            resp.setContentType(Handlers.MEDIA_TEXT);
        }

        public void onDelete(Request req, Response resp) {
            resp.setText("method=" + req.getMethod());
            resp.setContentType(Handlers.MEDIA_TEXT);
        }

        public void onOptions(Request req, Response resp) {
            resp.setHeader("Allow", "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS, PROPFIND");
            resp.setHeader("X-Custom-Options", "yes");
            resp.setStatus(Status.HTTP_204);
        }

        public void onPropfind(Request req, Response resp) {
            resp.setStatus(Status.HTTP_207);
            resp.setContentType("application/xml");
            resp.setText("<multistatus/>");
        }
    }

    /**
     * Feature: sinks. The kind sink is registered with a regex prefix that has a named group
     * (passed to the sink in its params); the proxy sink uses a plain string prefix. Sinks answer
     * any HTTP method and are only consulted when no route matched. Regex prefixes use re.match
     * semantics (anchored at the start, not at the end).
     */
    static class KindSink implements Sink {
        @Override
        public void handle(Request req, Response resp, RouteParams params) {
            resp.setMedia(dict("sink", "kind", "kind", params.get("kind"), "method", req.getMethod(),
                    "path", req.getPath()));
        }
    }

    /** Feature: sink with a plain string prefix (any method, query string kept). */
    static class ProxySink implements Sink {
        @Override
        public void handle(Request req, Response resp, RouteParams params) {
            resp.setMedia(dict("sink", "proxy", "method", req.getMethod(), "path", req.getPath(),
                    "query_string", req.getQueryString()));
        }
    }

    /** Feature: sink that overlaps a static route (sink_before_static_route). */
    static class StaticShadowSink implements Sink {
        @Override
        public void handle(Request req, Response resp, RouteParams params) {
            resp.setMedia(dict("sink", "shadow", "path", req.getPath()));
        }
    }
}
