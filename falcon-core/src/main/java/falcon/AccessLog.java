package falcon;

import falcon.gateway.Exchange;
import falcon.gateway.ForwardingExchange;
import falcon.gateway.ForwardingHandler;
import falcon.gateway.Handler;
import falcon.gateway.Reply;
import falcon.gateway.RequestHeaders;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * An access log and request IDs, around any {@link Handler} (an {@link App}): one line per
 * request, written by a background thread, never by the thread that serves the request.
 *
 * <pre>{@code
 * Handler logged = AccessLog.builder().format(AccessLog.Format.COMBINED).build().wrap(app);
 * Server.serve(logged, 8000);
 * }</pre>
 *
 * <p><b>Request IDs.</b> Each request gets an ID: the {@code X-Request-ID} it came with (a proxy's
 * or a client's), when that is 1 to {@value #MAX_REQUEST_ID_LENGTH} visible ASCII characters
 * other than {@code "} and {@code \}, else a new random one (32 hex digits). The App sees it as
 * the request's {@code X-Request-ID} header ({@code req.getHeader("X-Request-ID")}), whether the
 * client sent one or not, and the response carries it back in {@code X-Request-ID}.
 *
 * <p><b>Formats.</b> {@link Format#COMMON} and {@link Format#COMBINED} are Apache's and nginx's,
 * with the request ID and the duration in milliseconds appended; {@link Format#JSON} is one JSON
 * object a line, for log shippers.
 *
 * <p><b>Off the request path.</b> The serving thread only records a few fields once the response
 * is out and puts them on a bounded queue; a daemon thread formats the line and hands it to the
 * sink (by default the {@code System.Logger} named {@code falcon.access}, at {@code INFO}). When
 * the queue is full (a sink slower than the traffic) lines are dropped and counted ({@link
 * #getDropped()}) rather than slowing requests down. WebSocket sessions are not logged.
 *
 * <p>Falcon has none; its FAQ's "request-ID logging" recipe is this class's example.
 */
public final class AccessLog {

    /** The request and response header carrying the request ID. */
    public static final String REQUEST_ID_HEADER = "X-Request-ID";

    /** The longest request ID taken from a request; longer ones are replaced by a new ID. */
    public static final int MAX_REQUEST_ID_LENGTH = 200;

    /** The default capacity of the queue between the serving threads and the writer. */
    public static final int DEFAULT_QUEUE_CAPACITY = 8192;

    private static final String REQUEST_ID_LOWER = "x-request-id";
    private static final DateTimeFormatter CLF_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ROOT);
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    /** A log line's layout. */
    public enum Format {
        /**
         * Common Log Format plus the request ID and duration: {@code 127.0.0.1 - -
         * [05/Dec/2026:10:15:30 +0000] "GET /things?x=1 HTTP/1.1" 200 17 "id" 3}.
         */
        COMMON,
        /** {@link #COMMON} with the {@code Referer} and {@code User-Agent} before the ID and duration. */
        COMBINED,
        /**
         * One JSON object a line: {@code time} (ISO-8601), {@code remote}, {@code method}, {@code
         * target}, {@code protocol}, {@code status}, {@code bytes} (absent when the length was not
         * known), {@code duration_ms}, {@code request_id}, {@code referer}, {@code user_agent}.
         */
        JSON
    }

    private final Format format;
    private final Consumer<String> sink;
    private final ZoneId zone;
    private final BlockingQueue<Entry> queue;
    private final Thread writer;
    private final AtomicLong dropped = new AtomicLong();

    private AccessLog(Builder b) {
        this.format = b.format;
        this.sink = b.sink;
        this.zone = b.zone;
        this.queue = new ArrayBlockingQueue<>(b.queueCapacity);
        this.writer = new Thread(this::drain, "falcon-access-log");
        writer.setDaemon(true);
        writer.start();
    }

    /**
     * Returns a builder: {@link Format#COMBINED}, to the {@code System.Logger} {@code
     * falcon.access}, times in UTC.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns {@code handler} with request IDs and this log around it.
     *
     * @param handler the App (or any handler) to serve
     * @return the handler to give the server or the test client
     */
    public Handler wrap(Handler handler) {
        return new Logged(handler);
    }

    /**
     * Returns how many lines were dropped because the queue was full.
     *
     * @return the number of dropped lines since the log was built
     */
    public long getDropped() {
        return dropped.get();
    }

    /**
     * Returns the request ID a request carries, or a new one: its {@code X-Request-ID} when that
     * is an acceptable ID (see the class comment), else {@code null}.
     */
    static String acceptedId(String value) {
        if (value == null || value.isEmpty() || value.length() > MAX_REQUEST_ID_LENGTH) {
            return null;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            // visible ASCII only, and nothing that would need escaping in a log line
            if (c <= ' ' || c >= 0x7f || c == '"' || c == '\\') {
                return null;
            }
        }
        return value;
    }

    /** 128 random bits as 32 hex digits; a thread-local generator, no lock. */
    static String newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        char[] out = new char[32];
        long hi = random.nextLong();
        long lo = random.nextLong();
        for (int i = 0; i < 16; i++) {
            out[i] = HEX[(int) (hi >>> (60 - 4 * i)) & 0xf];
            out[16 + i] = HEX[(int) (lo >>> (60 - 4 * i)) & 0xf];
        }
        return new String(out);
    }

    // ------------------------------------------------------------------ the writer thread

    /** What a line needs, recorded by the serving thread. */
    private static final class Entry {
        long epochMillis;
        long startNanos;
        long durationNanos;
        String remote;
        String method;
        String target;
        String protocol;
        int status;
        long bytes = -1;
        String requestId;
        String referer;
        String userAgent;
    }

    private void drain() {
        StringBuilder line = new StringBuilder(256);
        while (true) {
            Entry e;
            try {
                e = queue.take();
            } catch (InterruptedException ex) {
                // stopping: the lines already queued are still written
                for (Entry left = queue.poll(); left != null; left = queue.poll()) {
                    write(line, left);
                }
                return;
            }
            write(line, e);
        }
    }

    private void write(StringBuilder line, Entry e) {
        line.setLength(0);
        try {
            if (format == Format.JSON) {
                json(line, e);
            } else {
                clf(line, e);
            }
            sink.accept(line.toString());
        } catch (RuntimeException ex) {
            // a failing sink must not stop the log
            System.getLogger("falcon").log(System.Logger.Level.WARNING, "access log sink failed", ex);
        }
    }

    /**
     * Writes the lines still queued, then stops the writer thread; the App's {@code shutdown()}
     * (the server's close, after the last request) calls it, so no line of the last requests is
     * lost. Waits at most a few seconds for a slow sink.
     */
    void close() {
        writer.interrupt();
        try {
            writer.join(5000);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    private void clf(StringBuilder b, Entry e) {
        b.append(e.remote == null ? "-" : e.remote).append(" - - [")
                .append(CLF_TIME.format(Instant.ofEpochMilli(e.epochMillis).atZone(zone))).append("] \"")
                .append(e.method).append(' ');
        quoted(b, e.target);
        b.append(' ').append(e.protocol).append("\" ")
                .append(e.status).append(' ');
        if (e.bytes >= 0) {
            b.append(e.bytes);
        } else {
            b.append('-');
        }
        if (format == Format.COMBINED) {
            b.append(" \"");
            quoted(b, e.referer);
            b.append("\" \"");
            quoted(b, e.userAgent);
            b.append('"');
        }
        b.append(" \"").append(e.requestId).append("\" ").append(e.durationNanos / 1_000_000);
    }

    /** A header value inside a quoted log field: {@code -} when absent, quotes and controls escaped. */
    private static void quoted(StringBuilder b, String value) {
        if (value == null) {
            b.append('-');
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < ' ' || c == 0x7f) {
                b.append("\\x").append(HEX[c >> 4]).append(HEX[c & 0xf]);
            } else {
                b.append(c);
            }
        }
    }

    private void json(StringBuilder b, Entry e) {
        b.append("{\"time\":\"").append(Instant.ofEpochMilli(e.epochMillis)).append('"');
        field(b, "remote", e.remote);
        field(b, "method", e.method);
        field(b, "target", e.target);
        field(b, "protocol", e.protocol);
        b.append(",\"status\":").append(e.status);
        if (e.bytes >= 0) {
            b.append(",\"bytes\":").append(e.bytes);
        }
        b.append(",\"duration_ms\":").append(e.durationNanos / 1_000_000);
        field(b, "request_id", e.requestId);
        field(b, "referer", e.referer);
        field(b, "user_agent", e.userAgent);
        b.append('}');
    }

    private static void field(StringBuilder b, String name, String value) {
        if (value == null) {
            return;
        }
        b.append(",\"").append(name).append("\":\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < ' ') {
                b.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xf]);
            } else {
                b.append(c);
            }
        }
        b.append('"');
    }

    // ------------------------------------------------------------------ the request path

    private final class Logged extends ForwardingHandler {
        Logged(Handler app) {
            super(app);
        }

        @Override
        public void shutdown() {
            try {
                delegate.shutdown();
            } finally {
                close();
            }
        }

        @Override
        public void handle(Exchange exchange) {
            if (exchange.webSocket() != null) {
                delegate.handle(exchange);
                return;
            }
            delegate.handle(new LoggedExchange(exchange, begin(exchange)));
        }

        @Override
        public Reply errorReply(Exchange exchange, HTTPError error) {
            Entry e = begin(exchange);
            Reply reply = withId(delegate.errorReply(exchange, error), e);
            end(e, reply);
            return reply;
        }

    }

    private Entry begin(Exchange exchange) {
        Entry e = new Entry();
        e.startNanos = System.nanoTime();
        e.epochMillis = System.currentTimeMillis();
        e.remote = exchange.remoteAddr();
        e.method = exchange.method();
        String query = exchange.queryString();
        String path = exchange.rawPath();
        e.target = query == null || query.isEmpty() ? path : path + '?' + query;
        e.protocol = exchange.protocol();
        RequestHeaders headers = exchange.headers();
        String id = null;
        if (headers != null) {
            id = acceptedId(headers.get(REQUEST_ID_LOWER));
            e.referer = headers.get("referer");
            e.userAgent = headers.get("user-agent");
        }
        e.requestId = id != null ? id : newId();
        return e;
    }

    private static Reply withId(Reply reply, Entry e) {
        List<String> headers = new ArrayList<>(reply.headers().size() + 2);
        List<String> old = reply.headers();
        for (int i = 0; i < old.size(); i += 2) {
            // the App's own X-Request-ID, if it set one, gives way to the ID the request has
            if (!old.get(i).equalsIgnoreCase(REQUEST_ID_LOWER)) {
                headers.add(old.get(i));
                headers.add(old.get(i + 1));
            }
        }
        headers.add(REQUEST_ID_LOWER);
        headers.add(e.requestId);
        return new Reply(reply.status(), reply.reason(), headers, reply.body(),
                reply.hasAfterSent() ? reply::afterSent : null);
    }

    private void end(Entry e, Reply reply) {
        e.durationNanos = System.nanoTime() - e.startNanos;
        e.status = reply.status();
        String length = reply.header("content-length");
        if (length != null) {
            try {
                e.bytes = "HEAD".equals(e.method) ? 0 : Long.parseLong(length);
            } catch (NumberFormatException ignored) {
                e.bytes = -1;
            }
        }
        if (!queue.offer(e)) {
            dropped.incrementAndGet();
        }
    }

    /** The exchange as the App sees it: the request ID among the headers, the reply logged once sent. */
    private final class LoggedExchange extends ForwardingExchange {
        private final Entry entry;
        private RequestHeaders headers;

        LoggedExchange(Exchange exchange, Entry entry) {
            super(exchange);
            this.entry = entry;
        }

        @Override
        public void respond(Reply reply) {
            Reply withId = withId(reply, entry);
            delegate.respond(new Reply(withId.status(), withId.reason(), withId.headers(), withId.body(), () -> {
                try {
                    reply.afterSent();
                } finally {
                    end(entry, withId);
                }
            }));
        }

        @Override
        public RequestHeaders headers() {
            RequestHeaders h = headers;
            if (h == null) {
                h = headers = new WithRequestId(delegate.headers(), entry.requestId);
            }
            return h;
        }
    }

    /** The request headers with {@code x-request-id} set to the request's ID (added or replaced). */
    private static final class WithRequestId implements RequestHeaders {
        private final RequestHeaders headers;
        private final String id;
        private final boolean replaces;

        WithRequestId(RequestHeaders headers, String id) {
            this.headers = headers;
            this.id = id;
            this.replaces = headers.get(REQUEST_ID_LOWER) != null;
        }

        @Override
        public String get(String name) {
            return REQUEST_ID_LOWER.equalsIgnoreCase(name) ? id : headers.get(name);
        }

        @Override
        public List<String> getAll(String name) {
            return REQUEST_ID_LOWER.equalsIgnoreCase(name) ? List.of(id) : headers.getAll(name);
        }

        @Override
        public int size() {
            int n = headers.size();
            if (!replaces) {
                return n + 1;
            }
            return n - headers.getAll(REQUEST_ID_LOWER).size() + 1;
        }

        @Override
        public Iterator<Map.Entry<String, String>> iterator() {
            List<Map.Entry<String, String>> all = new ArrayList<>(headers.size() + 1);
            for (Map.Entry<String, String> h : headers) {
                if (!h.getKey().equalsIgnoreCase(REQUEST_ID_LOWER)) {
                    all.add(h);
                }
            }
            all.add(new AbstractMap.SimpleImmutableEntry<>(REQUEST_ID_LOWER, id));
            return all.iterator();
        }
    }

    /** Builds an {@link AccessLog}. */
    public static final class Builder {
        private Format format = Format.COMBINED;
        private Consumer<String> sink = line -> System.getLogger("falcon.access").log(System.Logger.Level.INFO, line);
        private ZoneId zone = ZoneId.of("UTC");
        private int queueCapacity = DEFAULT_QUEUE_CAPACITY;

        private Builder() {
        }

        /**
         * Sets the line format ({@link Format#COMBINED} by default).
         *
         * @param format the format
         * @return this builder
         */
        public Builder format(Format format) {
            this.format = Objects.requireNonNull(format, "format");
            return this;
        }

        /**
         * Sets where the lines go (by default the {@code System.Logger} {@code falcon.access} at
         * {@code INFO}); called on the log's own thread, one line at a time.
         *
         * @param sink what takes each line
         * @return this builder
         */
        public Builder sink(Consumer<String> sink) {
            this.sink = Objects.requireNonNull(sink, "sink");
            return this;
        }

        /**
         * Sets the time zone of the {@code COMMON}/{@code COMBINED} timestamps (UTC by default;
         * {@code JSON} writes UTC instants).
         *
         * @param zone the time zone
         * @return this builder
         */
        public Builder zone(ZoneId zone) {
            this.zone = Objects.requireNonNull(zone, "zone");
            return this;
        }

        /**
         * Sets how many lines may wait for the writer before new ones are dropped ({@value
         * AccessLog#DEFAULT_QUEUE_CAPACITY} by default).
         *
         * @param capacity the queue's capacity, at least 1
         * @return this builder
         */
        public Builder queueCapacity(int capacity) {
            if (capacity < 1) {
                throw new IllegalArgumentException("queue capacity must be at least 1");
            }
            this.queueCapacity = capacity;
            return this;
        }

        /**
         * Builds the log and starts its writer thread (a daemon).
         *
         * @return the access log
         */
        public AccessLog build() {
            return new AccessLog(this);
        }
    }
}
