package falcon.server.internal;

import falcon.gateway.Reply;
import falcon.gateway.ReplyBody;
import falcon.server.ServerOptions;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.DefaultFileRegion;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The write side of one HTTP/1.1 connection or HTTP/2 stream: writes its responses (whole,
 * streamed, as a file, or from a publisher through a {@link PublisherWriter}), waits for
 * writability and for writes to complete, and hands after-response callbacks to the workers.
 *
 * <p>What a response does to its connection (the {@code connection} header, closing it, ending an
 * HTTP/2 stream) is the protocol's, so it asks its {@link ExchangeHandler}; once a response is
 * written it tells the handler, which serves the next request.
 *
 * <p>Threads: workers call the methods documented "from a worker"; those that touch loop state
 * post a task to the loop, the others use Netty's thread-safe channel writes. {@code streamWriter}
 * is the loop's; the {@code writability} lock guards nothing but a worker's wait for writability.
 */
final class ResponseWriter {

    private static final System.Logger LOG = System.getLogger("falcon.server");

    /** Bytes read from a response stream per chunk written. */
    static final int STREAM_CHUNK_BYTES = 16 * 1024;

    private final ExchangeHandler handler;
    private final ServerOptions options;
    private final Executor workers;
    private final boolean onLoop;
    private final boolean zeroCopy;

    // set on the loop before the first request: published to workers by the executor hand-off
    private ChannelHandlerContext ctx;
    private Channel channel;

    // guards nothing but the writability wait of a worker streaming a response
    private final ReentrantLock writability = new ReentrantLock();
    private final Condition writable = writability.newCondition();

    /** The writer of the current publisher body; the loop's. */
    private PublisherWriter streamWriter;

    /**
     * @param onLoop whether the App may respond on the event loop ({@code EVENT_LOOP} mode)
     * @param zeroCopy whether a file may go to the channel as a {@link io.netty.channel.FileRegion}:
     *     neither TLS nor HTTP/2 frames can carry one, so they get the file in chunks instead
     */
    ResponseWriter(ExchangeHandler handler, ServerOptions options, Executor workers, boolean onLoop,
            boolean zeroCopy) {
        this.handler = handler;
        this.options = options;
        this.workers = workers;
        this.onLoop = onLoop;
        this.zeroCopy = zeroCopy;
    }

    /** On the loop: the handler joined its pipeline at {@code ctx}. */
    void attach(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        this.channel = ctx.channel();
    }

    Channel channel() {
        return channel;
    }

    // ---------------------------------------------------------------- whole responses

    /** From a worker (or the loop, in EVENT_LOOP mode): writes a complete response. */
    void writeFull(NettyExchange ex, FullHttpResponse response, Reply reply, boolean appClose) {
        if (onLoop && channel.eventLoop().inEventLoop() && !handler.pipelined()) {
            // PERF: EVENT_LOOP mode, nothing pipelined behind: write now instead of queueing a task.
            writeFullOnLoop(ex, response, reply, appClose);
            return;
        }
        // Queued otherwise, even on the loop: writing may start the next pipelined request.
        FullWrite write = new FullWrite(ex, response, reply, appClose);
        WorkerHandOff.Batch batch = ex.batch();
        try {
            if (batch != null) {
                batch.write(write); // PERF: with the rest of its batch, one wake-up of the loop
            } else {
                channel.eventLoop().execute(write);
            }
        } catch (RejectedExecutionException loopGone) {
            write.abandon();
        }
    }

    private void writeFullOnLoop(NettyExchange ex, FullHttpResponse response, Reply reply, boolean appClose) {
        boolean close = handler.finishHeaders(ex, response.headers(), appClose);
        ChannelFuture f = ctx.writeAndFlush(response);
        if (handler.endsAfter(ex, close)) {
            handler.closeWhenWritten(f);
        }
        if (reply.hasAfterSent()) { // none costs no task
            f.addListener(done -> afterSent(reply));
        }
        handler.responseWritten(ex, close);
    }

    /** A whole response on its way to the loop, which writes it when it runs this. */
    final class FullWrite implements Runnable {
        private final NettyExchange ex;
        private final FullHttpResponse response;
        private final Reply reply;
        private final boolean appClose;

        FullWrite(NettyExchange ex, FullHttpResponse response, Reply reply, boolean appClose) {
            this.ex = ex;
            this.response = response;
            this.reply = reply;
            this.appClose = appClose;
        }

        @Override
        public void run() {
            writeFullOnLoop(ex, response, reply, appClose);
        }

        /** The loop is gone (the server is down): frees the response and runs its callbacks. */
        void abandon() {
            response.release();
            runAfterSent(reply);
        }
    }

    /** On the loop: answers a request that never reached the App, and ends the connection after it. */
    void writeRejection(Reply reply) {
        handler.closeWhenWritten(ctx.writeAndFlush(ErrorResponses.closing(reply)));
    }

    /** On the loop: tells a client that waits for it to send its body. */
    void writeContinue() {
        ctx.writeAndFlush(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE,
                Unpooled.EMPTY_BUFFER));
    }

    // ---------------------------------------------------------------- streamed responses

    /**
     * From a worker (or the loop, in EVENT_LOOP mode): writes a response whose body is a stream
     * or a file, in chunks or, where the channel allows, with zero copy. It reads the body and
     * awaits writability, so it runs on a worker: the caller's, or one it hands the work to.
     *
     * @param declared the body's declared length, or -1 when the body's end ends it
     */
    void writeBody(NettyExchange ex, Reply reply, HttpResponse head, ReplyBody body, long declared,
            boolean appClose) {
        Runnable send;
        if (body instanceof ReplyBody.FileRegion && zeroCopy && declared == ((ReplyBody.FileRegion) body).length()) {
            ReplyBody.FileRegion file = (ReplyBody.FileRegion) body;
            send = () -> writeFile(ex, reply, head, file, appClose);
        } else {
            InputStream stream = body instanceof ReplyBody.FileRegion ? ((ReplyBody.FileRegion) body).openStream()
                    : ((ReplyBody.Stream) body).stream();
            send = () -> writeStream(ex, reply, head, stream, declared, appClose);
        }
        if (channel.eventLoop().inEventLoop()) {
            // EVENT_LOOP mode: a stream is read and awaits writability, so never on the loop.
            workers.execute(send);
        } else {
            send.run();
        }
    }

    private void writeStream(NettyExchange ex, Reply reply, HttpResponse head, InputStream in, long declared,
            boolean appClose) {
        ex.responseStreamStarted();
        boolean complete = false;
        long sent = 0;
        try {
            writeHead(ex, head, appClose);
            while (true) {
                int max = declared >= 0 ? (int) Math.min(STREAM_CHUNK_BYTES, declared - sent) : STREAM_CHUNK_BYTES;
                if (max == 0) {
                    complete = true; // the declared length is out; what follows is not ours to send
                    break;
                }
                if (!awaitWritable()) {
                    break; // the client went away
                }
                ByteBuf buf = channel.alloc().buffer(max);
                int n;
                try {
                    n = buf.writeBytes(in, max);
                } catch (IOException | RuntimeException e) {
                    buf.release();
                    throw e;
                }
                if (n < 0) {
                    buf.release();
                    complete = declared < 0 || sent == declared;
                    if (!complete) {
                        LOG.log(System.Logger.Level.WARNING, "response stream of " + ex + " ended after " + sent
                                + " of " + declared + " bytes");
                    }
                    break;
                }
                if (n == 0) {
                    buf.release();
                    continue;
                }
                sent += n;
                writeChunk(new DefaultHttpContent(buf));
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "response stream of " + ex + " failed after " + sent + " bytes", e);
        } finally {
            closeQuietly(in);
        }
        try {
            finishStream(ex, complete);
        } finally {
            ex.responseStreamEnded();
            runAfterSent(reply);
        }
    }

    /**
     * Sends a static file with zero copy: the kernel moves the bytes from the file to the socket
     * (a {@link DefaultFileRegion}, sendfile(2) on epoll and NIO); the region closes the file.
     */
    private void writeFile(NettyExchange ex, Reply reply, HttpResponse head, ReplyBody.FileRegion file,
            boolean appClose) {
        ex.responseStreamStarted();
        boolean complete = false;
        try {
            writeHead(ex, head, appClose);
            if (file.length() > 0) {
                ChannelFuture written = channel.writeAndFlush(
                        new DefaultFileRegion(file.channel(), file.position(), file.length()));
                complete = awaitWritten(written); // a worker: the next step follows the file
            } else {
                file.release();
                complete = true;
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "file response of " + ex + " failed", e);
            file.release();
        }
        try {
            finishStream(ex, complete);
        } finally {
            ex.responseStreamEnded();
            runAfterSent(reply);
        }
    }

    /** From a worker: writes the head of a streamed response. */
    void writeHead(NettyExchange ex, HttpResponse head, boolean appClose) {
        channel.eventLoop().execute(() -> {
            ex.streamHeadSent(handler.finishHeaders(ex, head.headers(), appClose));
            ctx.writeAndFlush(head);
        });
    }

    /** From a worker: writes one chunk of a streamed response; nobody waits for it. */
    void writeChunk(HttpContent chunk) {
        channel.writeAndFlush(chunk, channel.voidPromise());
    }

    /**
     * From a worker: ends a streamed response. When {@code complete} is false its framing is
     * broken (the stream failed or was short), so the connection is closed instead.
     */
    void finishStream(NettyExchange ex, boolean complete) {
        if (!complete) {
            channel.close();
            return;
        }
        ChannelFuture f = channel.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT);
        f.addListener(done -> lastChunkWritten(ex, f, done.isSuccess()));
        awaitWritten(f); // the caller runs afterSent next: after the write completed
    }

    /** On the loop: the last chunk of a streamed response is written (or failed). */
    private void lastChunkWritten(NettyExchange ex, ChannelFuture f, boolean success) {
        if (handler.endsAfter(ex, ex.closesAfterStream() || !success)) {
            handler.closeWhenWritten(f);
        }
        handler.responseWritten(ex, ex.closesAfterStream());
    }

    /**
     * From a worker: waits for a write to complete, at most the idle timeout; a client that
     * stopped reading is disconnected rather than holding the worker. Returns whether it succeeded.
     */
    boolean awaitWritten(ChannelFuture f) {
        if (!f.awaitUninterruptibly(options.idleTimeout().toMillis())) {
            channel.close();
            return false;
        }
        return f.isSuccess();
    }

    /**
     * From a worker: waits until the channel can take more, so a streamed response never piles up
     * in memory. Returns false when the channel closed.
     */
    boolean awaitWritable() {
        if (channel.isWritable()) {
            return true;
        }
        // a client that keeps the connection open (pings, a trickled next request) but reads
        // nothing must not hold the worker forever: past the idle timeout it is disconnected
        long deadline = System.nanoTime() + options.idleTimeout().toNanos();
        writability.lock();
        try {
            while (!channel.isWritable()) {
                if (!channel.isActive()) {
                    return false;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    channel.close();
                    return false;
                }
                writable.awaitNanos(Math.min(left, TimeUnit.SECONDS.toNanos(1)));
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            writability.unlock();
        }
    }

    // ---------------------------------------------------------------- publisher bodies

    /** From a worker: writes a response whose body is a publisher, with back-pressure. */
    void writePublisher(NettyExchange ex, Reply reply, HttpResponse head, Flow.Publisher<ByteBuffer> publisher,
            boolean appClose) {
        ex.responseStreamStarted();
        new PublisherWriter(this, ex, reply, publisher).start(head, appClose);
    }

    /** From a worker: registers the writer of a publisher body, on the loop. */
    void setStreamWriter(PublisherWriter writer) {
        handler.execute(() -> streamWriter = writer);
    }

    /** From any thread: writes one chunk of a publisher body; {@code written} runs once it is written. */
    void writeChunk(HttpContent chunk, ChannelFutureListener written) {
        channel.writeAndFlush(chunk).addListener(written);
    }

    /**
     * From any thread: ends a publisher body without blocking (the publisher may complete on
     * the loop itself); the reply's after-response callbacks run once the last chunk is written.
     */
    void finishPublisher(NettyExchange ex, boolean complete, PublisherWriter writer, Reply reply) {
        handler.execute(() -> {
            if (streamWriter == writer) {
                streamWriter = null;
            }
            if (!complete) {
                channel.close();
                afterSent(reply);
                return;
            }
            ChannelFuture f = channel.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT);
            f.addListener(done -> {
                lastChunkWritten(ex, f, done.isSuccess());
                afterSent(reply);
            });
        });
    }

    // ---------------------------------------------------------------- channel events, on the loop

    /** The channel's writability changed: a publisher or a worker waiting to write may go on. */
    void writabilityChanged() {
        PublisherWriter writer = streamWriter;
        if (writer != null) {
            writer.writabilityChanged();
        }
        signalWritability();
    }

    /** The channel closed: a waiting worker gives up, a publisher is cancelled. */
    void channelClosed() {
        signalWritability();
        PublisherWriter writer = streamWriter;
        if (writer != null) {
            streamWriter = null;
            writer.channelClosed();
        }
    }

    private void signalWritability() {
        writability.lock();
        try {
            writable.signalAll();
        } finally {
            writability.unlock();
        }
    }

    // ---------------------------------------------------------------- helpers

    /** Runs the reply's after-response callbacks on a worker (here, if the workers are gone). */
    private void afterSent(Reply reply) {
        try {
            workers.execute(() -> runAfterSent(reply));
        } catch (RejectedExecutionException shuttingDown) {
            runAfterSent(reply);
        }
    }

    /** Runs the App's after-response callbacks (they log their own failures). */
    private static void runAfterSent(Reply reply) {
        reply.afterSent();
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "closing a response stream failed", e);
        }
    }
}
