package falcon.server.internal;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;

/**
 * Loads and initialises the request path's classes on a spare CPU while the server starts, so
 * that the first request does not pay for them (Spring Boot's background pre-initialisation does
 * the same). PERF: the first request loaded ~270 classes (Netty's HTTP codec, our exchange,
 * Request, Response), ~100 ms in the interpreter; started before the event loops and the bind,
 * the work overlaps with theirs. It touches no App code, and a failure here only loses the gain.
 */
final class Preload {

    private static final String[] CLASSES = {
        "falcon.Request", "falcon.Response", "falcon.RequestFlow", "falcon.gateway.Reply", "falcon.uri.Uri",
        "falcon.routing.RouteMatch", "falcon.server.internal.NettyExchange",
        "falcon.server.internal.NettyRequestHeaders", "falcon.server.internal.BytesBody",
        "falcon.server.internal.ResponseWriter",
    };

    private Preload() {
    }

    /** Starts the preloading thread, unless there is no second CPU for it to use. */
    static void start() {
        if (Runtime.getRuntime().availableProcessors() < 2) {
            return;
        }
        Thread t = new Thread(Preload::run, "falcon-preload");
        t.setDaemon(true);
        t.start();
    }

    private static void run() {
        EmbeddedChannel channel = null;
        try {
            // one request decoded and one response encoded by the codec the server uses
            channel = new EmbeddedChannel(new HttpServerCodec());
            channel.writeInbound(Unpooled.copiedBuffer(
                    "POST /preload?a=1 HTTP/1.1\r\nHost: preload\r\nContent-Length: 1\r\n\r\nx", StandardCharsets.US_ASCII));
            Object msg;
            while ((msg = channel.readInbound()) != null) {
                ReferenceCountUtil.release(msg);
            }
            DefaultFullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
                    Unpooled.wrappedBuffer(new byte[] {'x'}));
            response.headers().set(HttpHeaderNames.CONTENT_LENGTH, 1).set(HttpHeaderNames.DATE, HttpDate.now());
            channel.writeOutbound(response);
            while ((msg = channel.readOutbound()) != null) {
                ReferenceCountUtil.release(msg);
            }
            ClassLoader loader = Preload.class.getClassLoader();
            for (String name : CLASSES) {
                Class.forName(name, true, loader);
            }
        } catch (Exception | LinkageError ex) {
            // only an optimisation: the first request loads what is missing
        } finally {
            if (channel != null) {
                channel.finishAndReleaseAll();
            }
        }
    }
}
