package falcon.server.internal;

import falcon.gateway.Reply;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.concurrent.Flow;
import java.util.concurrent.RejectedExecutionException;

/**
 * Subscribes to a reply's body publisher and writes what it publishes with back-pressure, through
 * the connection's {@link ResponseWriter}.
 *
 * <p>One chunk is requested at a time, and the next only once the previous one is written and
 * the channel is writable: a slow client never makes the server buffer more than one chunk plus
 * the channel's high-water mark. The loop signals writability changes through {@link
 * ResponseWriter#writabilityChanged}; a closed channel cancels the subscription.
 *
 * <p>Fields: {@code subscription} is written once in {@code onSubscribe} before any request;
 * {@code waitingForWritable} and {@code done} belong to the event loop.
 */
final class PublisherWriter implements Flow.Subscriber<ByteBuffer> {

    private static final System.Logger LOG = System.getLogger("falcon.server");

    private final ResponseWriter writer;
    private final NettyExchange exchange;
    private final Channel channel;
    private final Reply reply;
    private final Flow.Publisher<ByteBuffer> publisher;
    private volatile Flow.Subscription subscription;
    private boolean waitingForWritable;
    private volatile boolean done;
    private long sent;

    PublisherWriter(ResponseWriter writer, NettyExchange exchange, Reply reply, Flow.Publisher<ByteBuffer> publisher) {
        this.writer = writer;
        this.exchange = exchange;
        this.channel = writer.channel();
        this.reply = reply;
        this.publisher = publisher;
    }

    /** From a worker: writes the head, then subscribes. */
    void start(HttpResponse head, boolean appClose) {
        writer.writeHead(exchange, head, appClose);
        writer.setStreamWriter(this);
        publisher.subscribe(this);
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        requestMore();
    }

    /** Requests the next chunk on the loop, at once if the channel is writable. */
    private void requestMore() {
        try {
            channel.eventLoop().execute(() -> {
                if (done) {
                    return;
                }
                if (!channel.isActive()) {
                    cancel();
                } else if (channel.isWritable()) {
                    subscription.request(1);
                } else {
                    waitingForWritable = true;
                }
            });
        } catch (RejectedExecutionException loopGone) {
            cancel();
        }
    }

    /** On the loop: the channel's writability changed. */
    void writabilityChanged() {
        if (waitingForWritable && channel.isWritable() && !done) {
            waitingForWritable = false;
            subscription.request(1);
        }
    }

    /** On the loop: the connection closed under us. */
    void channelClosed() {
        cancel();
    }

    private void cancel() {
        if (!done) {
            done = true;
            Flow.Subscription s = subscription;
            if (s != null) {
                s.cancel();
            }
            finish(false);
        }
    }

    @Override
    public void onNext(ByteBuffer item) {
        if (done) {
            return;
        }
        int n = item.remaining();
        sent += n;
        writer.writeChunk(new DefaultHttpContent(Unpooled.wrappedBuffer(item)), f -> {
            if (f.isSuccess()) {
                requestMore();
            } else {
                channel.eventLoop().execute(this::cancel);
            }
        });
    }

    @Override
    public void onError(Throwable ex) {
        if (!done) {
            LOG.log(System.Logger.Level.ERROR, "response stream of " + exchange + " failed after " + sent + " bytes", ex);
            done = true;
            finish(false);
        }
    }

    @Override
    public void onComplete() {
        if (!done) {
            done = true;
            finish(true);
        }
    }

    private void finish(boolean complete) {
        exchange.responseStreamEnded();
        writer.finishPublisher(exchange, complete, this, reply);
    }
}
