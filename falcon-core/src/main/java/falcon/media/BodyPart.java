package falcon.media;

import falcon.MultipartParseError;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One part of a multipart form: its headers, and its content as a stream bounded by the next
 * boundary.
 *
 * <p>Read the content once, by one of {@link #getStream()} (any size, streamed), {@link
 * #getData()}, {@link #getText()} or {@link #getMedia()} (the last three at most {@link
 * MultipartParseOptions#maxBodyPartBufferSize} bytes; their result is kept). Moving on to the
 * next part skips whatever was not read.
 *
 * <p>Falcon: {@code falcon.media.multipart.BodyPart}.
 */
public class BodyPart {

    // RFC 5987 ext-value, accepted in filename* although RFC 7578 forbids it (as Falcon does).
    private static final Pattern FILENAME_STAR = Pattern.compile("([\\w-]+)'[\\w]*'(.+)",
            Pattern.UNICODE_CHARACTER_CLASS | Pattern.DOTALL);
    private static final Pattern UNSAFE_FILENAME_CHARS = Pattern.compile("[^a-zA-Z0-9.-]");

    private final MultipartReader.Delimited stream;
    private final Map<String, String> headers;
    private final MultipartParseOptions options;
    private HeaderParams disposition;
    private byte[] data;
    private String filename;
    private Object media;
    private boolean mediaParsed;

    BodyPart(MultipartReader.Delimited stream, Map<String, String> headers, MultipartParseOptions options) {
        this.stream = stream;
        this.headers = Collections.unmodifiableMap(headers);
        this.options = options;
    }

    /**
     * Returns the part's content as a stream that ends at the part's boundary; it is read from
     * the request as it is consumed, so a part of any size can be streamed.
     *
     * <p>Falcon: {@code BodyPart.stream}.
     *
     * @return the part's content stream
     */
    public InputStream getStream() {
        return stream;
    }

    /**
     * Returns the part's headers that RFC 7578 allows ({@code content-type}, {@code
     * content-disposition}, {@code content-transfer-encoding}), by lower-case name.
     *
     * @return an unmodifiable map of the headers
     */
    public Map<String, String> getHeaders() {
        return headers;
    }

    /**
     * Returns the part's Content-Type, or {@code text/plain} when absent (RFC 7578 4.4).
     *
     * <p>Falcon: {@code BodyPart.content_type}.
     *
     * @return the Content-Type, or {@code text/plain}
     */
    public String getContentType() {
        String value = headers.get("content-type");
        return value == null ? "text/plain" : value;
    }

    /**
     * Returns the {@code name} parameter of the Content-Disposition: the form field's name, or
     * {@code null} when missing (no error, as in Falcon).
     *
     * <p>Falcon: {@code BodyPart.name}.
     *
     * @return the field name, or {@code null}
     */
    public String getName() {
        return disposition().params.get("name");
    }

    /**
     * Returns the file name of an attached file ({@code filename*} per RFC 5987, else {@code
     * filename}), or {@code null} when the part is not a file.
     *
     * <p>Falcon: {@code BodyPart.filename}.
     *
     * @return the file name, or {@code null}
     * @throws MultipartParseError when {@code filename*} names an unknown charset or does not decode
     */
    public String getFilename() {
        if (filename == null) {
            Map<String, String> params = disposition().params;
            String star = params.get("filename*");
            Matcher m = FILENAME_STAR.matcher(star == null ? "" : star);
            if (m.lookingAt()) {
                String charset = m.group(1);
                filename = decodeStrict(percentDecode(m.group(2)), charset);
            } else {
                filename = params.get("filename");
            }
        }
        return filename;
    }

    /**
     * Returns {@link #getFilename()} made safe for a file system; see {@link #secureFilename(String)}.
     *
     * <p>Falcon: {@code BodyPart.secure_filename}.
     *
     * @return the sanitized file name
     * @throws MultipartParseError when the file name is missing or empty
     */
    public String getSecureFilename() {
        String name = getFilename();
        if (name == null || name.isEmpty()) {
            throw new MultipartParseError("filename may not be an empty string");
        }
        return secureFilename(name);
    }

    /**
     * Sanitizes a file name to ASCII letters, digits, {@code .}, {@code -} and {@code _}: the name
     * is normalized to Unicode NFKD, a leading {@code .} becomes {@code _}, and every other
     * character becomes {@code _}. For example {@code "Ångström unit physics.pdf"} gives {@code
     * "A_ngstro_m_unit_physics.pdf"}.
     *
     * <p>Falcon: {@code falcon.secure_filename}.
     *
     * @param filename the file name to sanitize
     * @return the sanitized file name
     * @throws IllegalArgumentException when {@code filename} is empty
     */
    public static String secureFilename(String filename) {
        if (filename == null || filename.isEmpty()) {
            throw new IllegalArgumentException("filename may not be an empty string");
        }
        String name = Normalizer.normalize(filename, Normalizer.Form.NFKD);
        if (name.startsWith(".")) {
            name = "_" + name.substring(1);
        }
        return UNSAFE_FILENAME_CHARS.matcher(name).replaceAll("_");
    }

    /**
     * Returns the part's content, read once and kept.
     *
     * <p>Falcon: {@code BodyPart.get_data()} / {@code data}.
     *
     * @return the part's content (not copied)
     * @throws MultipartParseError when the part is larger than {@code maxBodyPartBufferSize}
     *     ("body part is too large"); use {@link #getStream()} for large parts
     */
    public byte[] getData() {
        if (data == null) {
            int max = options.maxBodyPartBufferSize;
            try {
                ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(max, 8192));
                byte[] chunk = new byte[8192];
                long total = 0;
                int n;
                while (total <= max && (n = stream.read(chunk, 0, (int) Math.min(chunk.length, max + 1L - total))) > 0) {
                    out.write(chunk, 0, n);
                    total += n;
                }
                if (total > max) {
                    throw new MultipartParseError("body part is too large");
                }
                data = out.toByteArray();
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
        return data;
    }

    /**
     * Returns the content decoded as text when the part is {@code text/plain}, with its charset
     * or {@link MultipartParseOptions#defaultCharset}; {@code null} for other types.
     *
     * <p>Falcon: {@code BodyPart.get_text()} / {@code text}.
     *
     * @return the decoded text, or {@code null} when the part is not {@code text/plain}
     * @throws MultipartParseError when the charset is unknown or the bytes do not decode ("invalid
     *     text or charset: ...") or the part is too large
     */
    public String getText() {
        HeaderParams type = HeaderParams.parse(getContentType());
        if (!type.value.equals("text/plain")) {
            return null;
        }
        String charset = type.params.getOrDefault("charset", options.defaultCharset);
        return decodeStrict(getData(), charset);
    }

    /**
     * Returns the content deserialized by the handler for the part's Content-Type among {@link
     * MultipartParseOptions#mediaHandlers}; parsed once and kept.
     *
     * <p>Falcon: {@code BodyPart.get_media()} / {@code media}.
     *
     * @return the deserialized media
     * @throws falcon.HTTPUnsupportedMediaType when no handler fits the part's type (415)
     * @throws falcon.MediaMalformedError when the handler cannot parse it
     */
    public Object getMedia() {
        if (!mediaParsed) {
            String type = getContentType();
            BaseHandler handler = options.mediaHandlers.resolve(type, "text/plain");
            try {
                media = handler.deserialize(stream, type, -1);
                mediaParsed = true;
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            } finally {
                if (handler.exhaustStream()) {
                    try {
                        stream.drain();
                    } catch (IOException ex) {
                        // the next part will meet the same error
                    }
                }
            }
        }
        return media;
    }

    /**
     * Returns the content read into {@code type}, e.g. a record, by the handler for the part's
     * Content-Type: {@code Order order = part.getMedia(Order.class)}.
     *
     * @param <T> the type wanted
     * @param type a record, a bean, ...
     * @return the content as {@code type}
     * @throws falcon.HTTPUnsupportedMediaType when no handler fits the part's type (415)
     * @throws falcon.MediaMalformedError when the handler cannot parse it or it does not fit the
     *     type; the description names the field
     */
    @SuppressWarnings("unchecked")
    public <T> T getMedia(Class<T> type) {
        return (T) handler().convert(getMedia(), type);
    }

    /**
     * Returns the content read into a generic type, as {@link #getMedia(Class)}.
     *
     * @param <T> the type wanted
     * @param type the type, captured by a {@link TypeRef}
     * @return the content as the type
     * @throws falcon.HTTPUnsupportedMediaType when no handler fits the part's type (415)
     * @throws falcon.MediaMalformedError when the handler cannot parse it or it does not fit
     */
    @SuppressWarnings("unchecked")
    public <T> T getMedia(TypeRef<T> type) {
        return (T) handler().convert(getMedia(), type.getType());
    }

    private BaseHandler handler() {
        return options.mediaHandlers.resolve(getContentType(), "text/plain");
    }

    @Override
    public String toString() {
        return "<BodyPart: " + getName() + " " + getContentType() + ">";
    }

    private HeaderParams disposition() {
        if (disposition == null) {
            String value = headers.get("content-disposition");
            disposition = HeaderParams.parse(value == null ? "" : value);
        }
        return disposition;
    }

    /** Decodes with a Python codec name as Falcon accepts it; malformed input is an error. */
    static String decodeStrict(byte[] bytes, String charsetName) {
        Charset charset = lookup(charsetName);
        if (charset == null) {
            throw new MultipartParseError("invalid text or charset: " + charsetName);
        }
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException ex) {
            throw new MultipartParseError("invalid text or charset: " + charsetName, ex);
        }
    }

    private static Charset lookup(String name) {
        String key = name.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
        switch (key) {
            case "utf8": case "u8": case "utf":
                return StandardCharsets.UTF_8;
            case "latin1": case "latin": case "l1": case "iso88591": case "8859":
                return StandardCharsets.ISO_8859_1;
            case "ascii": case "usascii":
                return StandardCharsets.US_ASCII;
            default:
                try {
                    return Charset.forName(name);
                } catch (IllegalArgumentException ex) {
                    return null;
                }
        }
    }

    /** Percent-decodes to bytes, leaving invalid escapes as they are (Python's unquote_to_bytes). */
    private static byte[] percentDecode(String value) {
        byte[] in = value.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
        for (int i = 0; i < in.length; i++) {
            if (in[i] == '%' && i + 2 < in.length && hex(in[i + 1]) >= 0 && hex(in[i + 2]) >= 0) {
                out.write(hex(in[i + 1]) * 16 + hex(in[i + 2]));
                i += 2;
            } else {
                out.write(in[i]);
            }
        }
        return out.toByteArray();
    }

    private static int hex(byte b) {
        if (b >= '0' && b <= '9') {
            return b - '0';
        }
        if (b >= 'a' && b <= 'f') {
            return b - 'a' + 10;
        }
        if (b >= 'A' && b <= 'F') {
            return b - 'A' + 10;
        }
        return -1;
    }
}
