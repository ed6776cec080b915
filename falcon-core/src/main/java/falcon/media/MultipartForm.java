package falcon.media;

import falcon.MultipartParseError;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * A multipart form being read: its parts come one at a time, parsed from the request stream as
 * the iteration reaches them; what a responder does not read of a part is skipped.
 *
 * <pre>{@code
 * for (BodyPart part : (MultipartForm) req.getMedia()) {
 *     if ("image".equals(part.getName())) {
 *         try (OutputStream out = Files.newOutputStream(dir.resolve(part.getSecureFilename()))) {
 *             part.getStream().transferTo(out);       // streamed, never held in memory
 *         }
 *     }
 * }
 * }</pre>
 *
 * <p>A form can be iterated once: a second {@code iterator()} continues where the first stopped.
 * Parse errors surface during iteration as {@link MultipartParseError} (400); an I/O error of the
 * request stream as {@link UncheckedIOException}.
 *
 * <p>Falcon: {@code falcon.media.multipart.MultipartForm}.
 */
public class MultipartForm implements Iterable<BodyPart> {

    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] CRLF_CRLF = {'\r', '\n', '\r', '\n'};
    private static final byte[] END = {'-', '-', '\r', '\n'};

    private final MultipartReader reader;
    private final MultipartParseOptions options;
    private final byte[] dashBoundary;
    private final byte[] delimiter;
    private final PartIterator iterator = new PartIterator();

    /**
     * Creates a form over {@code stream}; nothing is read until iteration.
     *
     * @param stream the request body
     * @param boundary the boundary parameter of the Content-Type
     * @param options the parse options
     */
    public MultipartForm(InputStream stream, String boundary, MultipartParseOptions options) {
        this.options = options;
        byte[] b = boundary.getBytes(StandardCharsets.UTF_8);
        this.dashBoundary = new byte[b.length + 2];
        dashBoundary[0] = '-';
        dashBoundary[1] = '-';
        System.arraycopy(b, 0, dashBoundary, 2, b.length);
        // RFC 2046 5.1.1: the delimiter between parts is CRLF "--" boundary.
        this.delimiter = new byte[dashBoundary.length + 2];
        delimiter[0] = '\r';
        delimiter[1] = '\n';
        System.arraycopy(dashBoundary, 0, delimiter, 2, dashBoundary.length);
        int capacity = Math.max(MultipartReader.DEFAULT_BUFFER_BYTES,
                Math.max(options.maxBodyPartHeadersSize + 4, delimiter.length * 4));
        this.reader = new MultipartReader(stream, capacity);
    }

    /**
     * Returns the number of body bytes the parser holds at most at any time.
     *
     * @return the parser's buffer size in bytes
     */
    public int getBufferSize() {
        return reader.capacity();
    }

    @Override
    public Iterator<BodyPart> iterator() {
        return iterator;
    }

    private final class PartIterator implements Iterator<BodyPart> {
        private boolean prologue = true;
        private boolean finished;
        private MultipartReader.Delimited current;
        private BodyPart pending;
        private int count;

        @Override
        public boolean hasNext() {
            if (pending == null && !finished) {
                try {
                    pending = advance();
                } catch (IOException ex) {
                    finished = true;
                    throw new UncheckedIOException(ex);
                } catch (RuntimeException ex) {
                    finished = true;
                    throw ex;
                }
            }
            return pending != null;
        }

        @Override
        public BodyPart next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            BodyPart part = pending;
            pending = null;
            return part;
        }

        private BodyPart advance() throws IOException {
            // Skip the prologue, or what is left of the previous part, up to the next delimiter.
            byte[] expected = prologue ? dashBoundary : delimiter;
            MultipartReader.Delimited rest = current != null ? current : reader.new Delimited(expected);
            rest.drain();
            if (!rest.endedAtDelimiter()) {
                throw new MultipartParseError("unexpected form structure");
            }
            reader.skip(expected.length);
            prologue = false;

            // After a delimiter comes CRLF and a part, or "--" CRLF and the end of the form.
            reader.fill(END.length);
            if (reader.startsWith(CRLF)) {
                reader.skip(CRLF.length);
            } else if (reader.startsWith(END)) {
                reader.skip(END.length);
                finished = true;
                current = null;
                return null;
            } else {
                throw new MultipartParseError("unexpected form structure");
            }

            int max = options.maxBodyPartHeadersSize;
            reader.fill(max + CRLF_CRLF.length);
            int end = reader.indexOf(CRLF_CRLF, max + CRLF_CRLF.length);
            if (end < 0 || end > max) {
                throw new MultipartParseError("incomplete body part headers");
            }
            Map<String, String> headers = parseHeaders(reader.copy(end));
            reader.skip(end + CRLF_CRLF.length);

            count++;
            if (options.maxBodyPartCount > 0 && count > options.maxBodyPartCount) {
                throw new MultipartParseError("maximum number of form body parts exceeded");
            }
            current = reader.new Delimited(delimiter);
            return new BodyPart(current, headers, options);
        }
    }

    private static Map<String, String> parseHeaders(byte[] block) {
        Map<String, String> headers = new LinkedHashMap<>();
        int start = 0;
        while (start <= block.length) {
            int end = indexOf(block, CRLF, start);
            if (end < 0) {
                end = block.length;
            }
            int sep = indexOf(block, new byte[] {':', ' '}, start, end);
            if (sep >= 0) {
                String name = new String(block, start, sep - start, StandardCharsets.ISO_8859_1)
                        .toLowerCase(Locale.ROOT);
                // NOTE: Falcon decodes Content-Type as ASCII and Content-Disposition as UTF-8.
                String value = new String(block, sep + 2, end - sep - 2, StandardCharsets.UTF_8);
                // RFC 7578 4.7: Content-Transfer-Encoding is deprecated; only "binary" is accepted.
                if (name.equals("content-transfer-encoding") && !value.equals("binary")) {
                    throw new MultipartParseError(
                            "the deprecated Content-Transfer-Encoding header field is unsupported");
                }
                // RFC 7578 4.8: other header fields MUST be ignored.
                if (name.equals("content-type") || name.equals("content-disposition")
                        || name.equals("content-transfer-encoding")) {
                    headers.put(name, value);
                }
            }
            start = end + CRLF.length;
        }
        return headers;
    }

    private static int indexOf(byte[] a, byte[] d, int from) {
        return indexOf(a, d, from, a.length);
    }

    private static int indexOf(byte[] a, byte[] d, int from, int to) {
        outer:
        for (int i = from; i <= to - d.length; i++) {
            for (int j = 0; j < d.length; j++) {
                if (a[i + j] != d[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
