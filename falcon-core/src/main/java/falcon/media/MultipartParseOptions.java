package falcon.media;

import java.util.Map;

/**
 * Options of the multipart form parser, shared by every {@link BodyPart} it makes.
 *
 * <table>
 * <caption>Limits</caption>
 * <tr><th>option</th><th>default</th><th>when exceeded</th></tr>
 * <tr><td>{@link #maxBodyPartCount}</td><td>{@value #DEFAULT_MAX_BODY_PART_COUNT} (0 = no limit)</td>
 *     <td>400 "maximum number of form body parts exceeded"</td></tr>
 * <tr><td>{@link #maxBodyPartBufferSize}</td><td>{@value #DEFAULT_MAX_BODY_PART_BUFFER_SIZE} bytes</td>
 *     <td>400 "body part is too large" from {@code getData}/{@code getText}; {@code getStream} has no limit</td></tr>
 * <tr><td>{@link #maxBodyPartHeadersSize}</td><td>{@value #DEFAULT_MAX_BODY_PART_HEADERS_SIZE} bytes</td>
 *     <td>400 "incomplete body part headers"</td></tr>
 * </table>
 *
 * <p>Nested {@code multipart/mixed} parts are read by registering a handler for them: {@code
 * options.mediaHandlers.put("multipart/mixed", new MultipartFormHandler())}; {@code
 * part.getMedia()} then returns the nested form.
 *
 * <p>Falcon: {@code falcon.media.multipart.MultipartParseOptions}.
 */
public class MultipartParseOptions {

    /** The default of {@link #maxBodyPartCount}. */
    public static final int DEFAULT_MAX_BODY_PART_COUNT = 64;
    /** The default of {@link #maxBodyPartBufferSize}: 1 MiB. */
    public static final int DEFAULT_MAX_BODY_PART_BUFFER_SIZE = 1024 * 1024;
    /** The default of {@link #maxBodyPartHeadersSize}. */
    public static final int DEFAULT_MAX_BODY_PART_HEADERS_SIZE = 8192;

    /** The charset of text parts that name none ({@code utf-8}). */
    public String defaultCharset = "utf-8";

    /** The maximum number of parts in a form; 0 means no limit. */
    public int maxBodyPartCount = DEFAULT_MAX_BODY_PART_COUNT;

    /** The maximum number of bytes {@link BodyPart#getData()} buffers. */
    public int maxBodyPartBufferSize = DEFAULT_MAX_BODY_PART_BUFFER_SIZE;

    /** The maximum size of the headers of one part, in bytes. */
    public int maxBodyPartHeadersSize = DEFAULT_MAX_BODY_PART_HEADERS_SIZE;

    /** The handlers of {@link BodyPart#getMedia()}: JSON and URL-encoded forms by default. */
    public Handlers mediaHandlers = new Handlers(Map.of(
            Handlers.MEDIA_JSON, new JSONHandler(),
            Handlers.MEDIA_URLENCODED, new URLEncodedFormHandler()));

    /** Creates the options with their defaults. */
    public MultipartParseOptions() {
    }

    /**
     * Sets {@link #defaultCharset}.
     *
     * @param charset the charset of text parts that name none
     * @return these options
     */
    public MultipartParseOptions setDefaultCharset(String charset) {
        this.defaultCharset = charset;
        return this;
    }

    /**
     * Sets {@link #maxBodyPartCount}; 0 means no limit.
     *
     * @param count the maximum number of parts, or 0 for no limit
     * @return these options
     */
    public MultipartParseOptions setMaxBodyPartCount(int count) {
        this.maxBodyPartCount = count;
        return this;
    }

    /**
     * Sets {@link #maxBodyPartBufferSize}.
     *
     * @param bytes the maximum number of bytes {@link BodyPart#getData()} buffers
     * @return these options
     */
    public MultipartParseOptions setMaxBodyPartBufferSize(int bytes) {
        this.maxBodyPartBufferSize = bytes;
        return this;
    }

    /**
     * Sets {@link #maxBodyPartHeadersSize}.
     *
     * @param bytes the maximum size of the headers of one part, in bytes
     * @return these options
     */
    public MultipartParseOptions setMaxBodyPartHeadersSize(int bytes) {
        this.maxBodyPartHeadersSize = bytes;
        return this;
    }

    /**
     * Returns the handlers of part media.
     *
     * @return {@link #mediaHandlers}, the object itself (changes to it apply)
     */
    public Handlers getMediaHandlers() {
        return mediaHandlers;
    }
}
