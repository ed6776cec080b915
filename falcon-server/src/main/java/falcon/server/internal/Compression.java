package falcon.server.internal;

import falcon.HTTPPayloadTooLarge;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.InflaterInputStream;

/**
 * Response compression (gzip, deflate) negotiated by {@code Accept-Encoding}, and the opt-in
 * decompression of request bodies with the body limit applied to what comes out.
 *
 * <p>A response is compressed when the server has compression on, its body is in memory (bytes;
 * streams, files and publishers, SSE among them, go as they are), it is at least the threshold
 * long, its media type is compressible, it has no {@code Content-Encoding} or {@code
 * Content-Range} of its own, its status is not 206, and it does not say {@code Cache-Control:
 * no-transform} (the per-response opt-out).
 */
final class Compression {

    static final String GZIP = "gzip";
    static final String DEFLATE = "deflate";

    private Compression() {
    }

    /**
     * Returns the coding to answer with for {@code acceptEncoding}: gzip when acceptable, else
     * deflate, else {@code null}. A coding is acceptable when named, or matched by {@code *},
     * with a q-value above 0.
     */
    static String negotiate(String acceptEncoding) {
        if (acceptEncoding == null || acceptEncoding.isEmpty()) {
            return null;
        }
        float gzip = -1;
        float deflate = -1;
        float star = -1;
        int i = 0;
        int n = acceptEncoding.length();
        while (i < n) {
            int end = acceptEncoding.indexOf(',', i);
            if (end < 0) {
                end = n;
            }
            int semi = acceptEncoding.indexOf(';', i);
            int nameEnd = semi >= 0 && semi < end ? semi : end;
            String name = acceptEncoding.substring(i, nameEnd).trim();
            float q = semi >= 0 && semi < end ? qValue(acceptEncoding.substring(semi + 1, end)) : 1f;
            if (name.equalsIgnoreCase(GZIP) || name.equalsIgnoreCase("x-gzip")) {
                gzip = Math.max(gzip, q);
            } else if (name.equalsIgnoreCase(DEFLATE)) {
                deflate = Math.max(deflate, q);
            } else if (name.equals("*")) {
                star = q;
            }
            i = end + 1;
        }
        if (gzip < 0) {
            gzip = star;
        }
        if (deflate < 0) {
            deflate = star;
        }
        if (gzip > 0 && gzip >= deflate) {
            return GZIP;
        }
        return deflate > 0 ? DEFLATE : null;
    }

    private static float qValue(String params) {
        for (String p : params.split(";")) {
            String t = p.trim();
            if (t.length() > 2 && (t.charAt(0) == 'q' || t.charAt(0) == 'Q') && t.charAt(1) == '=') {
                try {
                    float q = Float.parseFloat(t.substring(2));
                    return q >= 0 && q <= 1 ? q : 0f;
                } catch (NumberFormatException ex) {
                    return 0f;
                }
            }
        }
        return 1f;
    }

    /** Whether a body of {@code contentType} is worth compressing: text, JSON, XML, JavaScript, SVG. */
    static boolean compressible(String contentType) {
        if (contentType == null) {
            return false;
        }
        int semi = contentType.indexOf(';');
        String type = (semi < 0 ? contentType : contentType.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
        if (type.startsWith("text/")) {
            return !type.equals("text/event-stream");
        }
        return type.equals("application/json") || type.endsWith("+json") || type.equals("application/xml")
                || type.endsWith("+xml") || type.equals("application/javascript")
                || type.equals("application/x-ndjson") || type.equals("application/x-www-form-urlencoded")
                || type.equals("application/wasm");
    }

    /**
     * Compresses {@code body} for the response whose headers are {@code out}, when it qualifies
     * (see the class comment), and updates the headers: {@code Content-Encoding}, {@code
     * Content-Length}, {@code Vary: Accept-Encoding}, a strong {@code ETag} made weak (the bytes
     * differ). Returns the bytes to send.
     */
    static byte[] apply(byte[] body, int status, HttpHeaders out, String acceptEncoding, int minBytes) {
        if (body == null || body.length < minBytes || status == 206 || status < 200 || status == 204
                || status == 304 || out.contains(HttpHeaderNames.CONTENT_ENCODING)
                || out.contains(HttpHeaderNames.CONTENT_RANGE)
                || !compressible(out.get(HttpHeaderNames.CONTENT_TYPE))) {
            return body;
        }
        String cacheControl = out.get(HttpHeaderNames.CACHE_CONTROL);
        if (cacheControl != null && cacheControl.toLowerCase(Locale.ROOT).contains("no-transform")) {
            return body;
        }
        // the answer depends on Accept-Encoding even when this one is sent as it is
        String vary = out.get(HttpHeaderNames.VARY);
        if (vary == null) {
            out.set(HttpHeaderNames.VARY, "Accept-Encoding");
        } else if (!vary.toLowerCase(Locale.ROOT).contains("accept-encoding") && !vary.trim().equals("*")) {
            out.set(HttpHeaderNames.VARY, vary + ", Accept-Encoding");
        }
        String coding = negotiate(acceptEncoding);
        if (coding == null) {
            return body;
        }
        byte[] packed = compress(body, coding);
        out.set(HttpHeaderNames.CONTENT_ENCODING, coding);
        out.set(HttpHeaderNames.CONTENT_LENGTH, packed.length);
        // a range of this answer would be a range of the uncompressed bytes: a client resuming
        // into the compressed ones would splice the two (nginx drops it when it compresses too)
        out.remove(HttpHeaderNames.ACCEPT_RANGES);
        String etag = out.get(HttpHeaderNames.ETAG);
        if (etag != null && etag.startsWith("\"")) {
            out.set(HttpHeaderNames.ETAG, "W/" + etag);
        }
        return packed;
    }

    static byte[] compress(byte[] body, String coding) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream(Math.max(64, body.length / 3));
        try {
            if (GZIP.equals(coding)) {
                try (GZIPOutputStream gz = new GZIPOutputStream(buf, 8192)) {
                    gz.write(body);
                }
            } else {
                // HTTP's "deflate" is the zlib format (RFC 9110 8.4.1.2), Deflater's default
                Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION);
                try (DeflaterOutputStream z = new DeflaterOutputStream(buf, deflater, 8192)) {
                    z.write(body);
                } finally {
                    deflater.end();
                }
            }
        } catch (IOException ex) {
            throw new IllegalStateException(ex); // in memory: cannot happen
        }
        return buf.toByteArray();
    }

    /** The coding of a request body this server can undo, or {@code null}: one gzip or deflate. */
    static String requestCoding(String contentEncoding) {
        if (contentEncoding == null) {
            return null;
        }
        String c = contentEncoding.trim();
        if (c.equalsIgnoreCase(GZIP) || c.equalsIgnoreCase("x-gzip")) {
            return GZIP;
        }
        return c.equalsIgnoreCase(DEFLATE) ? DEFLATE : null;
    }

    /**
     * The decompressed body: reads {@code raw} through gzip or zlib, and throws {@link
     * HTTPPayloadTooLarge} once more than {@code limit} bytes have come out (a zip bomb is stopped
     * at the limit, not at the end of its output). Malformed data is a 400.
     */
    static InputStream inflating(InputStream raw, String coding, long limit) {
        return new Bounded(raw, coding, limit);
    }

    private static final class Bounded extends FilterInputStream {
        private final InputStream raw;
        private final String coding;
        private final long limit;
        private long count;
        private boolean opened;

        Bounded(InputStream raw, String coding, long limit) {
            super(null);
            this.raw = raw;
            this.coding = coding;
            this.limit = limit;
        }

        private InputStream open() throws IOException {
            if (!opened) {
                opened = true;
                try {
                    in = GZIP.equals(coding) ? new GZIPInputStream(raw, 8192) : new InflaterInputStream(raw);
                } catch (java.util.zip.ZipException | java.io.EOFException ex) {
                    throw new falcon.HTTPBadRequest("Invalid body", "The body is not valid " + coding + " data.");
                }
            }
            return in;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n;
            try {
                n = open().read(b, off, len);
            } catch (java.util.zip.ZipException | java.io.EOFException ex) {
                throw new falcon.HTTPBadRequest("Invalid body", "The body is not valid " + coding + " data.");
            }
            if (n > 0) {
                count += n;
                if (count > limit) {
                    throw new HTTPPayloadTooLarge();
                }
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            byte[] sink = new byte[(int) Math.min(8192, Math.max(1, n))];
            long left = n;
            while (left > 0) {
                int r = read(sink, 0, (int) Math.min(sink.length, left));
                if (r < 0) {
                    break;
                }
                left -= r;
            }
            return n - left;
        }

        @Override
        public int available() {
            return 0;
        }

        @Override
        public void close() throws IOException {
            if (in != null) {
                in.close();
            } else {
                raw.close();
            }
        }

        @Override
        public boolean markSupported() {
            return false;
        }
    }
}
