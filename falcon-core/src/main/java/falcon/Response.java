package falcon;

import falcon.internal.BlockingPipe;
import falcon.internal.Publishers;
import falcon.media.BaseHandler;
import falcon.uri.Uri;
import falcon.util.Misc;
import falcon.util.Context;
import falcon.util.HttpDates;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * An HTTP response, as responders, hooks and middleware build it.
 *
 * <p>Set one of {@link #setText}, {@link #setData}, {@link #setMedia} or {@link #setStream}.
 * Header names are case-insensitive and sent in lower case, as Falcon sends them.
 *
 * <p>Falcon: {@code falcon.Response}.
 */
public class Response {

    private static final Object UNSET = new Object();

    /** Number of serialized events that may wait between a blocking SSE producer and the client. */
    static final int SSE_PIPE_EVENTS = 16;

    // http.cookies: what may appear unquoted, and what may be a cookie name.
    private static final String COOKIE_LEGAL =
            "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+-.^_`|~:";
    private static final List<String> COOKIE_RESERVED = List.of("expires", "path", "comment", "domain", "max-age",
            "secure", "httponly", "version", "samesite", "partitioned");

    private final ResponseOptions options;
    private int statusCode = 200;
    private String statusLine = Status.HTTP_200;
    // Lower-case name -> value, in the order first set (Falcon's resp._headers).
    private final HeaderTable headers = new HeaderTable();
    private List<String> extraHeaders;
    // Python's SimpleCookie keeps one Morsel per name: setting a name again (or unsetting it)
    // changes that Morsel, so attributes set earlier in the same response stay (http/cookies.py).
    private Map<String, TreeMap<String, String>> cookies;

    private String text;
    private byte[] data;
    private Object media;
    private Object mediaRendered = UNSET;
    private InputStream stream;
    private Flow.Publisher<ByteBuffer> streamPublisher;
    private Flow.Publisher<? extends SSEvent> ssePublisher;
    private SseProducer sseProducer;
    private boolean complete;
    private Context context;
    private Function<Response, ? extends Context> contextFactory;
    private List<Runnable> afterSent;

    /**
     * Creates a response with the App's options; the status is {@code 200 OK}.
     *
     * @param options the App's response options
     */
    public Response(ResponseOptions options) {
        this.options = options;
    }

    /**
     * Returns the App's response options.
     *
     * @return the response options
     */
    public ResponseOptions getOptions() {
        return options;
    }

    // ---------------------------------------------------------------- status

    /**
     * Returns the status line, e.g. {@code 200 OK}. Falcon: {@code resp.status}.
     *
     * @return the status line
     */
    public String getStatus() {
        return statusLine;
    }

    /**
     * Returns the status code, e.g. {@code 200}.
     *
     * <p>Falcon 4.0: {@code resp.status_code}.
     *
     * @return the status code
     */
    public int getStatusCode() {
        return statusCode;
    }

    /**
     * Sets the status from a code, as {@link #setStatus(int)} does.
     *
     * <p>Falcon 4.0: {@code resp.status_code = 201}.
     *
     * @param code the status code
     */
    public void setStatusCode(int code) {
        setStatus(code);
    }

    /**
     * Sets the status from a status line such as {@code "404 Not Found"} ({@link Status#HTTP_404}).
     *
     * @param status the status line; a bare three-digit code gets its standard reason phrase
     * @throws IllegalArgumentException when it does not start with a three-digit code
     */
    public void setStatus(String status) {
        this.statusCode = Status.httpStatusToCode(status);
        this.statusLine = status.length() == 3 ? Status.codeToHttpStatus(statusCode) : status;
    }

    /**
     * Sets the status from a code; the reason phrase is the standard one.
     *
     * @param code the status code
     */
    public void setStatus(int code) {
        this.statusCode = code;
        this.statusLine = Status.codeToHttpStatus(code);
    }

    // ---------------------------------------------------------------- body

    /**
     * Returns the text body, or {@code null}.
     *
     * @return the text body, or {@code null} if not set
     */
    public String getText() {
        return text;
    }

    /**
     * Sets the body as text, sent UTF-8 encoded. Falcon: {@code resp.text}.
     *
     * @param text the body, or {@code null} for none
     */
    public void setText(String text) {
        this.text = text;
    }

    /**
     * Returns the body bytes, or {@code null}.
     *
     * @return the body bytes (not copied), or {@code null} if not set
     */
    public byte[] getData() {
        return data;
    }

    /**
     * Sets the body as bytes: the fastest way. Falcon: {@code resp.data}.
     *
     * @param data the body bytes (not copied), or {@code null} for none
     */
    public void setData(byte[] data) {
        this.data = data;
    }

    /**
     * Returns the media object, or {@code null}.
     *
     * @return the media object, or {@code null} if not set
     */
    public Object getMedia() {
        return media;
    }

    /**
     * Sets an object to serialize with the handler for the Content-Type (JSON by default).
     *
     * <p>Falcon: {@code resp.media}.
     *
     * @param media the object to serialize, or {@code null} for none
     */
    public void setMedia(Object media) {
        this.media = media;
        this.mediaRendered = UNSET;
    }

    /**
     * Returns the body stream, or {@code null}.
     *
     * @return the body stream, or {@code null} if not set
     */
    public InputStream getStream() {
        return stream;
    }

    /**
     * Sets a stream as the body; it is closed after sending. Falcon: {@code resp.stream}.
     *
     * @param stream the body stream, or {@code null} for none
     */
    public void setStream(InputStream stream) {
        this.stream = stream;
    }

    /**
     * Sets a stream as the body with its length. Falcon: {@code resp.set_stream(stream, length)}.
     *
     * @param stream the body stream; it is closed after sending
     * @param contentLength the stream's length in bytes, sent as Content-Length
     */
    public void setStream(InputStream stream, long contentLength) {
        this.stream = stream;
        setContentLength(contentLength);
    }

    /**
     * Returns the body as bytes: text, else data, else the serialized media; {@code null} if none.
     *
     * <p>Serializing media sets the default Content-Type if none was set. Falcon: {@code
     * resp.render_body()}.
     *
     * @return the body bytes (data is not copied), or {@code null} when no body is set
     * @throws HTTPUnsupportedMediaType when no handler can serialize the Content-Type
     */
    public byte[] renderBody() {
        if (text != null) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        if (data != null) {
            return data;
        }
        if (media != null) {
            if (mediaRendered == UNSET) {
                String type = getContentType();
                if (type == null) {
                    type = options.defaultMediaType;
                    setContentType(type);
                }
                BaseHandler handler = options.mediaHandlers.resolve(type, options.defaultMediaType);
                mediaRendered = handler.serialize(media, type);
            }
            return (byte[]) mediaRendered;
        }
        return null;
    }

    /** Clears text, data and media: the App does so before running an error handler. */
    public void clearBody() {
        text = null;
        data = null;
        media = null;
        mediaRendered = UNSET;
    }

    // ---------------------------------------------------------------- state

    /**
     * Returns whether processing was cut short: the responder (and the rest) will not run.
     *
     * @return {@code true} once the response is marked complete
     */
    public boolean isComplete() {
        return complete;
    }

    /**
     * Marks the response complete: later {@code processRequest}/{@code processResource} methods
     * and the responder are skipped; {@code processResponse} still runs. Falcon: {@code
     * resp.complete}.
     *
     * @param complete whether the response is complete
     */
    public void setComplete(boolean complete) {
        this.complete = complete;
    }

    /**
     * Returns this response's context. Falcon: {@code resp.context}.
     *
     * @return the context, made by the context factory on first use
     */
    public Context getContext() {
        Context c = context;
        if (c == null) {
            c = context = contextFactory == null ? new Context() : contextFactory.apply(this);
        }
        return c;
    }

    /**
     * Sets the factory of {@link #getContext()}; the App calls it with its own factory.
     *
     * @param factory makes the context from this response, on first use
     */
    void setContextFactory(Function<Response, ? extends Context> factory) {
        this.contextFactory = factory;
    }

    /**
     * Runs {@code callback} after the response has been sent; not run when the request ended in
     * an unhandled error. Falcon: {@code resp.schedule_sync}.
     *
     * @param callback the code to run
     */
    public void scheduleSync(Runnable callback) {
        if (afterSent == null) {
            afterSent = new ArrayList<>(2);
        }
        afterSent.add(callback);
    }

    /**
     * Returns the scheduled callbacks, for the engine to hand to the adapter; empty when none.
     *
     * @return the callbacks in the order scheduled; empty when none
     */
    List<Runnable> getScheduled() {
        return afterSent == null ? List.of() : afterSent;
    }

    // ---------------------------------------------------------------- async body, SSE, schedule

    /**
     * Runs {@code callback} after the response has been sent, without waiting for its stage; not
     * run when the request ended in an unhandled error. With SSE, it runs when the stream starts.
     *
     * <p>Falcon: {@code resp.schedule(callback)}.
     *
     * @param callback starts the work and returns its stage, or {@code null}; a failed stage is
     *     logged
     */
    public void schedule(Supplier<? extends CompletionStage<?>> callback) {
        scheduleSync(() -> {
            CompletionStage<?> stage = callback.get();
            if (stage != null) {
                stage.whenComplete((v, ex) -> {
                    if (ex != null) {
                        System.getLogger("falcon").log(System.Logger.Level.ERROR,
                                "after-response callback failed", ex);
                    }
                });
            }
        });
    }

    /**
     * Sets an asynchronous body: chunks published as the client takes them (back-pressure); sent
     * chunked unless a Content-Length is set. Falcon: an async iterator assigned to {@code resp.stream}.
     *
     * @param publisher the publisher of the body chunks, or {@code null} for none
     */
    public void setStreamPublisher(Flow.Publisher<ByteBuffer> publisher) {
        this.streamPublisher = publisher;
    }

    /**
     * Returns the asynchronous body, or {@code null}.
     *
     * @return the publisher of the body chunks, or {@code null} if not set
     */
    public Flow.Publisher<ByteBuffer> getStreamPublisher() {
        return streamPublisher;
    }

    /**
     * Streams Server-Sent Events from a publisher; {@code null} items are not allowed by {@code
     * Flow}, so publish {@link SSEvent#ping()} for a keep-alive. Supersedes text, data, media and
     * stream. Content-Type defaults to {@code text/event-stream}; there is no Content-Length.
     *
     * <p>Falcon: {@code resp.sse = async_generator}.
     *
     * @param events the publisher of the events, or {@code null} for no SSE stream
     */
    public void setSsePublisher(Flow.Publisher<? extends SSEvent> events) {
        this.ssePublisher = events;
        this.sseProducer = null;
    }

    /**
     * Streams Server-Sent Events from a blocking producer, run on a worker once the head is sent:
     *
     * <pre>{@code
     * resp.setSse(emitter -> {
     *     for (int i = 0; !emitter.isClosed(); i++) {
     *         emitter.send(SSEvent.ofText("tick " + i));
     *         Thread.sleep(1000);
     *     }
     * });
     * }</pre>
     *
     * <p>{@link SseEmitter#send} blocks while the client is behind and throws {@code IOException}
     * once it disconnected. Falcon: {@code resp.sse = async_generator}.
     *
     * @param producer the producer of the events, or {@code null} for no SSE stream
     */
    public void setSse(SseProducer producer) {
        this.sseProducer = producer;
        this.ssePublisher = null;
    }

    /**
     * Returns whether an SSE stream is set.
     *
     * @return {@code true} when an SSE publisher or producer is set
     */
    public boolean hasSse() {
        return ssePublisher != null || sseProducer != null;
    }

    /** Returns the SSE stream as bytes (for the App); JSON payloads use {@code json}. */
    Flow.Publisher<ByteBuffer> ssePublisher(Executor executor,
            BaseHandler json) {
        if (ssePublisher != null) {
            return Publishers.map(ssePublisher,
                    e -> ByteBuffer.wrap((e == null ? SSEvent.ping() : e).serialize(json)));
        }
        SseProducer producer = sseProducer;
        BlockingPipe<ByteBuffer> pipe = new BlockingPipe<>(SSE_PIPE_EVENTS);
        SseEmitter emitter = new SseEmitter() {
            @Override
            public void send(SSEvent event) throws IOException, InterruptedException {
                pipe.put(ByteBuffer.wrap((event == null ? SSEvent.ping() : event).serialize(json)));
            }

            @Override
            public boolean isClosed() {
                return pipe.isCancelled();
            }
        };
        return Publishers.onSubscribe(pipe, () -> executor.execute(() -> {
            try {
                producer.produce(emitter);
                pipe.end(null);
            } catch (IOException ex) {
                pipe.end(pipe.isCancelled() ? null : ex); // a gone client is the normal end
            } catch (Exception | Error ex) {
                System.getLogger("falcon").log(System.Logger.Level.ERROR, "SSE producer failed", ex);
                pipe.end(ex);
            }
        }));
    }

    // ---------------------------------------------------------------- headers

    // PERF: the typed helpers (setContentType, ...) pass lower-case names, which toLowerCase
    // returns as they are; only user-given names in another case allocate.
    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    private static void refuseSetCookie(String key, String message) {
        if (key.equals("set-cookie")) {
            throw new HeaderNotSupported(message);
        }
    }

    /**
     * Sets a header, replacing any value; a {@code null} value deletes it.
     *
     * <p>Falcon: {@code resp.set_header}; assigning {@code None} to a header property deletes it,
     * and so does a {@code null} value here.
     *
     * @param name the header name, in any case
     * @param value the value, or {@code null} to delete the header
     * @throws HeaderNotSupported for Set-Cookie (use {@link #setCookie} or appendHeader)
     */
    public void setHeader(String name, String value) {
        String k = key(name);
        refuseSetCookie(k, "This method cannot be used to set cookies");
        if (value == null) {
            headers.remove(k);
        } else {
            headers.put(k, value);
        }
    }

    /**
     * Appends a value to a header, comma-separated; Set-Cookie lines are kept separate.
     *
     * <p>Falcon: {@code resp.append_header}.
     *
     * @param name the header name, in any case
     * @param value the value to append
     */
    public void appendHeader(String name, String value) {
        String k = key(name);
        if (k.equals("set-cookie")) {
            if (extraHeaders == null) {
                extraHeaders = new ArrayList<>(4);
            }
            extraHeaders.add(k);
            extraHeaders.add(value);
            return;
        }
        String old = headers.get(k);
        headers.put(k, old == null ? value : old + ", " + value);
    }

    /**
     * Sets several headers; the last value of a repeated name wins.
     *
     * <p>Falcon: {@code resp.set_headers(dict)}.
     *
     * @param values the header values by name; a {@code null} value deletes the header
     * @throws HeaderNotSupported for Set-Cookie (headers before it are already set)
     */
    public void setHeaders(Map<String, String> values) {
        setHeaders(values.entrySet());
    }

    /**
     * Sets several headers from name-value pairs, e.g. {@code List.of(Map.entry("X-A", "1"))}.
     *
     * <p>Falcon: {@code resp.set_headers(iterable_of_pairs)}.
     *
     * @param pairs the name-value pairs; a {@code null} value deletes the header
     * @throws HeaderNotSupported for Set-Cookie (headers before it are already set)
     */
    public void setHeaders(Iterable<? extends Map.Entry<String, String>> pairs) {
        for (Map.Entry<String, String> e : pairs) {
            setHeader(e.getKey(), e.getValue());
        }
    }

    /**
     * Returns the value of a header, or {@code null}.
     *
     * <p>Falcon: {@code resp.get_header}.
     *
     * @param name the header name, in any case
     * @return the value, or {@code null} when not set
     * @throws HeaderNotSupported for Set-Cookie
     */
    public String getHeader(String name) {
        String k = key(name);
        refuseSetCookie(k, "Getting Set-Cookie is not currently supported.");
        return headers.get(k);
    }

    /**
     * Returns the value of a header, or {@code defaultValue}.
     *
     * @param name the header name, in any case
     * @param defaultValue the value returned when the header is not set
     * @return the value, or {@code defaultValue} when not set
     * @throws HeaderNotSupported for Set-Cookie
     */
    public String getHeader(String name, String defaultValue) {
        String value = getHeader(name);
        return value == null ? defaultValue : value;
    }

    /**
     * Deletes a header; nothing happens when it is absent.
     *
     * <p>Falcon: {@code resp.delete_header}.
     *
     * @param name the header name, in any case
     * @throws HeaderNotSupported for Set-Cookie (use {@link #unsetCookie})
     */
    public void deleteHeader(String name) {
        String k = key(name);
        refuseSetCookie(k, "This method cannot be used to remove cookies");
        headers.remove(k);
    }

    /**
     * Returns a copy of the headers, names in lower case, cookies left out.
     *
     * @return an unmodifiable copy, in the order first set
     */
    public Map<String, String> getHeaders() {
        return Collections.unmodifiableMap(headers.toMap());
    }

    /**
     * Returns the Content-Type header, or {@code null}.
     *
     * @return the header value, or {@code null} when not set
     */
    public String getContentType() {
        return headers.get("content-type");
    }

    /**
     * Sets the Content-Type header.
     *
     * @param value the media type, or {@code null} to delete the header
     */
    public void setContentType(String value) {
        setHeader("content-type", value);
    }

    /**
     * Returns the Content-Length header, or {@code null}.
     *
     * @return the header value, or {@code null} when not set
     */
    public String getContentLength() {
        return headers.get("content-length");
    }

    /**
     * Sets the Content-Length header.
     *
     * @param length the body length in bytes
     */
    public void setContentLength(long length) {
        headers.put("content-length", lengthText(length));
    }

    /**
     * PERF: the decimal text of small lengths, made once each and kept; most bodies are small, and
     * each response would otherwise allocate its Content-Length anew. Filled racily: a lost
     * write only costs one more string.
     */
    private static final String[] SMALL_LENGTHS = new String[2048];

    private static String lengthText(long length) {
        if (length < 0 || length >= SMALL_LENGTHS.length) {
            return Long.toString(length);
        }
        String text = SMALL_LENGTHS[(int) length];
        if (text == null) {
            text = Long.toString(length);
            SMALL_LENGTHS[(int) length] = text;
        }
        return text;
    }

    /**
     * Sets the Location header, percent-encoded as by {@link Uri#encode}: {@code "/ü"} is sent
     * as {@code /%C3%BC}. Encode-once: a value already escaped gets its {@code %} encoded again,
     * as in Falcon; set such a value with {@link #setHeader} instead. {@code null} deletes it.
     *
     * <p>Falcon: {@code resp.location}.
     *
     * @param location the URI, or {@code null} to delete the header
     */
    public void setLocation(String location) {
        setHeader("location", location == null ? null : Uri.encode(location));
    }

    /**
     * Returns the Location header, or {@code null}.
     *
     * @return the header value, or {@code null} when not set
     */
    public String getLocation() {
        return headers.get("location");
    }

    /**
     * Sets the Content-Location header, percent-encoded as by {@link Uri#encode}; {@code null}
     * deletes it.
     *
     * <p>Falcon: {@code resp.content_location}.
     *
     * @param location the URI, or {@code null} to delete the header
     */
    public void setContentLocation(String location) {
        setHeader("content-location", location == null ? null : Uri.encode(location));
    }

    /**
     * Returns the Content-Location header, or {@code null}.
     *
     * @return the header value, or {@code null} when not set
     */
    public String getContentLocation() {
        return headers.get("content-location");
    }

    /**
     * Sets the Accept-Ranges header, e.g. {@code bytes}, or the literal {@code none}.
     *
     * <p>Falcon: {@code resp.accept_ranges}.
     *
     * @param value the range unit, or {@code none}; {@code null} deletes the header
     */
    public void setAcceptRanges(String value) {
        setHeader("accept-ranges", value);
    }

    /**
     * Returns the Accept-Ranges header, or {@code null}.
     *
     * @return the header value, or {@code null} when not set
     */
    public String getAcceptRanges() {
        return headers.get("accept-ranges");
    }

    /**
     * Sets the Cache-Control header from directives, joined with {@code ", "}: {@code
     * setCacheControl(List.of("no-cache", "max-age=10"))}; {@code null} deletes it.
     *
     * <p>Falcon: {@code resp.cache_control}.
     *
     * @param directives the directives, or {@code null} to delete the header
     */
    public void setCacheControl(List<String> directives) {
        setHeader("cache-control", directives == null ? null : String.join(", ", directives));
    }

    /**
     * Sets the Cache-Control header from directives; see {@link #setCacheControl(List)}.
     *
     * @param directives the directives
     */
    public void setCacheControl(String... directives) {
        setCacheControl(List.of(directives));
    }

    /**
     * Returns the Cache-Control header, or {@code null}.
     *
     * @return the header value, or {@code null} when not set
     */
    public String getCacheControl() {
        return headers.get("cache-control");
    }

    /**
     * Sets the Vary header from header names, joined with {@code ", "}; pass {@code "*"} alone
     * for any. {@code null} deletes it.
     *
     * <p>Falcon: {@code resp.vary}.
     *
     * @param headerNames the header names, or {@code null} to delete the header
     */
    public void setVary(List<String> headerNames) {
        setHeader("vary", headerNames == null ? null : String.join(", ", headerNames));
    }

    /**
     * Sets the Vary header; see {@link #setVary(List)}.
     *
     * @param headerNames the header names, or {@code "*"} alone
     */
    public void setVary(String... headerNames) {
        setVary(List.of(headerNames));
    }

    /**
     * Returns the Vary header, or {@code null}.
     *
     * @return the header value, or {@code null} when not set
     */
    public String getVary() {
        return headers.get("vary");
    }

    /**
     * Sets the Content-Range header in bytes: {@code setContentRange(0, 9, 100)} gives
     * {@code bytes 0-9/100}.
     *
     * <p>Falcon: {@code resp.content_range = (start, end, length)}.
     *
     * @param start the first byte position
     * @param end the last byte position, inclusive
     * @param length the full length, or {@code "*"} when unknown
     */
    public void setContentRange(long start, long end, Object length) {
        setContentRange(start, end, length, "bytes");
    }

    /**
     * Sets the Content-Range header with a unit: {@code items 0-9/*}.
     *
     * <p>Falcon: {@code resp.content_range = (start, end, length, unit)}.
     *
     * @param start the first position
     * @param end the last position, inclusive
     * @param length the full length, or {@code "*"} when unknown
     * @param unit the range unit, e.g. {@code items}
     */
    public void setContentRange(long start, long end, Object length, String unit) {
        setHeader("content-range", unit + " " + start + "-" + end + "/" + length);
    }

    /**
     * Returns the Content-Range header, or {@code null}.
     *
     * @return the header value, or {@code null} when not set
     */
    public String getContentRange() {
        return headers.get("content-range");
    }

    /**
     * Sets {@code Content-Disposition: attachment} with a file name, RFC 6266 style.
     *
     * <p>An ASCII name is sent as {@code filename="name"}; any other as {@code
     * filename=<secureFilename(name)>; filename*=UTF-8''<encoded name>}, so old clients see a
     * safe ASCII name. {@code null} deletes the header.
     *
     * <p>Falcon: {@code resp.downloadable_as}.
     *
     * @param filename the file name, or {@code null} to delete the header
     */
    public void setDownloadableAs(String filename) {
        setHeader("content-disposition", filename == null ? null : contentDisposition("attachment", filename));
    }

    /**
     * Sets {@code Content-Disposition: inline} with a file name, as {@link #setDownloadableAs}.
     *
     * <p>Falcon: {@code resp.viewable_as} (3.1).
     *
     * @param filename the file name, or {@code null} to delete the header
     */
    public void setViewableAs(String filename) {
        setHeader("content-disposition", filename == null ? null : contentDisposition("inline", filename));
    }

    /**
     * Returns the Content-Disposition header, or {@code null}.
     *
     * @return the header value, or {@code null} when not set
     */
    public String getContentDisposition() {
        return headers.get("content-disposition");
    }

    // Falcon: response_helpers.format_content_disposition
    private static String contentDisposition(String type, String filename) {
        boolean ascii = true;
        for (int i = 0; i < filename.length() && ascii; i++) {
            ascii = filename.charAt(i) < 128;
        }
        if (ascii) {
            return type + "; filename=\"" + filename + "\"";
        }
        return type + "; filename=" + Misc.secureFilename(filename) + "; filename*=UTF-8''"
                + Uri.encodeValue(filename);
    }

    /**
     * Sets the ETag header, adding the quotes when the value does not end with one: {@code abc}
     * is sent as {@code "abc"}, {@code W/"abc"} as is. {@code null} deletes it.
     *
     * <p>Falcon: {@code resp.etag}.
     *
     * @param etag the entity tag, quoted or not, or {@code null} to delete the header
     */
    public void setEtag(String etag) {
        if (etag != null && !etag.endsWith("\"")) {
            etag = "\"" + etag + "\"";
        }
        setHeader("etag", etag);
    }

    /**
     * Returns the ETag header, or {@code null}.
     *
     * @return the header value, or {@code null} when not set
     */
    public String getEtag() {
        return headers.get("etag");
    }

    /**
     * Sets the Expires header as an HTTP-date; a {@code LocalDateTime} is taken as UTC.
     *
     * <p>Falcon: {@code resp.expires}. A zoned time is converted to GMT here (Falcon formats its
     * wall-clock time with a GMT label).
     *
     * @param time the expiry time, or {@code null} to delete the header
     */
    public void setExpires(TemporalAccessor time) {
        setHeader("expires", time == null ? null : HttpDates.dtToHttp(time));
    }

    /**
     * Returns the Expires header, or {@code null}.
     *
     * @return the header value, or {@code null} when not set
     */
    public String getExpires() {
        return headers.get("expires");
    }

    /**
     * Sets the Last-Modified header as an HTTP-date; a {@code LocalDateTime} is taken as UTC.
     *
     * <p>Falcon: {@code resp.last_modified}; see {@link #setExpires} for zoned times.
     *
     * @param time the modification time, or {@code null} to delete the header
     */
    public void setLastModified(TemporalAccessor time) {
        setHeader("last-modified", time == null ? null : HttpDates.dtToHttp(time));
    }

    /**
     * Returns the Last-Modified header, or {@code null}.
     *
     * @return the header value, or {@code null} when not set
     */
    public String getLastModified() {
        return headers.get("last-modified");
    }

    /**
     * Sets the Retry-After header in seconds.
     *
     * <p>Falcon: {@code resp.retry_after}.
     *
     * @param seconds the delay in seconds
     */
    public void setRetryAfter(long seconds) {
        setHeader("retry-after", Long.toString(seconds));
    }

    /**
     * Sets the Retry-After header as an HTTP-date (RFC 9110 10.2.3); a {@code LocalDateTime} is
     * taken as UTC. {@code null} deletes it.
     *
     * <p>Beyond Falcon, whose {@code retry_after} takes seconds only.
     *
     * @param time when to retry, or {@code null} to delete the header
     */
    public void setRetryAfter(TemporalAccessor time) {
        setHeader("retry-after", time == null ? null : HttpDates.dtToHttp(time));
    }

    /**
     * Returns the Retry-After header, or {@code null}.
     *
     * @return the header value, or {@code null} when not set
     */
    public String getRetryAfter() {
        return headers.get("retry-after");
    }

    /**
     * Appends a link to the Link header (RFC 8288): {@code </things/2842>; rel=next}.
     *
     * <p>Falcon: {@code resp.append_link(target, rel)}.
     *
     * @param target the target URI
     * @param rel the link relation, e.g. {@code next}
     */
    public void appendLink(String target, String rel) {
        appendLink(target, rel, null, null, null, null, null, null);
    }

    /**
     * Appends a link to the Link header (RFC 8288); repeated calls comma-join the links.
     *
     * <p>{@code target} and {@code anchor} are percent-encoded as by {@link Uri#encode}; a
     * {@code rel} holding {@code //} is taken as extension relation URIs: encoded and quoted.
     * Other values are sent as given.
     *
     * <p>Falcon: {@code resp.append_link(target, rel, title, title_star, anchor, hreflang,
     * type_hint, crossorigin)}.
     *
     * @param target the target URI
     * @param rel the link relation, e.g. {@code next}
     * @param title a human-readable title, or null
     * @param titleStar {@code {language, title}} for a non-ASCII title, sent as {@code
     *     title*=UTF-8'lang'encoded}, or null
     * @param anchor the link's context URI, or null
     * @param hreflang the target's language tags, or null
     * @param typeHint the target's media type, or null
     * @param crossorigin {@code anonymous} or {@code use-credentials} (any case), or null
     * @throws IllegalArgumentException for another {@code crossorigin}, or a {@code titleStar}
     *     that is not two strings
     */
    public void appendLink(String target, String rel, String title, String[] titleStar, String anchor,
            List<String> hreflang, String typeHint, String crossorigin) {
        appendLink(target, rel, title, titleStar, anchor, hreflang, typeHint, crossorigin, null);
    }

    /**
     * Appends a Link header value with custom link parameters (RFC 8288 section 3.4.2) after the
     * others, each written {@code ; param=value} as given.
     *
     * <p>Falcon 4.0: {@code resp.append_link(..., link_extension=[(param, value), ...])}.
     *
     * @param target the target URI
     * @param rel the link relation, e.g. {@code next}
     * @param title a human-readable title, or null
     * @param titleStar {@code {language, title}} for a non-ASCII title, or null
     * @param anchor the link's context URI, or null
     * @param hreflang the target's language tags, or null
     * @param typeHint the target's media type, or null
     * @param crossorigin {@code anonymous} or {@code use-credentials} (any case), or null
     * @param linkExtension {@code (param, value)} pairs in order, e.g. {@code
     *     List.of(Map.entry("foo", "bar"))}, or null
     * @throws IllegalArgumentException for another {@code crossorigin}, or a {@code titleStar}
     *     that is not two strings
     */
    public void appendLink(String target, String rel, String title, String[] titleStar, String anchor,
            List<String> hreflang, String typeHint, String crossorigin,
            List<Map.Entry<String, String>> linkExtension) {
        if (rel.contains("//")) {
            if (rel.indexOf(' ') >= 0) {
                StringBuilder joined = new StringBuilder();
                for (String r : rel.strip().split("\\s+")) {
                    if (joined.length() > 0) {
                        joined.append(' ');
                    }
                    joined.append(Uri.encode(r));
                }
                rel = "\"" + joined + "\"";
            } else {
                rel = "\"" + Uri.encode(rel) + "\"";
            }
        }
        StringBuilder value = new StringBuilder(64).append('<').append(Uri.encode(target)).append(">; rel=")
                .append(rel);
        if (title != null) {
            value.append("; title=\"").append(title).append('"');
        }
        if (titleStar != null) {
            if (titleStar.length != 2) {
                throw new IllegalArgumentException("titleStar must be {language, title}");
            }
            value.append("; title*=UTF-8'").append(titleStar[0]).append('\'').append(Uri.encodeValue(titleStar[1]));
        }
        if (typeHint != null) {
            value.append("; type=\"").append(typeHint).append('"');
        }
        if (hreflang != null && !hreflang.isEmpty()) {
            for (String lang : hreflang) {
                value.append("; hreflang=").append(lang);
            }
        }
        if (anchor != null) {
            value.append("; anchor=\"").append(Uri.encode(anchor)).append('"');
        }
        if (crossorigin != null) {
            String c = crossorigin.toLowerCase(Locale.ROOT);
            if (c.equals("anonymous")) {
                value.append("; crossorigin");
            } else if (c.equals("use-credentials")) {
                value.append("; crossorigin=\"use-credentials\"");
            } else {
                throw new IllegalArgumentException("crossorigin must be set to either 'anonymous' or 'use-credentials'");
            }
        }
        if (linkExtension != null && !linkExtension.isEmpty()) {
            for (Map.Entry<String, String> param : linkExtension) {
                value.append("; ").append(param.getKey()).append('=').append(param.getValue());
            }
        }
        String old = headers.get("link");
        headers.put("link", old == null ? value.toString() : old + ", " + value);
    }

    // ---------------------------------------------------------------- cookies

    /**
     * Sets a cookie with Falcon's defaults: HttpOnly, and Secure per the response options.
     *
     * @param name the cookie name
     * @param value the cookie value
     * @throws IllegalArgumentException when the name is not a valid cookie name, or name or value
     *     is not ASCII
     */
    public void setCookie(String name, String value) {
        setCookie(name, value, null, null, null, null, null, true, null, false);
    }

    /**
     * Sets a cookie; see the full overload.
     *
     * <p>Falcon: {@code resp.set_cookie(name, value, expires, max_age, domain, path, secure,
     * http_only, same_site)}.
     *
     * @param name the cookie name
     * @param value the cookie value
     * @param expires when it expires (a {@code LocalDateTime} is taken as UTC), or null
     * @param maxAge its lifetime in seconds, or null
     * @param domain the Domain attribute, or null
     * @param path the Path attribute, or null
     * @param secure whether Secure is set; null for {@link ResponseOptions#secureCookiesByDefault}
     * @param httpOnly whether HttpOnly is set (Falcon's default: true)
     * @param sameSite {@code Strict}, {@code Lax} or {@code None} in any case, or null
     */
    public void setCookie(String name, String value, TemporalAccessor expires, Integer maxAge, String domain,
            String path, Boolean secure, boolean httpOnly, String sameSite) {
        setCookie(name, value, expires, maxAge, domain, path, secure, httpOnly, sameSite, false);
    }

    /**
     * Sets a cookie; setting one name again replaces it.
     *
     * <p>The line is written as Python's {@code http.cookies} writes it: a value with characters
     * outside {@code [A-Za-z0-9!#$%&'*+-.^_`|~:]} is quoted, with {@code "} and {@code \}
     * escaped and control characters as octal escapes; attributes in alphabetical order.
     * As in Falcon, a {@code maxAge} of 0 and an empty domain or path are left out.
     *
     * <p>Falcon: {@code resp.set_cookie(...)}; {@code partitioned} (CHIPS) is Falcon 4's.
     *
     * @param name the cookie name
     * @param value the cookie value
     * @param expires when it expires (a {@code LocalDateTime} is taken as UTC), or null
     * @param maxAge its lifetime in seconds, or null
     * @param domain the Domain attribute, or null
     * @param path the Path attribute, or null
     * @param secure whether Secure is set; null for {@link ResponseOptions#secureCookiesByDefault}
     * @param httpOnly whether HttpOnly is set (Falcon's default: true)
     * @param sameSite {@code Strict}, {@code Lax} or {@code None} in any case, or null
     * @param partitioned whether the Partitioned attribute is set
     * @throws IllegalArgumentException when the name is not a valid cookie name (or an attribute
     *     name such as {@code Path}), when name or value is not ASCII, or for another
     *     {@code sameSite}
     */
    public void setCookie(String name, String value, TemporalAccessor expires, Integer maxAge, String domain,
            String path, Boolean secure, boolean httpOnly, String sameSite, boolean partitioned) {
        checkCookieName(name);
        if (value == null) {
            throw new IllegalArgumentException("cookie value must not be null");
        }
        if (!isAscii(value)) {
            throw new IllegalArgumentException("value is not ascii encodable");
        }
        String sameSiteValue = null;
        if (sameSite != null && !sameSite.isEmpty()) {
            String s = sameSite.toLowerCase(Locale.ROOT);
            if (!s.equals("strict") && !s.equals("lax") && !s.equals("none")) {
                throw new IllegalArgumentException("same_site must be set to either 'lax', 'strict', or 'none'");
            }
            sameSiteValue = Character.toUpperCase(s.charAt(0)) + s.substring(1);
        }
        TreeMap<String, String> morsel = morsel(name);
        morsel.put("", quoteCookie(value));
        // As in Falcon, attributes are only ever set here, never cleared.
        if (domain != null && !domain.isEmpty()) {
            morsel.put("domain", "Domain=" + domain);
        }
        if (expires != null) {
            morsel.put("expires", "expires=" + HttpDates.dtToHttp(expires));
        }
        if (httpOnly) {
            morsel.put("httponly", "HttpOnly");
        }
        if (maxAge != null && maxAge != 0) {
            morsel.put("max-age", "Max-Age=" + maxAge);
        }
        if (partitioned) {
            morsel.put("partitioned", "Partitioned");
        }
        if (path != null && !path.isEmpty()) {
            morsel.put("path", "Path=" + path);
        }
        if (sameSiteValue != null) {
            morsel.put("samesite", "SameSite=" + sameSiteValue);
        }
        if (secure == null ? options.secureCookiesByDefault : secure) {
            morsel.put("secure", "Secure");
        }
    }

    private TreeMap<String, String> morsel(String name) {
        if (cookies == null) {
            cookies = new LinkedHashMap<>();
        }
        // Keys sort as Python's Morsel.OutputString sorts attribute names; "" is the value.
        return cookies.computeIfAbsent(name, k -> new TreeMap<>());
    }

    /**
     * Unsets a cookie in the client: empty value, expired, {@code SameSite=Lax}.
     *
     * <p>Domain and path must match those the cookie was set with. Falcon: {@code
     * resp.unset_cookie(name, domain, path)}.
     *
     * @param name the cookie name
     * @param domain the Domain the cookie was set with, or null
     * @param path the Path the cookie was set with, or null
     * @throws IllegalArgumentException when the name is not a valid cookie name
     */
    public void unsetCookie(String name, String domain, String path) {
        unsetCookie(name, domain, path, "Lax");
    }

    /**
     * Unsets a cookie with another {@code SameSite} than {@code Lax}, e.g. {@code None} for a
     * cookie set cross-site.
     *
     * <p>Falcon 4.1: {@code resp.unset_cookie(name, domain, path, same_site)}.
     *
     * @param name the cookie name
     * @param domain the Domain the cookie was set with, or null
     * @param path the Path the cookie was set with, or null
     * @param sameSite the SameSite attribute, e.g. {@code Strict}; null or empty for none
     * @throws IllegalArgumentException when the name is not a valid cookie name
     */
    public void unsetCookie(String name, String domain, String path, String sameSite) {
        checkCookieName(name);
        TreeMap<String, String> morsel = morsel(name);
        morsel.put("", "\"\"");
        morsel.put("expires", "expires=" + HttpDates.format(Instant.now().minusSeconds(1)));
        if (sameSite != null && !sameSite.isEmpty()) {
            morsel.put("samesite", "SameSite=" + sameSite);
        } else {
            morsel.remove("samesite");
        }
        if (domain != null && !domain.isEmpty()) {
            morsel.put("domain", "Domain=" + domain);
        }
        if (path != null && !path.isEmpty()) {
            morsel.put("path", "Path=" + path);
        }
    }

    /**
     * Unsets a cookie; see {@link #unsetCookie(String, String, String)}.
     *
     * @param name the cookie name
     */
    public void unsetCookie(String name) {
        unsetCookie(name, null, null);
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 128) {
                return false;
            }
        }
        return true;
    }

    private static void checkCookieName(String name) {
        if (name == null || !isAscii(name)) {
            throw new IllegalArgumentException("name is not ascii encodable");
        }
        if (COOKIE_RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("Attempt to set a reserved key '" + name + "'");
        }
        boolean legal = !name.isEmpty();
        for (int i = 0; i < name.length() && legal; i++) {
            legal = COOKIE_LEGAL.indexOf(name.charAt(i)) >= 0;
        }
        if (!legal) {
            throw new IllegalArgumentException("Illegal key '" + name + "'");
        }
    }

    /** Quotes a value the way {@code http.cookies} does when it holds characters outside the legal set. */
    private static String quoteCookie(String value) {
        boolean plain = !value.isEmpty();
        for (int i = 0; i < value.length() && plain; i++) {
            plain = COOKIE_LEGAL.indexOf(value.charAt(i)) >= 0;
        }
        if (plain) {
            return value;
        }
        StringBuilder sb = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 32 || c >= 127 || c == ',' || c == ';') {
                sb.append('\\').append((char) ('0' + (c >> 6))).append((char) ('0' + ((c >> 3) & 7)))
                        .append((char) ('0' + (c & 7)));
            } else {
                sb.append(c);
            }
        }
        return sb.append('"').toString();
    }

    /**
     * Returns the final header lines, flat (name, value, ...): the headers, Content-Type from
     * {@code defaultMediaType} when unset, the Set-Cookie lines of {@link #appendHeader}, then
     * those of {@link #setCookie}, in Falcon's order. The App calls it once.
     *
     * @param defaultMediaType the Content-Type to send when none is set, or {@code null} for none
     * @return alternating lower-case names and values: a read-only view of the headers when nothing
     *     is added to them, else a new list
     */
    List<String> headerLines(String defaultMediaType) {
        boolean addType = defaultMediaType != null && !headers.containsKey("content-type");
        if (!addType && extraHeaders == null && cookies == null) {
            return headers.lines(); // PERF: the common case: nothing to add, so no copy
        }
        int size = headers.size() * 2 + 2 + (cookies == null ? 0 : cookies.size() * 2)
                + (extraHeaders == null ? 0 : extraHeaders.size());
        List<String> lines = new ArrayList<>(size);
        for (int i = 0, n = headers.size(); i < n; i++) {
            lines.add(headers.name(i));
            lines.add(headers.value(i));
        }
        if (addType) {
            lines.add("content-type");
            lines.add(defaultMediaType);
        }
        if (extraHeaders != null) {
            lines.addAll(extraHeaders);
        }
        if (cookies != null) {
            for (Map.Entry<String, TreeMap<String, String>> c : cookies.entrySet()) {
                StringBuilder sb = new StringBuilder(64).append(c.getKey()).append('=');
                for (Map.Entry<String, String> attr : c.getValue().entrySet()) {
                    if (!attr.getKey().isEmpty()) {
                        sb.append("; ");
                    }
                    sb.append(attr.getValue());
                }
                lines.add("set-cookie");
                lines.add(sb.toString());
            }
        }
        return lines;
    }

    @Override
    public String toString() {
        return "<Response: " + statusLine + ">";
    }
}
