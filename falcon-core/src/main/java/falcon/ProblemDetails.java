package falcon;

import falcon.media.BaseHandler;
import falcon.media.Handlers;
import falcon.media.JSONHandler;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * RFC 9457 problem details for the default error serializer, when {@link
 * ResponseOptions#problemDetails} is on: {@code application/problem+json}, or {@code
 * application/problem+xml} for a client that prefers XML (Falcon #157 asks for it; Falcon has none).
 */
final class ProblemDetails {

    /**
     * The JSON family last: {@code clientPrefers}, as Falcon 3.1's, gives a tie to the later type,
     * so JSON answers a missing Accept or {@code *}{@code /*}.
     */
    private static final List<String> TYPES = List.of("text/xml", "application/xml",
            "application/problem+xml", "application/json", "application/problem+json");

    static final String PROBLEM_JSON = "application/problem+json";
    static final String PROBLEM_XML = "application/problem+xml";

    private ProblemDetails() {
    }

    static void serialize(Request req, Response resp, HTTPError error) {
        Handlers handlers = resp.getOptions().mediaHandlers;
        String preferred = req.clientPrefers(Pipeline.errorTypes(handlers, TYPES));
        boolean xml;
        if (preferred != null && !TYPES.contains(preferred)) {
            // Another registered type, e.g. MessagePack: the same members, in that type.
            byte[] body = Pipeline.serializeWith(handlers, members(req, error), preferred);
            if (body != null) {
                resp.setData(body);
                resp.setContentType(preferred);
            }
            resp.appendHeader("vary", "Accept");
            return;
        }
        if (preferred != null) {
            xml = preferred.endsWith("xml");
        } else {
            // As Falcon's serializer: a structured-syntax suffix names the family.
            String accept = req.getAccept().toLowerCase(Locale.ROOT);
            if (accept.contains("+json")) {
                xml = false;
            } else if (accept.contains("+xml")) {
                xml = true;
            } else {
                resp.appendHeader("vary", "Accept");
                return;
            }
        }
        Map<String, Object> problem = members(req, error);
        if (xml) {
            resp.setData(toXml(problem));
            resp.setContentType(PROBLEM_XML);
        } else {
            resp.setData(json(resp).serialize(problem, PROBLEM_JSON));
            resp.setContentType(PROBLEM_JSON);
        }
        resp.appendHeader("vary", "Accept");
    }

    private static BaseHandler json(Response resp) {
        try {
            return resp.getOptions().mediaHandlers.resolve("application/json", "application/json");
        } catch (HTTPError ex) {
            return JSONHandler.falconDefault();
        }
    }

    /**
     * The members in RFC 9457's order: {@code type}, {@code title}, {@code status}, {@code detail},
     * {@code instance}, then the error's own members ({@code code}, {@code link}, and whatever an
     * overridden {@code toDict()} adds) as extension members; a {@code type} or {@code instance}
     * among them replaces the default.
     */
    static Map<String, Object> members(Request req, HTTPError error) {
        Map<String, Object> dict = error.toDict();
        Map<String, Object> problem = new LinkedHashMap<>();
        Object type = dict.remove("type");
        problem.put("type", type != null ? type : "about:blank");
        Object title = dict.remove("title");
        // RFC 9457 section 4.2.1: with about:blank the title is the status's reason phrase.
        problem.put("title", title == null || title.equals(error.getStatus()) ? reason(error) : title);
        problem.put("status", error.getStatusCode());
        Object detail = dict.remove("description");
        if (detail != null) {
            problem.put("detail", detail);
        }
        Object instance = dict.remove("instance");
        // The path only: a query string may carry what should not be echoed into logs of errors.
        problem.put("instance", instance != null ? instance : HTTPError.encodeUri(req.getRootPath() + req.getPath()));
        problem.putAll(dict);
        return problem;
    }

    private static String reason(HTTPError error) {
        String status = error.getStatus();
        int space = status.indexOf(' ');
        return space < 0 ? status : status.substring(space + 1);
    }

    /** RFC 9457 Appendix B: the members as elements of {@code <problem xmlns="urn:ietf:rfc:7807">}. */
    static byte[] toXml(Map<String, Object> problem) {
        StringBuilder xml = new StringBuilder(256);
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?><problem xmlns=\"urn:ietf:rfc:7807\">");
        for (Map.Entry<String, Object> member : problem.entrySet()) {
            appendValue(xml, member.getKey(), member.getValue());
        }
        xml.append("</problem>");
        return xml.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void appendValue(StringBuilder xml, String name, Object value) {
        xml.append('<').append(name).append('>');
        if (value instanceof Map) {
            for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
                appendValue(xml, String.valueOf(e.getKey()), e.getValue());
            }
        } else if (value instanceof Iterable) {
            for (Object item : (Iterable<?>) value) {
                appendValue(xml, "i", item);
            }
        } else if (value != null) {
            escape(xml, value.toString());
        }
        xml.append("</").append(name).append('>');
    }

    private static void escape(StringBuilder xml, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> xml.append("&amp;");
                case '<' -> xml.append("&lt;");
                case '>' -> xml.append("&gt;");
                default -> {
                    // XML 1.0 has no other control characters, and a description may echo the
                    // client's bytes: one is replaced, so the document still parses
                    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                        xml.append('\uFFFD');
                    } else {
                        xml.append(c);
                    }
                }
            }
        }
    }
}
