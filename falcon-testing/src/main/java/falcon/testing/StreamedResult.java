package falcon.testing;

import falcon.gateway.Reply;
import falcon.gateway.ReplyBody;
import falcon.internal.Publishers;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A response whose body is read chunk by chunk while the App is still producing it, e.g. an SSE
 * stream.
 *
 * <pre>{@code
 * try (StreamedResult result = client.simulateGetStream("/events")) {
 *     assertThat(result.getHeader("content-type")).isEqualTo("text/event-stream");
 *     assertThat(new String(result.read(), UTF_8)).isEqualTo("data: hello\n\n");
 * }   // closing disconnects: the App's producer sees the client go away
 * }</pre>
 *
 * <p>Chunks are requested one at a time, as {@link #read()} takes them, so the App feels the
 * same back-pressure as from a slow client. Falcon: {@code falcon.testing.StreamedResult} and its
 * {@code ResultBodyStream}; {@link #close()} is Falcon's {@code finalize()} (a name Java reserves).
 */
public final class StreamedResult implements AutoCloseable {

    /** How long {@link #read()} waits for the next chunk. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    private static final Object END = new Object();

    private final Reply reply;
    private final Result head;
    private final LinkedBlockingQueue<Object> chunks = new LinkedBlockingQueue<>();
    private volatile Flow.Subscription subscription;
    private boolean ended;
    private boolean afterSentRun;

    StreamedResult(Reply reply) {
        this.reply = reply;
        this.head = new Result(reply, new byte[0]);
        ReplyBody body = reply.body();
        Flow.Publisher<ByteBuffer> publisher;
        if (body instanceof ReplyBody.Publisher) {
            publisher = ((ReplyBody.Publisher) body).publisher();
        } else {
            publisher = Publishers.ofInputStream(TestClient.streamOf(body), Publishers.blockingExecutor());
        }
        publisher.subscribe(new Flow.Subscriber<ByteBuffer>() {
            @Override
            public void onSubscribe(Flow.Subscription s) {
                subscription = s;
                s.request(1);
            }

            @Override
            public void onNext(ByteBuffer item) {
                byte[] bytes = new byte[item.remaining()];
                item.get(bytes);
                chunks.add(bytes);
            }

            @Override
            public void onError(Throwable ex) {
                chunks.add(ex);
            }

            @Override
            public void onComplete() {
                chunks.add(END);
            }
        });
    }

    /**
     * Returns the status line.
     *
     * @return the status code and reason phrase
     */
    public String getStatus() {
        return head.getStatus();
    }

    /**
     * Returns the status code.
     *
     * @return the status code
     */
    public int getStatusCode() {
        return head.getStatusCode();
    }

    /**
     * Returns the headers, one value per name.
     *
     * @return an unmodifiable map from header name (case-insensitive) to its last value
     */
    public Map<String, String> getHeaders() {
        return head.getHeaders();
    }

    /**
     * Returns the value of header {@code name}, or {@code null}.
     *
     * @param name the header name, case-insensitive
     * @return the last value, or {@code null} when the header is absent
     */
    public String getHeader(String name) {
        return head.getHeader(name);
    }

    /**
     * Returns the header lines, flat.
     *
     * @return the header lines, flat: name, value, name, value, ...
     */
    public List<String> getHeaderLines() {
        return head.getHeaderLines();
    }

    /**
     * Returns the next chunk the App produced, waiting up to {@link #DEFAULT_TIMEOUT}; an empty
     * array once the body ended. Falcon: {@code await result.stream.read()}.
     *
     * @return the next chunk, or an empty array once the body ended
     * @throws IOException when the App's stream failed
     * @throws AssertionError when nothing came in time
     */
    public byte[] read() throws IOException {
        if (ended) {
            return new byte[0];
        }
        Object next;
        try {
            next = chunks.poll(DEFAULT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", ex);
        }
        if (next == null) {
            throw new AssertionError("no chunk from the App within " + DEFAULT_TIMEOUT.toSeconds() + " s");
        }
        if (next == END) {
            ended = true;
            runAfterSent();
            return new byte[0];
        }
        if (next instanceof Throwable) {
            ended = true;
            throw new IOException("the App's stream failed", (Throwable) next);
        }
        subscription.request(1);
        return (byte[]) next;
    }

    /**
     * Returns the next chunk as UTF-8 text; empty once the body ended.
     *
     * @return the next chunk as text, or an empty string once the body ended
     * @throws IOException when the App's stream failed
     * @throws AssertionError when nothing came in time
     */
    public String readText() throws IOException {
        return new String(read(), StandardCharsets.UTF_8);
    }

    /** Disconnects: cancels the stream if it is still running. Falcon: {@code finalize()}. */
    @Override
    public void close() {
        Flow.Subscription s = subscription;
        if (!ended && s != null) {
            ended = true;
            s.cancel();
        }
        runAfterSent();
    }

    private void runAfterSent() {
        if (!afterSentRun) {
            afterSentRun = true;
            reply.afterSent();
        }
    }
}
