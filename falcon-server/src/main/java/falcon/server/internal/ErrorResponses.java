package falcon.server.internal;

import falcon.HTTPError;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.util.Map;

/** Responses the server sends itself, when a request never reaches the App (framing, limits). */
final class ErrorResponses {

    private ErrorResponses() {
    }

    /**
     * Returns {@code error} as a response with Falcon's JSON error body and {@code connection:
     * close}: these errors leave the connection's framing unknown.
     */
    static FullHttpResponse closing(HTTPError error) {
        byte[] body = error.toJson();
        FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(error.getStatusCode()), Unpooled.wrappedBuffer(body));
        HttpHeaders h = r.headers();
        for (Map.Entry<String, String> e : error.getHeaders().entrySet()) {
            h.add(e.getKey().toLowerCase(java.util.Locale.ROOT), e.getValue());
        }
        h.set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON);
        h.setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
        h.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        h.set(HttpHeaderNames.DATE, HttpDate.now());
        return r;
    }
}
