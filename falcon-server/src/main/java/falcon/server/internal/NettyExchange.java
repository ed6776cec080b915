package falcon.server.internal;

import falcon.HTTPBadRequest;
import falcon.HTTPInternalServerError;
import falcon.gateway.Exchange;
import falcon.gateway.Handler;
import falcon.gateway.Reply;
import falcon.gateway.ReplyBody;
import falcon.gateway.RequestHeaders;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.util.AsciiString;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One HTTP/1.1 exchange on a Netty connection (or one HTTP/2 stream), as the App sees it.
 *
 * <p>Created by the event loop when a request head arrives; {@link #run()} then runs the App on a
 * worker, and {@link #respond} turns its reply into Netty's response for the connection's {@link
 * ResponseWriter}. The connection ({@link ExchangeHandler}) drives the request's progress through
 * the methods of the "loop" sections; their fields belong to the event loop. The request values
 * (and the body and WebSocket channel) are set before the hand-off to the worker (the executor's
 * hand-off orders them) and never change after.
 */
final class NettyExchange implements Exchange, Runnable {

    private static final System.Logger LOG = System.getLogger("falcon.server");

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

    private final ExchangeHandler connection;
    private final Handler app;
    private final HttpRequest request;
    private final long contentLength;
    private final boolean keepAlive;
    private final boolean http10;
    private final boolean expectContinue;
    private final boolean head;

    private String rawPath;
    private String queryString;
    private RequestHeaders headers;
    private InputStream body; // set by the loop before dispatch
    /** gzip or deflate when the App reads the body decompressed (decompressRequests); else null. */
    private String requestCoding;
    private boolean inflating;

    // loop
    private boolean dispatched;
    private boolean requestEnded;
    private boolean continueSent;
    private boolean closeAfterStream;
    private long received;
    private StreamingBody streaming;
    private byte[] pendingFirst;
    private List<byte[]> pendingMore;

    /** The WebSocket channel when the request asks for an upgrade; set by the loop before dispatch. */
    private NettyWebSocket webSocket;

    /** Whether a worker is writing a response stream (read by the loop's idle check). */
    private volatile boolean streamingResponse;
    private volatile boolean responded;
    /** The batch this exchange was handed to the workers in, if any; set before its worker starts. */
    private WorkerHandOff.Batch batch;

    NettyExchange(ExchangeHandler connection, Handler app, HttpRequest request, long contentLength, boolean keepAlive,
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

    /** Returns the connection (or HTTP/2 stream) this exchange came on. */
    ExchangeHandler connection() {
        return connection;
    }

    /** Before its worker starts: the batch whose close hands this exchange's whole response over. */
    void joinBatch(WorkerHandOff.Batch batch) {
        this.batch = batch;
    }

    WorkerHandOff.Batch batch() {
        return batch;
    }

    /** Returns the request's head, as Netty decoded it. */
    HttpRequest request() {
        return request;
    }

    /** Returns whether the request is HTTP/1.0, whose keep-alive must be said. */
    boolean http10() {
        return http10;
    }

    /** The request asks for a WebSocket upgrade: the App gets a channel to accept or deny it with. */
    void offerWebSocket() {
        webSocket = new NettyWebSocket(connection, this, request);
    }

    // ---------------------------------------------------------------- loop: request progress

    /** The exchange is handed to the App; body chunks from now on go to its reader. */
    void markDispatched() {
        dispatched = true;
    }

    boolean dispatched() {
        return dispatched;
    }

    /** Returns whether the whole request, body included, has been received. */
    boolean requestEnded() {
        return requestEnded;
    }

    /** Counts {@code n} more body bytes received; returns the total so far. */
    long bodyReceived(int n) {
        return received += n;
    }

    long received() {
        return received;
    }

    /** From any thread: returns whether the client asked for 100 Continue (set before dispatch). */
    boolean expectsContinue() {
        return expectContinue;
    }

    /** Returns whether 100 Continue is still due: asked for, and neither sent nor made moot by body bytes. */
    boolean continueDue() {
        return expectContinue && !continueSent && received == 0 && !requestEnded;
    }

    void markContinueSent() {
        continueSent = true;
    }

    /**
     * Returns whether the connection must close after this response, whatever the App says: the
     * client asked for it, or it still holds back its body for a 100 Continue never sent.
     */
    boolean closesConnection() {
        return !keepAlive || (!requestEnded && expectContinue && !continueSent);
    }

    /** The head of a streamed response is on its way; {@code close} says whether the connection ends with it. */
    void streamHeadSent(boolean close) {
        closeAfterStream = close;
    }

    /** Returns whether the connection ends after this exchange's streamed response. */
    boolean closesAfterStream() {
        return closeAfterStream;
    }

    // ---------------------------------------------------------------- loop: body before dispatch

    /** Keeps a body chunk that arrived before dispatch. */
    void holdBodyChunk(byte[] chunk) {
        if (pendingFirst == null) {
            pendingFirst = chunk;
        } else {
            if (pendingMore == null) {
                pendingMore = new ArrayList<>(4);
            }
            pendingMore.add(chunk);
        }
    }

    /** The whole body came before dispatch: the App gets it as one array (the fast path). */
    void completeBody() {
        requestEnded = true;
        body = pendingAsBody();
    }

    private InputStream pendingAsBody() {
        byte[] first = pendingFirst;
        if (first == null) {
            return new BytesBody(BytesBody.EMPTY);
        }
        if (pendingMore == null) {
            return new BytesBody(first);
        }
        // A second copy, for a body that came with its head in several reads: the App gets one
        // array, which readers that want the whole body take without copying again (BytesBody).
        // Rare and small: a body that is still arriving after the head is streamed instead.
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
    StreamingBody streamBody() {
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

    // ---------------------------------------------------------------- loop: body after dispatch

    /** Queues a body chunk for the App's reader; returns whether reading should pause for now. */
    boolean offerBodyChunk(byte[] chunk) {
        return streaming.offer(chunk);
    }

    /** The last body chunk arrived. */
    void endBody() {
        requestEnded = true;
        streaming.end();
    }

    /** Makes the App's next body read throw {@code error}. */
    void failBody(RuntimeException error) {
        streaming.fail(error);
    }

    /** Returns whether the App's reader has fallen behind the body still arriving. */
    boolean bodyPaused() {
        return streaming != null && !requestEnded && streaming.paused();
    }

    /** The App answered without reading its whole body: its reader sees the end now. */
    void abandonBody() {
        if (streaming != null) {
            streaming.close();
        }
    }

    /** The connection closed: a body read still waiting fails. */
    void connectionClosed() {
        if (streaming != null) {
            streaming.fail(new HTTPBadRequest("Connection closed",
                    "The connection closed before the request body was complete."));
        }
    }

    // ---------------------------------------------------------------- any thread: response stream

    /** A worker or a publisher writes this exchange's response as a stream. */
    void responseStreamStarted() {
        streamingResponse = true;
    }

    void responseStreamEnded() {
        streamingResponse = false;
    }

    /** Returns whether a response stream is being written (the loop's idle check reads it). */
    boolean streamingResponse() {
        return streamingResponse;
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
        return connection.protocol(request);
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
        if (requestCoding != null && !inflating) {
            inflating = true;
            body = Compression.inflating(body, requestCoding, connection.options.maxBodyBytes());
        }
        return body;
    }

    /** The App reads the body decompressed from {@code coding}; the limit applies to what comes out. */
    void decompressBody(String coding) {
        this.requestCoding = coding;
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
        HttpHeaders out = new ResponseHeaders();
        int flags;
        try {
            flags = copyHeaders(reply, out);
        } catch (IllegalArgumentException invalid) {
            // a name that is no token, a CR or LF in a value: never sent, and never a hung client
            LOG.log(System.Logger.Level.ERROR, "the response to " + this + " has an invalid header; answered 500",
                    invalid);
            if (reply.body() != null) {
                reply.body().release();
            }
            reply.afterSent();
            reply = Reply.error(new HTTPInternalServerError());
            out.clear();
            flags = copyHeaders(reply, out);
        }
        boolean appClose = (flags & F_CLOSE) != 0;
        boolean hasLength = (flags & F_LENGTH) != 0;
        if ((flags & F_DATE) == 0) {
            out.set(HttpHeaderNames.DATE, HttpDate.now());
        }
        HttpResponseStatus status = HttpResponseStatus.valueOf(reply.status(), reply.reason());
        ReplyBody body = reply.body();
        ResponseWriter writer = connection.writer();
        if (body instanceof ReplyBody.Publisher && !head) {
            // an asynchronous body, written with back-pressure
            if (!hasLength && (flags & F_TRANSFER_ENCODING) == 0) {
                if (http10) {
                    appClose = true;
                } else {
                    out.set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
                }
            }
            writer.writePublisher(this, reply, new DefaultHttpResponse(HttpVersion.HTTP_1_1, status, out),
                    ((ReplyBody.Publisher) body).publisher(), appClose);
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
            writer.writeBody(this, reply, new DefaultHttpResponse(HttpVersion.HTTP_1_1, status, out), body, declared,
                    appClose);
            return;
        }
        if (body != null) {
            body.release(); // not sent: HEAD, or a status without a body
        }
        byte[] bytes = body instanceof ReplyBody.Bytes ? ((ReplyBody.Bytes) body).bytes() : null;
        if (bytes != null && !head && connection.options.compression()) {
            bytes = Compression.apply(bytes, reply.status(), out, request.headers().get(HttpHeaderNames.ACCEPT_ENCODING),
                    connection.options.compressionMinBytes());
        }
        ByteBuf content = bytes == null || bytes.length == 0 ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(bytes);
        if (!hasLength && !head && bodyAllowed(reply.status())) {
            out.set(HttpHeaderNames.CONTENT_LENGTH, content.readableBytes());
        }
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, content, out,
                EmptyHttpHeaders.INSTANCE);
        writer.writeFull(this, response, reply, appClose);
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

    private static boolean bodyAllowed(int status) {
        return status >= 200 && status != 204 && status != 304;
    }

    private static long parseLength(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException ex) {
            return -1;
        }
    }

    @Override
    public String toString() {
        return request.method() + " " + request.uri();
    }
}
