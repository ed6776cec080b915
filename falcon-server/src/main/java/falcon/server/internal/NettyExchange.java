package falcon.server.internal;

import falcon.HTTPInternalServerError;
import falcon.gateway.Exchange;
import falcon.gateway.Handler;
import falcon.gateway.Reply;
import falcon.gateway.ReplyBody;
import falcon.gateway.RequestHeaders;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.DefaultFileRegion;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.util.AsciiString;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One HTTP/1.1 exchange on a Netty connection (or one HTTP/2 stream), as the App sees it.
 *
 * <p>Created by the event loop when a request head arrives; {@link #run()} then runs the App on a
 * worker. Fields marked "loop" belong to the event loop; the request values are set before the
 * hand-off to the worker (the executor's hand-off orders them) and never change after.
 */
final class NettyExchange implements Exchange, Runnable {

    private static final System.Logger LOG = System.getLogger("falcon.server");

    /** Bytes read from a response stream per chunk written. */
    static final int STREAM_CHUNK_BYTES = 16 * 1024;

    private static final int H_OTHER = 0;
    private static final int H_DATE = 1;
    private static final int H_CONTENT_LENGTH = 2;
    private static final int H_CONNECTION = 3;
    private static final int H_TRANSFER_ENCODING = 4;

    /** Common response header names, pre-encoded (PERF: copied, not re-encoded, per response). */
    private static final Map<String, Known> KNOWN = new HashMap<>();

    static {
        for (String n : new String[] {"content-type", "vary", "etag", "last-modified", "cache-control", "location",
                "set-cookie", "allow", "content-encoding", "content-range", "accept-ranges", "expires", "retry-after",
                "www-authenticate", "access-control-allow-origin", "access-control-allow-methods",
                "access-control-allow-headers", "access-control-expose-headers", "access-control-max-age",
                "access-control-allow-credentials", "content-location", "content-language", "content-disposition",
                "link", "server"}) {
            KNOWN.put(n, new Known(AsciiString.cached(n), H_OTHER));
        }
        KNOWN.put("date", new Known(HttpHeaderNames.DATE, H_DATE));
        KNOWN.put("content-length", new Known(HttpHeaderNames.CONTENT_LENGTH, H_CONTENT_LENGTH));
        KNOWN.put("connection", new Known(HttpHeaderNames.CONNECTION, H_CONNECTION));
        KNOWN.put("transfer-encoding", new Known(HttpHeaderNames.TRANSFER_ENCODING, H_TRANSFER_ENCODING));
    }

    private record Known(AsciiString name, int kind) {
    }

    private final Http1Handler connection;
    private final Handler app;
    private final HttpRequest request;
    private final long contentLength;
    final boolean keepAlive;
    final boolean http10;
    final boolean expectContinue;
    final boolean head;

    private String rawPath;
    private String queryString;
    private RequestHeaders headers;
    InputStream body; // set by the loop before dispatch

    // loop
    boolean dispatched;
    boolean requestEnded;
    boolean continueSent;
    boolean closeAfter;
    long received;
    StreamingBody streaming;
    private byte[] pendingFirst;
    private List<byte[]> pendingMore;

    /** The WebSocket channel when the request asks for an upgrade; set by the loop before dispatch. */
    NettyWebSocket webSocket;

    /** Whether a worker is writing a response stream (read by the loop's idle check). */
    volatile boolean streamingResponse;
    private volatile boolean responded;

    NettyExchange(Http1Handler connection, Handler app, HttpRequest request, long contentLength, boolean keepAlive,
            boolean expectContinue) {
        this.connection = connection;
        this.app = app;
        this.request = request;
        this.contentLength = contentLength;
        this.keepAlive = keepAlive;
        this.http10 = request.protocolVersion() == HttpVersion.HTTP_1_0;
        this.expectContinue = expectContinue;
        this.head = request.method() == HttpMethod.HEAD;
    }

    /** Returns the request's head, as Netty decoded it. */
    HttpRequest request() {
        return request;
    }

    // ---------------------------------------------------------------- loop: body before dispatch

    void addPending(byte[] chunk) {
        if (pendingFirst == null) {
            pendingFirst = chunk;
        } else {
            if (pendingMore == null) {
                pendingMore = new ArrayList<>(4);
            }
            pendingMore.add(chunk);
        }
    }

    /** Returns the body received with the head as one stream (the fast path). */
    InputStream pendingAsBody() {
        byte[] first = pendingFirst;
        if (first == null) {
            return new BytesBody(BytesBody.EMPTY);
        }
        if (pendingMore == null) {
            return new BytesBody(first);
        }
        byte[] all = new byte[(int) received];
        System.arraycopy(first, 0, all, 0, first.length);
        int at = first.length;
        for (byte[] c : pendingMore) {
            System.arraycopy(c, 0, all, at, c.length);
            at += c.length;
        }
        return new BytesBody(all);
    }

    /** Turns what arrived so far into a streaming body that the rest will be offered to. */
    StreamingBody toStreaming() {
        StreamingBody s = new StreamingBody(connection, this);
        if (pendingFirst != null) {
            s.offer(pendingFirst);
            if (pendingMore != null) {
                for (byte[] c : pendingMore) {
                    s.offer(c);
                }
            }
        }
        pendingFirst = null;
        pendingMore = null;
        streaming = s;
        body = s;
        return s;
    }

    // ---------------------------------------------------------------- worker

    /** Runs the App for this exchange; on a worker thread. */
    @Override
    public void run() {
        try {
            app.handle(this);
        } catch (Throwable ex) {
            LOG.log(System.Logger.Level.ERROR, "unhandled error in " + request.method() + " " + request.uri(), ex);
            if (!responded) {
                respond(Reply.error(new HTTPInternalServerError()));
            }
        }
    }

    @Override
    public String method() {
        return request.method().name();
    }

    @Override
    public String rawPath() {
        String p = rawPath;
        if (p == null) {
            splitTarget();
            p = rawPath;
        }
        return p;
    }

    @Override
    public String queryString() {
        String q = queryString;
        if (q == null) {
            splitTarget();
            q = queryString;
        }
        return q;
    }

    private void splitTarget() {
        String uri = request.uri();
        int start = 0;
        if (!uri.isEmpty() && uri.charAt(0) != '/') {
            // absolute-form (RFC 9112 3.2.2): http://host:port/path?query -> /path?query
            int scheme = uri.indexOf("://");
            if (scheme > 0) {
                int slash = uri.indexOf('/', scheme + 3);
                int q = uri.indexOf('?', scheme + 3);
                if (slash < 0 || (q >= 0 && q < slash)) {
                    queryString = q < 0 ? "" : uri.substring(q + 1);
                    rawPath = "/";
                    return;
                }
                start = slash;
            }
        }
        int q = uri.indexOf('?', start);
        if (q < 0) {
            rawPath = start == 0 ? uri : uri.substring(start);
            queryString = "";
        } else {
            rawPath = uri.substring(start, q);
            queryString = uri.substring(q + 1);
        }
    }

    @Override
    public String protocol() {
        // NOTE: "HTTP/2.0", as Servlet containers and Go's Request.Proto name it
        return connection.http2() ? "HTTP/2.0" : request.protocolVersion().text();
    }

    @Override
    public String scheme() {
        return connection.scheme();
    }

    @Override
    public String serverHost() {
        return connection.serverHost();
    }

    @Override
    public int serverPort() {
        return connection.serverPort();
    }

    @Override
    public String remoteAddr() {
        return connection.remoteAddr();
    }

    @Override
    public RequestHeaders headers() {
        RequestHeaders h = headers;
        if (h == null) {
            h = headers = new NettyRequestHeaders(request.headers());
        }
        return h;
    }

    @Override
    public InputStream body() {
        return body;
    }

    @Override
    public falcon.gateway.WebSocketChannel webSocket() {
        return webSocket;
    }

    @Override
    public java.util.concurrent.Executor executor() {
        return connection.workers();
    }

    @Override
    public void respond(Reply reply) {
        if (responded) {
            throw new IllegalStateException("respond() called twice for " + request.method() + " " + request.uri());
        }
        responded = true;
        HttpHeaders out = DefaultHttpHeadersFactory.headersFactory().newHeaders();
        int flags = copyHeaders(reply, out);
        boolean appClose = (flags & F_CLOSE) != 0;
        boolean hasLength = (flags & F_LENGTH) != 0;
        if ((flags & F_DATE) == 0) {
            out.set(HttpHeaderNames.DATE, HttpDate.now());
        }
        HttpResponseStatus status = HttpResponseStatus.valueOf(reply.status(), reply.reason());
        ReplyBody body = reply.body();
        if (body instanceof ReplyBody.Publisher && !head) {
            // an asynchronous body, written with back-pressure
            if (!hasLength && (flags & F_TRANSFER_ENCODING) == 0) {
                if (http10) {
                    appClose = true;
                } else {
                    out.set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
                }
            }
            streamingResponse = true;
            new PublisherWriter(this, connection, connection.channel(), reply, ((ReplyBody.Publisher) body).publisher())
                    .start(new DefaultHttpResponse(HttpVersion.HTTP_1_1, status, out), appClose);
            return;
        }
        if ((body instanceof ReplyBody.Stream || body instanceof ReplyBody.FileRegion) && !head) {
            long declared = -1;
            if (hasLength) {
                declared = parseLength(reply.header("content-length"));
            } else if ((flags & F_TRANSFER_ENCODING) == 0) {
                if (http10) {
                    appClose = true; // HTTP/1.0 has no chunked framing: the close ends the body
                } else {
                    out.set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
                }
            }
            HttpResponse headMsg = new DefaultHttpResponse(HttpVersion.HTTP_1_1, status, out);
            long length = declared;
            boolean close = appClose;
            Runnable send;
            if (body instanceof ReplyBody.FileRegion && connection.zeroCopy()
                    && declared == ((ReplyBody.FileRegion) body).length()) {
                ReplyBody.FileRegion file = (ReplyBody.FileRegion) body;
                send = () -> sendFile(reply, headMsg, file, close);
            } else {
                InputStream stream = body instanceof ReplyBody.FileRegion ? ((ReplyBody.FileRegion) body).openStream()
                        : ((ReplyBody.Stream) body).stream();
                send = () -> sendStream(reply, headMsg, stream, length, close);
            }
            if (connection.inEventLoop()) {
                // EVENT_LOOP mode: a stream is read and awaits writability, so never on the loop.
                connection.runOnWorkers(send);
            } else {
                send.run();
            }
            return;
        }
        closeQuietly(body);
        byte[] bytes = body instanceof ReplyBody.Bytes ? ((ReplyBody.Bytes) body).bytes() : null;
        ByteBuf content = bytes == null || bytes.length == 0 ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(bytes);
        if (!hasLength && !head && bodyAllowed(reply.status())) {
            out.set(HttpHeaderNames.CONTENT_LENGTH, content.readableBytes());
        }
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, content, out,
                EmptyHttpHeaders.INSTANCE);
        connection.writeFull(this, response, reply, appClose);
    }

    private static final int F_DATE = 1;
    private static final int F_LENGTH = 2;
    private static final int F_CLOSE = 4;
    private static final int F_TRANSFER_ENCODING = 8;

    private static int copyHeaders(Reply reply, HttpHeaders out) {
        int flags = 0;
        List<String> lines = reply.headers();
        for (int i = 0, n = lines.size(); i < n; i += 2) {
            String name = lines.get(i);
            String value = lines.get(i + 1);
            Known known = KNOWN.get(name);
            if (known == null) {
                out.add(name, value);
                continue;
            }
            switch (known.kind) {
                case H_DATE:
                    flags |= F_DATE;
                    break;
                case H_CONTENT_LENGTH:
                    flags |= F_LENGTH;
                    break;
                case H_CONNECTION:
                    if (AsciiString.containsIgnoreCase(value, HttpHeaderValues.CLOSE)) {
                        flags |= F_CLOSE;
                    }
                    continue; // the server decides the connection header
                case H_TRANSFER_ENCODING:
                    flags |= F_TRANSFER_ENCODING;
                    break;
                default:
                    break;
            }
            out.add(known.name, value);
        }
        return flags;
    }

    private void sendStream(Reply reply, HttpResponse head, InputStream in, long declared, boolean appClose) {
        streamingResponse = true;
        boolean complete = false;
        long sent = 0;
        try {
            connection.writeHead(this, head, appClose);
            while (true) {
                int max = declared >= 0 ? (int) Math.min(STREAM_CHUNK_BYTES, declared - sent) : STREAM_CHUNK_BYTES;
                if (max == 0) {
                    complete = true; // the declared length is out; what follows is not ours to send
                    break;
                }
                if (!connection.awaitWritable()) {
                    break; // the client went away
                }
                ByteBuf buf = connection.alloc().buffer(max);
                int n;
                try {
                    n = buf.writeBytes(in, max);
                } catch (IOException | RuntimeException ex) {
                    buf.release();
                    throw ex;
                }
                if (n < 0) {
                    buf.release();
                    complete = declared < 0 || sent == declared;
                    if (!complete) {
                        LOG.log(System.Logger.Level.WARNING, "response stream of " + request.method() + " "
                                + request.uri() + " ended after " + sent + " of " + declared + " bytes");
                    }
                    break;
                }
                if (n == 0) {
                    buf.release();
                    continue;
                }
                sent += n;
                connection.writeChunk(new DefaultHttpContent(buf));
            }
        } catch (IOException | RuntimeException ex) {
            LOG.log(System.Logger.Level.ERROR, "response stream of " + request.method() + " " + request.uri()
                    + " failed after " + sent + " bytes", ex);
        } finally {
            closeQuietly(in);
        }
        try {
            connection.finishStream(this, complete);
        } finally {
            streamingResponse = false;
            runAfterSent(reply);
        }
    }

    /**
     * Sends a static file with zero copy: the kernel moves the bytes from the file to the socket
     * (a {@link DefaultFileRegion}, sendfile(2) on epoll and NIO); the region closes the file.
     */
    private void sendFile(Reply reply, HttpResponse head, ReplyBody.FileRegion file, boolean appClose) {
        streamingResponse = true;
        boolean complete = false;
        try {
            connection.writeHead(this, head, appClose);
            if (file.length() > 0) {
                ChannelFuture written = connection.channel().writeAndFlush(
                        new DefaultFileRegion(file.channel(), file.position(), file.length()));
                complete = connection.awaitWritten(written); // a worker: the next step follows the file
            } else {
                closeQuietly(file);
                complete = true;
            }
        } catch (RuntimeException ex) {
            LOG.log(System.Logger.Level.ERROR, "file response of " + request.method() + " " + request.uri()
                    + " failed", ex);
            closeQuietly(file);
        }
        try {
            connection.finishStream(this, complete);
        } finally {
            streamingResponse = false;
            runAfterSent(reply);
        }
    }

    /** Runs the App's after-response callbacks (they log their own failures). */
    static void runAfterSent(Reply reply) {
        reply.afterSent();
    }

    static boolean bodyAllowed(int status) {
        return status >= 200 && status != 204 && status != 304;
    }

    private static long parseLength(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException ex) {
            return -1;
        }
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException | RuntimeException ex) {
            LOG.log(System.Logger.Level.DEBUG, "closing a response stream failed", ex);
        }
    }

    /** Closes a body that is not sent (HEAD, or a status without a body). */
    private static void closeQuietly(ReplyBody body) {
        try {
            if (body instanceof ReplyBody.Stream) {
                ((ReplyBody.Stream) body).stream().close();
            } else if (body instanceof ReplyBody.FileRegion) {
                ((ReplyBody.FileRegion) body).channel().close();
            }
        } catch (IOException | RuntimeException ex) {
            LOG.log(System.Logger.Level.DEBUG, "closing a response body failed", ex);
        }
    }

    private static void closeQuietly(ReplyBody.FileRegion file) {
        closeQuietly((ReplyBody) file);
    }

    @Override
    public String toString() {
        return request.method() + " " + request.uri();
    }
}
