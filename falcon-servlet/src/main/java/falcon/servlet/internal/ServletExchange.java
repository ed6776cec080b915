package falcon.servlet.internal;

import falcon.HTTPBadRequest;
import falcon.HTTPError;
import falcon.HTTPInternalServerError;
import falcon.HTTPPayloadTooLarge;
import falcon.gateway.Exchange;
import falcon.gateway.Handler;
import falcon.gateway.Reply;
import falcon.gateway.ReplyBody;
import falcon.gateway.RequestHeaders;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.MappingMatch;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One servlet request as the App sees it, and the writing of the App's reply.
 *
 * <p>Threads: {@link #run()} runs the App on the container thread. A reply given during that call
 * is written on the container thread after it, as any servlet writes. When the App parks on a
 * {@code CompletionStage} instead, {@code run()} starts async mode and returns the container
 * thread; the reply then comes from an executor thread, which writes it and completes the
 * {@link AsyncContext}. A body publisher (SSE, {@code setStreamPublisher}) always goes async: its
 * chunks are written by the threads that publish them. The monitor of {@code this} guards {@code
 * state}, {@code pending} and {@code async}.
 */
public final class ServletExchange implements Exchange {

    private static final System.Logger LOG = System.getLogger("falcon.servlet");

    // Tomcat's sendfile contract (org.apache.catalina.Globals): the connector sets the first when
    // it can send files, the servlet sets the others.
    private static final String TOMCAT_SENDFILE_SUPPORT = "org.apache.tomcat.sendfile.support";
    private static final String TOMCAT_SENDFILE_FILENAME = "org.apache.tomcat.sendfile.filename";
    private static final String TOMCAT_SENDFILE_START = "org.apache.tomcat.sendfile.start";
    private static final String TOMCAT_SENDFILE_END = "org.apache.tomcat.sendfile.end";

    /** Bytes read from a response stream per write. */
    static final int STREAM_CHUNK_BYTES = 16 * 1024;

    private static final int IN_SERVICE = 0;
    private static final int ASYNC = 1;
    private static final int BLOCKING_WAIT = 2;

    private final Handler app;
    private final HttpServletRequest request;
    private final HttpServletResponse response;
    private final Executor executor;
    private final long maxBodyBytes;
    private final String rootPath;
    private final String rawPath;
    private final String queryString;
    private RequestHeaders headers;
    private InputStream body;

    private final AtomicBoolean responded = new AtomicBoolean();
    private final AtomicBoolean finished = new AtomicBoolean();
    private int state = IN_SERVICE;
    private Reply pending;
    private AsyncContext async;

    /**
     * Creates the exchange for one request.
     *
     * @param app the App
     * @param request the container's request
     * @param response the container's response
     * @param executor where parked stages resume and SSE producers run
     * @param maxBodyBytes the limit on the request body in bytes: a larger Content-Length is
     *     answered 413 without calling the App, and the body stream throws {@link
     *     HTTPPayloadTooLarge} once more than this has been read
     */
    public ServletExchange(Handler app, HttpServletRequest request, HttpServletResponse response, Executor executor,
            long maxBodyBytes) {
        this.app = app;
        this.request = request;
        this.response = response;
        this.executor = executor;
        this.maxBodyBytes = maxBodyBytes;
        this.rootPath = rootPathOf(request);
        this.rawPath = pathBelow(request.getRequestURI(), rootPath);
        String q = request.getQueryString();
        this.queryString = q == null ? "" : q;
    }

    /**
     * Returns the mount point: the context path, plus the servlet path when the servlet is mapped
     * by a path prefix ({@code /falcon/*}); WSGI {@code SCRIPT_NAME}. With {@code /} or exact
     * mappings the servlet path is the whole path, which belongs to the App's router.
     */
    static String rootPathOf(HttpServletRequest request) {
        String context = request.getContextPath();
        if (request.getHttpServletMapping().getMappingMatch() == MappingMatch.PATH) {
            String servletPath = request.getServletPath();
            if (!servletPath.isEmpty()) {
                return context + servletPath;
            }
        }
        return context;
    }

    /**
     * Returns {@code uri} without the segments of {@code root}, still percent-encoded.
     *
     * <p>Segments are counted rather than the prefix compared, because the container decodes the
     * servlet path (and drops {@code ;parameters}) while the request URI stays as sent.
     */
    static String pathBelow(String uri, String root) {
        if (root.isEmpty()) {
            return uri.isEmpty() ? "/" : uri;
        }
        int segments = 0;
        for (int i = 0; i < root.length(); i++) {
            if (root.charAt(i) == '/') {
                segments++;
            }
        }
        int at = 0;
        for (int i = 0; i < segments; i++) {
            at = uri.indexOf('/', at + 1);
            if (at < 0) {
                return "/"; // the mount point itself, e.g. /api: Falcon's path is then "/"
            }
        }
        return uri.substring(at);
    }

    /** Runs the App; on the container thread, from {@code service}. */
    public void run() {
        if (request.getContentLengthLong() > maxBodyBytes) {
            // Before the body is read and without the App, as the embedded server does.
            responded.set(true);
            send(errorReply(new HTTPPayloadTooLarge()));
            return;
        }
        try {
            app.handle(this);
        } catch (Throwable ex) {
            LOG.log(System.Logger.Level.ERROR, "unhandled error in " + this, ex);
            if (!responded.get()) {
                respond(Reply.error(new HTTPInternalServerError()));
            }
        }
        Reply reply;
        synchronized (this) {
            reply = pending;
            if (reply == null) {
                if (request.isAsyncSupported()) {
                    startAsync();
                    state = ASYNC;
                    return; // the App parked: respond() will write from the thread that resumes it
                }
                // NOTE: registered without async support: the container thread has to wait.
                state = BLOCKING_WAIT;
                while (pending == null) {
                    try {
                        wait();
                    } catch (InterruptedException ex) {
                        Thread.currentThread().interrupt();
                        LOG.log(System.Logger.Level.WARNING, "interrupted while waiting for the reply to " + this);
                        return;
                    }
                }
                reply = pending;
            }
        }
        send(reply);
    }

    /**
     * Returns {@code error} as the App renders it (its error serializer, by the request's Accept),
     * for a request that never reaches the App, with {@code connection: close}: the unread body
     * leaves the connection's framing unknown.
     */
    private Reply errorReply(HTTPError error) {
        Reply rendered = app.errorReply(this, error);
        List<String> headers = new ArrayList<>(rendered.headers());
        headers.add("connection");
        headers.add("close");
        return new Reply(rendered.status(), rendered.reason(), headers, rendered.body(),
                rendered.hasAfterSent() ? rendered::afterSent : null);
    }

    /** Starts async mode; with the monitor held. */
    private void startAsync() {
        if (async == null) {
            async = request.startAsync(request, response);
            async.setTimeout(0); // an SSE stream or a slow stage may take as long as it takes
        }
    }

    @Override
    public void respond(Reply reply) {
        if (!responded.compareAndSet(false, true)) {
            throw new IllegalStateException("respond() called twice for " + this);
        }
        synchronized (this) {
            if (state != ASYNC) {
                pending = reply; // run() writes it on the container thread
                notifyAll();
                return;
            }
        }
        send(reply);
    }

    // ---------------------------------------------------------------- writing the reply

    private void send(Reply reply) {
        try {
            writeHead(reply);
        } catch (RuntimeException ex) {
            LOG.log(System.Logger.Level.ERROR, "could not write the head of the reply to " + this, ex);
            if (reply.body() != null) {
                reply.body().release();
            }
            finish(reply);
            return;
        }
        ReplyBody body = reply.body();
        if (body instanceof ReplyBody.Publisher) {
            sendPublisher(reply, ((ReplyBody.Publisher) body).publisher());
            return;
        }
        try {
            ServletOutputStream out = response.getOutputStream();
            if (body instanceof ReplyBody.Bytes) {
                out.write(((ReplyBody.Bytes) body).bytes());
            } else if (body instanceof ReplyBody.FileRegion) {
                ReplyBody.FileRegion file = (ReplyBody.FileRegion) body;
                if (!containerSendsFile(file)) {
                    copy(file.openStream(), out); // the portable path: the container's output stream
                }
            } else if (body instanceof ReplyBody.Stream) {
                copy(((ReplyBody.Stream) body).stream(), out);
            }
            response.flushBuffer();
        } catch (IOException | RuntimeException ex) {
            // Mostly the client going away; the container closes the connection.
            LOG.log(System.Logger.Level.DEBUG, "writing the reply to " + this + " failed", ex);
        } finally {
            if (body != null) {
                body.release();
            }
        }
        finish(reply);
    }

    private void writeHead(Reply reply) {
        response.setStatus(reply.status()); // NOTE: Servlet 6 has no way to send a custom reason phrase
        List<String> lines = reply.headers();
        for (int i = 0, n = lines.size(); i < n; i += 2) {
            String name = lines.get(i);
            String value = lines.get(i + 1);
            switch (name) {
                case "content-type":
                    response.setContentType(value);
                    break;
                case "content-length":
                    response.setContentLengthLong(parseLength(value));
                    break;
                case "transfer-encoding":
                    break; // the container frames the body (chunked on HTTP/1.1, DATA frames on HTTP/2)
                case "connection":
                    if (value.regionMatches(true, 0, "close", 0, 5)) {
                        response.setHeader("connection", "close");
                    }
                    break; // otherwise the container decides, as for the embedded server
                default:
                    response.addHeader(name, value);
                    break;
            }
        }
    }

    private static void copy(InputStream in, ServletOutputStream out) throws IOException {
        byte[] buf = new byte[STREAM_CHUNK_BYTES];
        int n;
        while ((n = in.read(buf)) >= 0) {
            if (n > 0) {
                out.write(buf, 0, n);
                if (in.available() == 0) {
                    // The next read may wait for a slow producer: let the client have what there is.
                    out.flush();
                }
            }
        }
    }

    /**
     * Hands the file to Tomcat's sendfile when the connector offers it: Tomcat's documented
     * request attributes (what its DefaultServlet uses) name the file and the range, and Tomcat
     * sends it from the kernel after {@code service} returns. Only for a reply written on the
     * container thread (not in async mode), with its length declared.
     *
     * @return whether the container sends the file; the body is then not written here
     */
    private boolean containerSendsFile(ReplyBody.FileRegion file) {
        boolean inAsyncMode;
        synchronized (this) {
            inAsyncMode = async != null;
        }
        if (file.path() == null || inAsyncMode || file.length() == 0
                || !Boolean.TRUE.equals(request.getAttribute(TOMCAT_SENDFILE_SUPPORT))) {
            return false;
        }
        request.setAttribute(TOMCAT_SENDFILE_FILENAME, file.path().toAbsolutePath().toString());
        request.setAttribute(TOMCAT_SENDFILE_START, file.position());
        request.setAttribute(TOMCAT_SENDFILE_END, file.position() + file.length());
        return true;
    }

    private void sendPublisher(Reply reply, Flow.Publisher<ByteBuffer> publisher) {
        if (!request.isAsyncSupported()) {
            // NOTE: no async support: the container thread stays with the stream until it ends.
            BlockingWait done = new BlockingWait();
            publisher.subscribe(new BodySubscriber(reply, done));
            done.await(); // without the monitor: finish() takes it from the publishing thread
            return;
        }
        synchronized (this) {
            startAsync(); // SSE and published bodies never hold a container thread
        }
        BodySubscriber subscriber = new BodySubscriber(reply, null);
        async.addListener(subscriber);
        publisher.subscribe(subscriber);
    }

    /** Ends the exchange once: completes async mode, then runs the App's after-response work. */
    private void finish(Reply reply) {
        if (!finished.compareAndSet(false, true)) {
            return;
        }
        AsyncContext context;
        synchronized (this) {
            context = async;
        }
        if (context != null) {
            try {
                context.complete();
            } catch (IllegalStateException alreadyOver) {
                // the container ended it first (an error or the client going away)
            }
        }
        if (reply.hasAfterSent()) {
            // Off the container thread, so that it returns to the container at once.
            executor.execute(reply::afterSent); // the App's callbacks log their own failures
        }
    }

    /** Writes published chunks as they come, one requested at a time, flushing each (SSE). */
    private final class BodySubscriber implements Flow.Subscriber<ByteBuffer>, AsyncListener {
        private final Reply reply;
        private final BlockingWait done;
        private volatile Flow.Subscription subscription;
        private final AtomicBoolean over = new AtomicBoolean();
        private long sent;

        BodySubscriber(Reply reply, BlockingWait done) {
            this.reply = reply;
            this.done = done;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(1);
        }

        @Override
        public void onNext(ByteBuffer item) {
            if (over.get()) {
                return;
            }
            try {
                ServletOutputStream out = response.getOutputStream();
                int n = item.remaining();
                if (item.hasArray()) {
                    out.write(item.array(), item.arrayOffset() + item.position(), n);
                } else {
                    byte[] copy = new byte[n];
                    item.get(copy);
                    out.write(copy);
                }
                out.flush();
                sent += n;
            } catch (IOException | RuntimeException ex) {
                LOG.log(System.Logger.Level.DEBUG, "response stream of " + ServletExchange.this + " ended after "
                        + sent + " bytes: the client went away", ex);
                cancel();
                return;
            }
            subscription.request(1);
        }

        @Override
        public void onError(Throwable ex) {
            LOG.log(System.Logger.Level.ERROR, "response stream of " + ServletExchange.this + " failed after "
                    + sent + " bytes", ex);
            end();
        }

        @Override
        public void onComplete() {
            try {
                response.flushBuffer();
            } catch (IOException ex) {
                LOG.log(System.Logger.Level.DEBUG, "flushing the end of " + ServletExchange.this + " failed", ex);
            }
            end();
        }

        private void cancel() {
            Flow.Subscription s = subscription;
            if (s != null) {
                s.cancel();
            }
            end();
        }

        private void end() {
            if (over.compareAndSet(false, true)) {
                finish(reply);
                if (done != null) {
                    done.release();
                }
            }
        }

        // The container reports a lost client or an I/O error here, between writes.
        @Override
        public void onError(AsyncEvent event) {
            cancel();
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            cancel();
        }

        @Override
        public void onComplete(AsyncEvent event) {
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
        }
    }

    /** A container thread waiting for a published body to end (no async support). */
    private static final class BlockingWait {
        private boolean released;

        synchronized void release() {
            released = true;
            notifyAll();
        }

        synchronized void await() {
            while (!released) {
                try {
                    wait();
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private static long parseLength(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException ex) {
            return -1;
        }
    }

    // ---------------------------------------------------------------- the request

    @Override
    public String method() {
        return request.getMethod();
    }

    @Override
    public String rawPath() {
        return rawPath;
    }

    @Override
    public String queryString() {
        return queryString;
    }

    @Override
    public String protocol() {
        return request.getProtocol();
    }

    @Override
    public String scheme() {
        return request.getScheme();
    }

    @Override
    public String serverHost() {
        return request.getServerName();
    }

    @Override
    public int serverPort() {
        return request.getServerPort();
    }

    @Override
    public String remoteAddr() {
        return request.getRemoteAddr();
    }

    @Override
    public String rootPath() {
        return rootPath;
    }

    @Override
    public RequestHeaders headers() {
        RequestHeaders h = headers;
        if (h == null) {
            h = headers = new ServletRequestHeaders(request);
        }
        return h;
    }

    @Override
    public InputStream body() {
        InputStream in = body;
        if (in == null) {
            try {
                in = body = new LimitedBody(request.getInputStream(), maxBodyBytes);
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
        return in;
    }

    /**
     * The container's request body as the App reads it: past {@code limit} bytes it throws {@link
     * HTTPPayloadTooLarge} (a chunked body has no Content-Length to check first), and an {@link
     * IOException} from the container (the client cut the upload, bad chunk framing) becomes an
     * {@link HTTPBadRequest}; both are unchecked {@link HTTPError}s that the App answers with its
     * error rendering, where an {@code UncheckedIOException} would be a 500.
     */
    static final class LimitedBody extends InputStream {
        private final InputStream in;
        private final long limit;
        private long read;

        LimitedBody(InputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() {
            int b;
            try {
                b = in.read();
            } catch (IOException ex) {
                throw badRequest(ex);
            }
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) {
            int n;
            try {
                n = in.read(buf, off, len);
            } catch (IOException ex) {
                throw badRequest(ex);
            }
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > limit) {
                throw new HTTPPayloadTooLarge();
            }
        }

        @Override
        public int available() {
            try {
                return in.available();
            } catch (IOException ex) {
                return 0;
            }
        }

        @Override
        public void close() throws IOException {
            in.close();
        }

        private static HTTPBadRequest badRequest(IOException ex) {
            return new HTTPBadRequest("Bad request body", "The request body could not be read: " + ex.getMessage());
        }
    }

    @Override
    public Executor executor() {
        return executor;
    }

    @Override
    public String toString() {
        return request.getMethod() + " " + request.getRequestURI();
    }
}
