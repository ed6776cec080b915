package falcon.server.internal;

import falcon.gateway.Reply;
import falcon.gateway.ReplyBody;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.util.List;

/** Responses the server sends itself, when a request never reaches the App (framing, limits). */
final class ErrorResponses {

    private ErrorResponses() {
    }

    /**
     * Returns the App's rendering of an error ({@code Handler.errorReply}) as a response with
     * {@code connection: close}: these errors leave the connection's framing unknown.
     */
    static FullHttpResponse closing(Reply reply) {
        ReplyBody body = reply.body();
        byte[] bytes = body instanceof ReplyBody.Bytes ? ((ReplyBody.Bytes) body).bytes() : new byte[0];
        if (body != null && !(body instanceof ReplyBody.Bytes)) {
            body.release(); // a serializer that streamed its body: not sent on a connection being closed
        }
        FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(reply.status(), reply.reason()), Unpooled.wrappedBuffer(bytes));
        HttpHeaders h = r.headers();
        List<String> lines = reply.headers();
        for (int i = 0; i < lines.size(); i += 2) {
            String name = lines.get(i);
            if (!HttpHeaderNames.CONNECTION.contentEqualsIgnoreCase(name)
                    && !HttpHeaderNames.CONTENT_LENGTH.contentEqualsIgnoreCase(name)) {
                h.add(name, lines.get(i + 1));
            }
        }
        h.setInt(HttpHeaderNames.CONTENT_LENGTH, bytes.length); // the bytes sent, whatever was declared
        h.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        if (!h.contains(HttpHeaderNames.DATE)) {
            h.set(HttpHeaderNames.DATE, HttpDate.now());
        }
        return r;
    }
}
