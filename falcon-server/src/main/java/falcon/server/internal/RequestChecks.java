package falcon.server.internal;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;
import java.util.Iterator;
import java.util.List;

/**
 * What the HTTP decoder lets through but HTTP forbids: checked on the event loop before a request
 * reaches the App, each answered with a 400 (505 for a version) and a close.
 *
 * <p>Each check returns {@code null} when the request is fine, else the description of the
 * error body. The common case costs a few comparisons.
 */
final class RequestChecks {

    private RequestChecks() {
    }

    /**
     * The version of an HTTP/1.x request line. Netty's decoder upper-cases the version and parses
     * any number, so {@code http/1.1} and {@code HTTP/9.9} arrive as versions; RFC 9112 section
     * 2.3 makes the name case-sensitive, and a major version other than 1 is not ours to serve.
     *
     * @return {@code null}, or a problem: "version" for 505, anything else for 400
     */
    static String version(HttpRequest req) {
        HttpVersion v = req.protocolVersion();
        if (v == HttpVersion.HTTP_1_1 || v == HttpVersion.HTTP_1_0) {
            return null; // exactly "HTTP/1.1" or "HTTP/1.0": the decoder's shared instances
        }
        if (v.majorVersion() != 1) {
            return VERSION_NOT_SUPPORTED;
        }
        if (v.minorVersion() > 1 && v.text().startsWith("HTTP/")) {
            return null; // HTTP/1.2 and later: served as HTTP/1.1 (RFC 9110 section 2.5)
        }
        return "The HTTP version must be written HTTP/1.0 or HTTP/1.1 (RFC 9112 section 2.3).";
    }

    /** The marker {@link #version} returns for a version the server does not implement. */
    static final String VERSION_NOT_SUPPORTED = "version";

    /**
     * The request target: no control character, space or NUL may reach routing (RFC 9112 section
     * 3.2: the target is a URI; RFC 3986 has no such characters).
     */
    static String target(String uri) {
        for (int i = 0, n = uri.length(); i < n; i++) {
            char c = uri.charAt(i);
            if (c <= 0x20 || c == 0x7f) {
                return "The request target contains a control character or a space.";
            }
        }
        return null;
    }

    /**
     * The Host header of an HTTP/1.1 request: exactly one (RFC 9112 section 3.2: a server MUST
     * answer 400 to a request without Host, with more than one, or with an invalid value), a
     * {@code host[:port]} of URI characters; empty is allowed.
     */
    static String host(HttpRequest req) {
        if (req.protocolVersion() == HttpVersion.HTTP_1_0) {
            return null; // HTTP/1.0 has no Host requirement
        }
        // PERF: the iterator, not getAll's list; it rarely outlives escape analysis
        Iterator<String> hosts = req.headers().valueStringIterator(HttpHeaderNames.HOST);
        if (!hosts.hasNext()) {
            return "An HTTP/1.1 request must have a Host header.";
        }
        String host = hosts.next();
        if (hosts.hasNext()) {
            return "An HTTP/1.1 request must have exactly one Host header.";
        }
        return validHost(host) ? null : "The Host header is not a valid host and port.";
    }

    /**
     * {@code uri-host [ ":" port ]} (RFC 3986 3.2.2): a reg-name or IPv4 address (unreserved,
     * sub-delims, percent-encoded octets), or an IP literal in brackets (IPv6, with an RFC 6874
     * zone ID, or IPvFuture); a port of at most 65535.
     */
    static boolean validHost(String value) {
        int end = value.length();
        int hostEnd;
        if (value.startsWith("[")) {
            int close = value.indexOf(']');
            if (close < 0 || !ipLiteral(value, 1, close)) {
                return false;
            }
            hostEnd = close + 1;
            if (hostEnd < end && value.charAt(hostEnd) != ':') {
                return false;
            }
        } else {
            int colon = value.lastIndexOf(':');
            hostEnd = colon < 0 ? end : colon;
            if (!regName(value, 0, hostEnd)) {
                return false;
            }
        }
        return hostEnd >= end || port(value, hostEnd + 1, end);
    }

    private static final String SUB_DELIMS = "!$&'()*+,;=";
    private static final String SUB_DELIMS_COLON = SUB_DELIMS + ":";

    /** reg-name: unreserved, sub-delims and percent-encoded octets. */
    private static boolean regName(String s, int from, int to) {
        return chars(s, from, to, SUB_DELIMS, true);
    }

    /** Whether each character is unreserved, in {@code extra}, or (if {@code pct}) a %XX octet. */
    private static boolean chars(String s, int from, int to, String extra, boolean pct) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c == '%' && pct) {
                if (i + 2 >= to || !isHex(s.charAt(i + 1)) || !isHex(s.charAt(i + 2))) {
                    return false;
                }
                i += 2;
            } else if (!unreserved(c) && extra.indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    /** IPv6address [ "%25" ZoneID ] or IPvFuture, between the brackets. */
    private static boolean ipLiteral(String s, int from, int to) {
        if (from < to && (s.charAt(from) == 'v' || s.charAt(from) == 'V')) {
            int dot = s.indexOf('.', from);
            if (dot < 0 || dot >= to - 1 || dot == from + 1) {
                return false;
            }
            for (int i = from + 1; i < dot; i++) {
                if (!isHex(s.charAt(i))) {
                    return false;
                }
            }
            return chars(s, dot + 1, to, SUB_DELIMS_COLON, false);
        }
        int zone = s.indexOf('%', from);
        int addressEnd = zone < 0 || zone > to ? to : zone;
        if (addressEnd == from) {
            return false;
        }
        for (int i = from; i < addressEnd; i++) {
            char c = s.charAt(i);
            if (!(isHex(c) || c == ':' || c == '.')) {
                return false;
            }
        }
        if (addressEnd == to) {
            return true;
        }
        // RFC 6874: "%25" then the zone ID, unreserved characters and percent-encoded octets
        return s.startsWith("%25", addressEnd) && addressEnd + 3 < to && chars(s, addressEnd + 3, to, "", true);
    }

    private static boolean unreserved(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
                || c == '_' || c == '~';
    }

    /** A port: empty (RFC 3986 allows "host:"), or digits up to 65535. */
    private static boolean port(String s, int from, int to) {
        if (to - from > 5) {
            return false;
        }
        int port = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            port = port * 10 + (c - '0');
        }
        return port <= 65535;
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    /**
     * A WebSocket opening handshake (RFC 6455 section 4.2.1): HTTP/1.1 or later, and a
     * Sec-WebSocket-Key that is the base64 of 16 bytes. Checked before the App runs, so that a
     * handshake the server cannot complete never reaches a responder waiting in {@code accept}.
     */
    static String webSocket(HttpRequest req) {
        if (req.protocolVersion() == HttpVersion.HTTP_1_0) {
            return "A WebSocket handshake needs HTTP/1.1.";
        }
        List<String> keys = req.headers().getAll(HttpHeaderNames.SEC_WEBSOCKET_KEY);
        if (keys.size() != 1) {
            return keys.isEmpty() ? "The WebSocket handshake has no Sec-WebSocket-Key."
                    : "The WebSocket handshake has more than one Sec-WebSocket-Key.";
        }
        return isKey(keys.get(0).trim()) ? null : "Sec-WebSocket-Key must be the base64 of 16 bytes.";
    }

    /** 16 bytes in base64: 22 base64 characters, then "==". */
    private static boolean isKey(String key) {
        if (key.length() != 24 || key.charAt(22) != '=' || key.charAt(23) != '=') {
            return false;
        }
        for (int i = 0; i < 22; i++) {
            char c = key.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+'
                    || c == '/';
            if (!ok) {
                return false;
            }
        }
        // the last character before the padding carries 2 bits: 4 are zero
        return "AQgw".indexOf(key.charAt(21)) >= 0;
    }
}
