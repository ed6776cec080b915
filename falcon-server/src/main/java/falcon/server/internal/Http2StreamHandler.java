package falcon.server.internal;

import falcon.HTTPRequestHeaderFieldsTooLarge;
import falcon.HTTPUriTooLong;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http2.DefaultHttp2ResetFrame;
import io.netty.handler.codec.http2.Http2CodecUtil;
import io.netty.handler.codec.http2.Http2Error;
import io.netty.handler.codec.http2.Http2Exception;
import io.netty.handler.codec.http2.Http2ResetFrame;
import io.netty.handler.codec.http2.Http2Stream;
import io.netty.handler.codec.http2.Http2StreamChannel;
import io.netty.handler.codec.http2.HttpConversionUtil;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.Future;
import java.util.Iterator;
import java.util.Map;

/**
 * One HTTP/2 stream ({@link Http2Handler}), served as an HTTP/1.1 connection that carries a
 * single request: its channel is the stream's child channel, whose {@code
 * Http2StreamFrameToHttpObjectCodec} turns frames into HTTP/1.1 objects.
 *
 * <p>The request path is {@link ExchangeHandler}'s; this class adds what differs for a stream:
 * the request is made to look as it would over HTTP/1.1 and checked against the limits the
 * HTTP/1.1 decoder enforces there; nothing is pipelined; the response carries no {@code
 * connection} header; and "close the connection" ends the stream at most (RFC 9113 8.1, 8.2.2).
 * Every field is the event loop's.
 */
final class Http2StreamHandler extends ExchangeHandler {

    Http2StreamHandler(NettyServer server) {
        super(server, false); // a FileRegion cannot travel in DATA frames
    }

    @Override
    String protocol(HttpRequest req) {
        return "HTTP/2.0"; // NOTE: as Servlet containers and Go's Request.Proto name it
    }

    // ---------------------------------------------------------------- reading

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        // Nothing follows the end of a stream's request (Netty resets a stream that sends more),
        // so nothing waits its turn here: a message is served at once, or dropped once input is dead.
        try {
            if (!inputDead) {
                handle(msg);
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    /**
     * Makes an HTTP/2 request look as it would over HTTP/1.1 and checks the limits the HTTP/1.1
     * decoder checks there; returns false when it was rejected.
     */
    @Override
    boolean admit(HttpRequest req) {
        HttpHeaders headers = req.headers();
        // added by Netty's conversion, not sent by the client (RFC 9113 8.2.2 forbids transfer-encoding)
        headers.remove(HttpConversionUtil.ExtensionHeaderNames.STREAM_ID.text());
        headers.remove(HttpConversionUtil.ExtensionHeaderNames.SCHEME.text());
        headers.remove(HttpHeaderNames.TRANSFER_ENCODING);
        if (req.uri().length() > options.maxInitialLineBytes()) {
            reject(new HTTPUriTooLong(), req);
            return false;
        }
        long bytes = 0;
        for (Iterator<Map.Entry<CharSequence, CharSequence>> it = headers.iteratorCharSequence(); it.hasNext();) {
            Map.Entry<CharSequence, CharSequence> h = it.next();
            bytes += h.getKey().length() + 2 + h.getValue().length(); // as "name: value" in HTTP/1.1
        }
        if (bytes > options.maxHeaderBytes()) {
            reject(new HTTPRequestHeaderFieldsTooLarge(), req);
            return false;
        }
        return true;
    }

    /**
     * A stream pauses only for its body queue: it must read on once its input is dead, because a
     * closed stream's child channel closes only when its frames are read.
     */
    @Override
    boolean readingHeld() {
        return false;
    }

    @Override
    boolean pipelined() {
        return false;
    }

    @Override
    void releaseBacklog() {
        // one request per stream: nothing ever waits
    }

    // ---------------------------------------------------------------- after a response

    @Override
    boolean finishHeaders(NettyExchange ex, HttpHeaders headers, boolean appClose) {
        return mustClose(ex, appClose); // RFC 9113 8.2.2: no connection header; closing ends the stream only
    }

    /**
     * Also ends a stream whose client is still sending a body it announced: the rest is not
     * wanted (RFC 9113 8.1). A GET or HEAD without a content-length announced none, so nothing is
     * saved by a reset, which would race the client's own frames: its END_STREAM, or a frame that
     * is an error of its own (h2spec 6.9.1 overflows the window after the HEADERS), then lands on
     * a closed stream. Such a stream is left to end as the client ends it (or to its idle timeout).
     */
    @Override
    boolean endsAfter(NettyExchange ex, boolean close) {
        return close || (!ex.requestEnded() && announcesBody(ex.request()));
    }

    private static boolean announcesBody(HttpRequest req) {
        long length = HttpUtil.getContentLength(req, -1L);
        if (length >= 0) {
            return length > 0;
        }
        HttpMethod method = req.method();
        return method != HttpMethod.GET && method != HttpMethod.HEAD;
    }

    /** Ends the stream once {@code written} is done, and only if the client is still sending its request. */
    @Override
    void closeWhenWritten(ChannelFuture written) {
        if (written.isDone()) {
            endStream(written);
        } else {
            written.addListener(this::endStream);
        }
    }

    private void endStream(Future<?> written) {
        if (!written.isSuccess()) {
            // The response is cut short: RST_STREAM(CANCEL). One loop turn later, because a stream
            // error of the client's fails the pending write before it reaches abort(), whose reset
            // carries the error's own code and must go first; the close is then a no-op.
            channel.eventLoop().execute(channel::close);
            return;
        }
        Http2StreamChannel stream = (Http2StreamChannel) channel;
        if (stream.isActive() && stream.stream().state() == Http2Stream.State.HALF_CLOSED_LOCAL) {
            // RFC 9113 8.1: the response is complete, the rest of the request is not wanted.
            // NO_ERROR, not CANCEL (a plain close): clients then keep the response.
            stream.writeAndFlush(new DefaultHttp2ResetFrame(Http2Error.NO_ERROR));
        }
    }

    @Override
    void serveNext() {
        updateAutoRead();
    }

    // ---------------------------------------------------------------- lifecycle

    /**
     * A stream error Netty found in the client's frames resets the stream with its own code
     * (RFC 9113 5.4.2: PROTOCOL_ERROR, STREAM_CLOSED, FLOW_CONTROL_ERROR...): Netty leaves the
     * reset to the stream's channel, whose plain close would say CANCEL.
     */
    @Override
    void abort(ChannelHandlerContext ctx, Throwable cause) {
        if (Http2CodecUtil.getEmbeddedHttp2Exception(cause) instanceof Http2Exception.StreamException stream) {
            ctx.writeAndFlush(new DefaultHttp2ResetFrame(stream.error())).addListener(written -> ctx.close());
        } else {
            ctx.close();
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof Http2ResetFrame) {
            // The client reset the stream. Closed later, once Netty has closed the stream, so that
            // no RST_STREAM answers it (RFC 9113 5.4.2); channelInactive then fails a body read.
            inputDead = true;
            execute(() -> ctx.close());
            ctx.fireUserEventTriggered(evt);
            return;
        }
        super.userEventTriggered(ctx, evt); // the connection's idle timeout, by the HTTP/1.1 rule
    }
}
