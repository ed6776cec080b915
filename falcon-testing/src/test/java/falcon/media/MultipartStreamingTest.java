package falcon.media;

import static org.assertj.core.api.Assertions.assertThat;

import falcon.App;
import falcon.Request;
import falcon.Response;
import falcon.gateway.Exchange;
import falcon.gateway.Reply;
import falcon.gateway.RequestHeaders;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * A file part far larger than any buffer streams through: the parser never holds more than its
 * fixed buffer of the body, whatever the size of the part.
 */
class MultipartStreamingTest {

    private static final long PART_BYTES = 64L * 1024 * 1024;

    /** Produces {@code length} bytes of a repeating pattern without holding them, and counts reads. */
    static final class Generated extends InputStream {
        final AtomicLong produced;
        private final long length;

        Generated(long length, AtomicLong produced) {
            this.length = length;
            this.produced = produced;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            long left = length - produced.get();
            if (left <= 0) {
                return -1;
            }
            int n = (int) Math.min(len, left);
            for (int i = 0; i < n; i++) {
                b[off + i] = (byte) ('a' + (produced.get() + i) % 26);
            }
            produced.addAndGet(n);
            return n;
        }
    }

    /** Counts every byte the App pulls from the request body. */
    static final class Counting extends InputStream {
        final AtomicLong count = new AtomicLong();
        private final InputStream in;

        Counting(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count.incrementAndGet();
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                count.addAndGet(n);
            }
            return n;
        }
    }

    /** The smallest exchange: a POST with a streamed body. */
    static final class StreamedExchange implements Exchange {
        final InputStream body;
        final String contentType;
        final AtomicReference<Reply> reply = new AtomicReference<>();

        StreamedExchange(InputStream body, String contentType) {
            this.body = body;
            this.contentType = contentType;
        }

        // CHECKSTYLE:OFF the SPI's plain accessors
        @Override public String method() { return "POST"; }
        @Override public String rawPath() { return "/upload"; }
        @Override public String queryString() { return ""; }
        @Override public String protocol() { return "HTTP/1.1"; }
        @Override public String scheme() { return "http"; }
        @Override public String serverHost() { return "localhost"; }
        @Override public int serverPort() { return 80; }
        @Override public String remoteAddr() { return "127.0.0.1"; }
        @Override public InputStream body() { return body; }
        @Override public void respond(Reply r) { reply.set(r); }
        // CHECKSTYLE:ON

        @Override
        public RequestHeaders headers() {
            return new RequestHeaders() {
                @Override
                public String get(String name) {
                    return name.equalsIgnoreCase("Content-Type") ? contentType : null;
                }

                @Override
                public List<String> getAll(String name) {
                    String v = get(name);
                    return v == null ? List.of() : List.of(v);
                }

                @Override
                public int size() {
                    return 1;
                }

                @Override
                public java.util.Iterator<Map.Entry<String, String>> iterator() {
                    return List.of(Map.entry("Content-Type", contentType)).iterator();
                }
            };
        }
    }

    @Test
    void aPartLargerThanAnyBufferIsStreamedWithoutBeingHeld() {
        AtomicLong produced = new AtomicLong();
        byte[] head = ("--BOUND\r\nContent-Disposition: form-data; name=\"meta\"\r\n\r\n{\"n\": 1}\r\n"
                + "--BOUND\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.bin\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] tail = "\r\n--BOUND\r\nContent-Disposition: form-data; name=\"after\"\r\n\r\nok\r\n--BOUND--\r\n"
                .getBytes(StandardCharsets.US_ASCII);
        Counting source = new Counting(new SequenceInputStream(Collections.enumeration(List.of(
                new ByteArrayInputStream(head), new Generated(PART_BYTES, produced), new ByteArrayInputStream(tail)))));

        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        long[] maxAhead = {0};
        App app = new App();
        app.addRoute("/upload", new Object() {
            public void onPost(Request req, Response resp) throws IOException {
                MultipartForm form = (MultipartForm) req.getMedia();
                for (BodyPart part : form) {
                    if (!"file".equals(part.getName())) {
                        seen.add(part.getName() + "=" + part.getText());
                        continue;
                    }
                    // Read in chunks, checking how far the parser has read ahead of us.
                    InputStream in = part.getStream();
                    byte[] chunk = new byte[16 * 1024];
                    long total = 0;
                    int n;
                    while ((n = in.read(chunk)) > 0) {
                        if (chunk[0] != (byte) ('a' + total % 26)) {
                            throw new AssertionError("wrong byte at " + total);
                        }
                        total += n;
                        maxAhead[0] = Math.max(maxAhead[0], source.count.get() - head.length - total);
                    }
                    seen.add("file=" + total + " bytes, buffer " + form.getBufferSize());
                }
                resp.setMedia(seen);
            }
        });
        StreamedExchange exchange = new StreamedExchange(source, "multipart/form-data; boundary=BOUND");
        app.handle(exchange);

        assertThat(exchange.reply.get().status()).isEqualTo(200);
        assertThat(seen).containsExactly("meta={\"n\": 1}", "file=" + PART_BYTES + " bytes, buffer "
                + MultipartReader.DEFAULT_BUFFER_BYTES, "after=ok");
        // The parser never read further ahead of the responder than its one fixed buffer.
        assertThat(maxAhead[0]).isLessThanOrEqualTo(MultipartReader.DEFAULT_BUFFER_BYTES);
        assertThat(produced.get()).isEqualTo(PART_BYTES);
    }
}
