package falcon.server.internal;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;
import java.util.List;

/**
 * What the HTTP decoder lets through but HTTP forbids: checked on the event loop before a request
 * reaches the App, each answered with a 400 (505 for a version) and a close.
 *
 * <p>Each check returns {@code null} when the request is fine, else the description of the
 * error body. The common case costs a few comparisons and the Host header's value list.
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
        List<String> hosts = req.headers().getAll(HttpHeaderNames.HOST);
        if (hosts.isEmpty()) {
            return "An HTTP/1.1 request must have a Host header.";
        }
        if (hosts.size() > 1) {
            return "An HTTP/1.1 request must have exactly one Host header.";
        }
        return validHost(hosts.get(0)) ? null : "The Host header is not a valid host and port.";
    }

    /** {@code uri-host [ ":" port ]}: reg-name or IPv4 characters, or an IP literal in brackets. */
    static boolean validHost(String value) {
        String host = value;
        int end = value.length();
        if (value.startsWith("[")) {
            int close = value.indexOf(']');
            if (close < 0) {
                return false;
            }
            for (int i = 1; i < close; i++) {
                char c = value.charAt(i);
                if (!(isHex(c) || c == ':' || c == '.' || c == 'v' || c == 'V')) {
                    return false;
                }
            }
            return close == end - 1 || (value.charAt(close + 1) == ':' && digits(value, close + 2, end));
        }
        int colon = value.lastIndexOf(':');
        if (colon >= 0) {
            if (!digits(value, colon + 1, end)) {
                return false;
            }
            host = value.substring(0, colon);
        }
        for (int i = 0, n = host.length(); i < n; i++) {
            char c = host.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "-._~!$&'()*+,;=%".indexOf(c) >= 0;
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static boolean digits(String s, int from, int to) {
        if (from >= to) {
            return true; // "host:" has an empty port, which RFC 3986 allows
        }
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return to - from <= 5;
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
