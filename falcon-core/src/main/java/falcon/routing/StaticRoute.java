package falcon.routing;

import falcon.HTTPInvalidHeader;
import falcon.HTTPNotFound;
import falcon.HTTPRangeNotSatisfiable;
import falcon.Request;
import falcon.Response;
import falcon.ResponseOptions;
import falcon.Status;
import falcon.gateway.ReplyBody;
import falcon.internal.MediaTypes;
import falcon.media.BodyPart;
import falcon.util.ETag;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * Serves the files of a directory under a path prefix, never anything outside it.
 *
 * <p>Added with {@code app.addStaticRoute(prefix, directory, ...)}: static routes are tried after
 * the routes, in LIFO order, before or after the sinks ({@code sinkBeforeStaticRoute}). A route
 * whose prefix matches answers every method; a file it cannot serve is a 404.
 *
 * <p>The path after the prefix must not be empty (unless there is a fallback file), nor contain
 * {@code ..} segments, {@code //}, a backslash, control characters, any of {@code ~?<>:*|'"}, or
 * leading or trailing white space or trailing dots, nor be longer than {@value
 * #MAX_NON_PREFIXED_LENGTH} characters. Percent-escapes are decoded before these checks, so an
 * encoded {@code ..} is refused too. Unlike Falcon 3.1, a symbolic link inside the directory that
 * leads outside it is refused as well (404).
 *
 * <p>The response streams the file with Content-Length, {@code Accept-Ranges: bytes}, a
 * Content-Type from the extension by the App's {@link ResponseOptions#staticMediaTypes}
 * (initially {@link #defaultStaticMediaTypes()}; {@code application/octet-stream} for an
 * extension not in it) and, when {@code downloadable}, a Content-Disposition naming
 * the file. A single {@code Range: bytes=...} is answered with 206 and Content-Range, or 416 when
 * it starts past the end; a malformed Range is a 400, another unit is ignored.
 *
 * <p>As in Falcon 4.1 (not 3.1), every answer for a file also carries a strong {@code ETag} made
 * of the file's modification time in whole seconds and its size, both in hexadecimal ({@code
 * "6782afce-9"}), and a {@code Last-Modified} date. A request whose {@code If-None-Match} is
 * {@code *} or lists that tag (weak comparison, so {@code W/"6782afce-9"} matches too), or, when
 * there is no If-None-Match, whose {@code If-Modified-Since} is not before the file's time, is
 * answered {@code 304 Not Modified} with those two headers and no body, before any Range is
 * read. A malformed If-Modified-Since is a 400. The tag and date are those of the file served, the
 * fallback file included.
 *
 * <p>Falcon: {@code falcon.routing.StaticRoute}.
 */
public class StaticRoute {

    /** The longest path accepted after the prefix, in characters. */
    public static final int MAX_NON_PREFIXED_LENGTH = 512;


    private final String prefix;
    private final Path directory;
    private final boolean downloadable;
    private final Path fallback;
    private volatile Path realDirectory;

    /**
     * Creates a static route.
     *
     * @param prefix the path prefix, starting with {@code /}; a {@code /} is appended if missing
     * @param directory the absolute directory to serve
     * @param downloadable whether responses carry {@code Content-Disposition: attachment}
     * @param fallbackFilename a file served when the requested one is not found, relative to
     *     {@code directory} or absolute; {@code null} for none
     * @throws IllegalArgumentException when the prefix does not start with {@code /}, the
     *     directory is not absolute, or the fallback is not a file
     */
    public StaticRoute(String prefix, Path directory, boolean downloadable, String fallbackFilename) {
        if (!prefix.startsWith("/")) {
            throw new IllegalArgumentException("prefix must start with '/'");
        }
        if (!directory.isAbsolute()) {
            throw new IllegalArgumentException("directory must be an absolute path");
        }
        this.directory = directory.normalize();
        if (fallbackFilename == null) {
            this.fallback = null;
        } else {
            this.fallback = this.directory.resolve(fallbackFilename).normalize();
            if (!Files.isRegularFile(fallback)) {
                throw new IllegalArgumentException("fallback_filename is not a file");
            }
        }
        // Only whole segments match: "/static" must not serve "/staticky".
        this.prefix = prefix.endsWith("/") ? prefix : prefix + "/";
        this.downloadable = downloadable;
    }

    /**
     * Creates a static route without download disposition or fallback file.
     *
     * @param prefix the path prefix, starting with {@code /}; a {@code /} is appended if missing
     * @param directory the absolute directory to serve
     * @throws IllegalArgumentException when the prefix does not start with {@code /} or the
     *     directory is not absolute
     */
    public StaticRoute(String prefix, Path directory) {
        this(prefix, directory, false, null);
    }

    /**
     * Returns the prefix, ending with {@code /}.
     *
     * @return the prefix
     */
    public String getPrefix() {
        return prefix;
    }

    /**
     * Returns the directory served.
     *
     * @return the directory, normalized
     */
    public Path getDirectory() {
        return directory;
    }

    /**
     * Returns the file served when the requested one is missing.
     *
     * @return the fallback file, resolved against the directory, or {@code null} for none
     */
    public Path getFallbackFilename() {
        return fallback;
    }

    /**
     * Returns whether responses carry {@code Content-Disposition: attachment}.
     *
     * @return whether files are served as downloads
     */
    public boolean isDownloadable() {
        return downloadable;
    }

    /**
     * Returns whether this route serves {@code path}: it starts with the prefix (or, with a
     * fallback file, equals the prefix without its {@code /}).
     *
     * @param path the request path
     * @return {@code true} when this route serves the path
     */
    public boolean match(String path) {
        if (fallback == null) {
            return path.startsWith(prefix);
        }
        return path.startsWith(prefix) || path.equals(prefix.substring(0, prefix.length() - 1));
    }

    /**
     * Serves the file for {@code req.getPath()}. An OPTIONS request (likely a CORS preflight) is
     * answered {@code Allow: GET} with no body and opens no file, as in Falcon 4.0.
     *
     * <p>Falcon: {@code StaticRoute.__call__}.
     *
     * @param req the request
     * @param resp the response to fill with the file
     * @throws HTTPNotFound when the path is refused or no file can be served
     * @throws HTTPInvalidHeader when the Range header is malformed, or If-Modified-Since is
     *     (and decides, there being no If-None-Match)
     * @throws HTTPRangeNotSatisfiable when the range starts past the end of the file
     */
    public void handle(Request req, Response resp) {
        if ("OPTIONS".equals(req.getMethod())) {
            resp.setHeader("allow", "GET");
            resp.setHeader("content-length", "0");
            return;
        }
        String path = req.getPath();
        String withoutPrefix = path.length() > prefix.length() ? path.substring(prefix.length()) : "";
        if ((withoutPrefix.isEmpty() && fallback == null)
                || !stripTrailingDots(withoutPrefix.strip()).equals(withoutPrefix)
                || hasDisallowedChar(withoutPrefix)
                || withoutPrefix.indexOf('\\') >= 0
                || withoutPrefix.contains("//")
                || withoutPrefix.length() > MAX_NON_PREFIXED_LENGTH) {
            throw new HTTPNotFound();
        }
        Path file;
        try {
            Path relative = Paths.get(withoutPrefix.isEmpty() ? "." : withoutPrefix).normalize();
            if (relative.isAbsolute() || relative.startsWith("..")) {
                throw new HTTPNotFound();
            }
            file = directory.resolve(relative).normalize();
        } catch (InvalidPathException ex) {
            throw new HTTPNotFound();
        }
        // APPSEC: a last check that should never fail, as in Falcon.
        if (file.toString().contains("..") || !file.startsWith(directory)) {
            throw new HTTPNotFound();
        }

        FileChannel channel = open(file, true);
        if (channel == null && fallback != null) {
            file = fallback;
            channel = open(file, false);
        }
        if (channel == null) {
            throw new HTTPNotFound();
        }
        FileBody body = null;
        try {
            long size = channel.size();
            Instant modified = Files.getLastModifiedTime(file).toInstant();
            ETag etag = etag(modified, size);
            resp.setEtag(etag.dumps());
            // NOTE: whole seconds, as an HTTP date has no fraction; otherwise a client's
            // If-Modified-Since would always look older than the file (falcon/routing/static.py).
            LocalDateTime lastModified = LocalDateTime.ofEpochSecond(modified.getEpochSecond(), 0, ZoneOffset.UTC);
            resp.setLastModified(lastModified);
            if (isNotModified(req, etag, lastModified)) {
                resp.setStatus(Status.HTTP_304);
                return;
            }
            // As Falcon: req.range, ignored unless req.range_unit is "bytes" (a malformed value is a 400).
            long[] range = req.getRange();
            if (range != null && !"bytes".equals(req.getRangeUnit())) {
                range = null;
            }
            body = FileBody.open(channel, file, size, range);
        } catch (IOException ex) {
            // As Falcon's failing os.fstat: the file is not there to serve.
            throw new HTTPNotFound();
        } finally {
            if (body == null) {
                closeQuietly(channel);
            }
        }
        resp.setStream(body, body.getLength());
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        resp.setContentType(MediaTypes.ofFile(mediaTypes(resp), name));
        resp.setHeader("accept-ranges", "bytes");
        if (downloadable) {
            resp.setHeader("content-disposition", contentDisposition(name));
        }
        if (body.range != null) {
            resp.setStatus(Status.HTTP_206);
            resp.setHeader("content-range", "bytes " + body.range[0] + "-" + body.range[1] + "/" + body.range[2]);
        }
    }

    /**
     * Returns a file's entity-tag as Falcon 4.1 makes it: the modification time in whole seconds
     * and the size, both in hexadecimal, e.g. {@code 6782afce-9}; a strong tag.
     */
    static ETag etag(Instant modified, long size) {
        long seconds = modified.getEpochSecond();
        if (seconds < 0 && modified.getNano() > 0) {
            seconds++;   // Python's int() truncates toward zero; getEpochSecond() floors
        }
        return new ETag(Long.toString(seconds, 16) + "-" + Long.toString(size, 16));
    }

    /**
     * Whether the client's copy is current: If-None-Match, when present, decides alone ({@code *}
     * or any tag equal by weak comparison); otherwise If-Modified-Since at or after the file's time.
     * Falcon: {@code falcon.routing.static._is_not_modified}.
     */
    private static boolean isNotModified(Request req, ETag etag, LocalDateTime lastModified) {
        List<ETag> ifNoneMatch = req.getIfNoneMatch();
        if (ifNoneMatch != null) {
            if (ifNoneMatch.size() == 1 && "*".equals(ifNoneMatch.get(0).value())) {
                return true;
            }
            return ifNoneMatch.contains(etag);
        }
        LocalDateTime ifModifiedSince = req.getIfModifiedSince();
        return ifModifiedSince != null && !lastModified.isAfter(ifModifiedSince);
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ex) {
            // nothing was sent from it; nothing to report
        }
    }

    // SOPT-04: the App's map; null (a bare Response, or an App that set none) means the defaults.
    private static Map<String, String> mediaTypes(Response resp) {
        ResponseOptions options = resp.getOptions();
        return options == null ? null : options.staticMediaTypes;
    }

    private FileChannel open(Path file, boolean confine) {
        try {
            if (!Files.isRegularFile(file)) {
                return null;
            }
            if (confine) {
                // APPSEC: resolve symbolic links, then check the directory again.
                Path real = realDirectory;
                if (real == null) {
                    real = realDirectory = directory.toRealPath();
                }
                if (!file.toRealPath().startsWith(real)) {
                    return null;
                }
            }
            return FileChannel.open(file, StandardOpenOption.READ);
        } catch (IOException | SecurityException ex) {
            return null;
        }
    }

    /**
     * Whether {@code s} has a character Falcon's {@code _DISALLOWED_CHARS_PATTERN} refuses: a C0 or
     * C1 control, U+FFFD, or one of {@code ~?<>:*|'"}, reserved on some file systems. A loop, not
     * Falcon's regex, as it runs on every static request.
     */
    private static boolean hasDisallowedChar(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= 0x1f || (c >= 0x80 && c <= 0x9f) || c == '\ufffd' || "~?<>:*|'\"".indexOf(c) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static String stripTrailingDots(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == '.') {
            end--;
        }
        return s.substring(0, end);
    }

    /** Formats Content-Disposition as Falcon's {@code resp.downloadable_as} (RFC 6266 Appendix D). */
    static String contentDisposition(String name) {
        boolean ascii = true;
        for (int i = 0; i < name.length() && ascii; i++) {
            ascii = name.charAt(i) < 128;
        }
        if (ascii) {
            return "attachment; filename=\"" + name + "\"";
        }
        StringBuilder encoded = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        return "attachment; filename=" + BodyPart.secureFilename(name) + "; filename*=UTF-8''" + encoded;
    }

    /**
     * Returns the extension-to-type map static routes use: Python's built-in {@code mimetypes}
     * table, overridden by {@code /etc/mime.types} when the file exists, as Falcon's {@code
     * ResponseOptions.static_media_types} is. Keys are extensions with their dot, e.g. {@code .css}.
     *
     * <p>Falcon: {@code resp_options.static_media_types}.
     *
     * @return an unmodifiable map of media types by extension
     */
    public static Map<String, String> defaultStaticMediaTypes() {
        return MediaTypes.defaults();
    }

    /**
     * A file, or a range of it, as a response body: the stream {@code resp.getStream()} returns
     * for a static route. The App hands it to its adapter as a {@link #region()}, which the
     * adapter may send without copying it (zero-copy) instead of reading the stream.
     */
    public static final class FileBody extends InputStream {
        private final FileChannel channel;
        private final Path path;
        private final long start;
        private final long length;
        private long position;
        final long[] range;

        private FileBody(FileChannel channel, Path path, long start, long length, long[] range) {
            this.channel = channel;
            this.path = path;
            this.start = start;
            this.length = length;
            this.position = start;
            this.range = range;
        }

        static FileBody open(FileChannel channel, Path path, long size, long[] reqRange) {
            // NOTE: as Falcon, a Range on an empty file is ignored: Content-Range cannot say "0 bytes".
            if (reqRange == null || size == 0) {
                return new FileBody(channel, path, 0, size, null);
            }
            long start = reqRange[0];
            long end = reqRange[1];
            if (start < 0 && end == -1) {
                start = Math.max(start, -size);
                return new FileBody(channel, path, size + start, -start, new long[] {size + start, size - 1, size});
            }
            if (start >= size) {
                throw new HTTPRangeNotSatisfiable(size);
            }
            if (end == -1) {
                return new FileBody(channel, path, start, size - start, new long[] {start, size - 1, size});
            }
            end = Math.min(end, size - 1);
            return new FileBody(channel, path, start, end - start + 1, new long[] {start, end, size});
        }

        /**
         * Returns the open file; the adapter closes this stream, which closes it.
         *
         * @return the file channel
         */
        public FileChannel getChannel() {
            return channel;
        }

        /**
         * Returns the offset in the file of the first byte to send.
         *
         * @return the offset in bytes
         */
        public long getPosition() {
            return start;
        }

        /**
         * Returns the number of bytes to send.
         *
         * @return the number of bytes
         */
        public long getLength() {
            return length;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            long remaining = start + length - position;
            if (remaining <= 0) {
                return -1;
            }
            int n = channel.read(ByteBuffer.wrap(b, off, (int) Math.min(len, remaining)), position);
            if (n > 0) {
                position += n;
            }
            return n < 0 ? -1 : n;
        }

        @Override
        public int available() {
            return (int) Math.min(Integer.MAX_VALUE, remaining());
        }

        /**
         * Returns the number of bytes not read yet.
         *
         * @return the bytes left to send
         */
        public long remaining() {
            return start + length - position;
        }

        /**
         * Returns what is left of this body as a file region, for an adapter that sends files
         * without copying them; the region's channel is this body's (closing one closes both).
         *
         * @return the region from the current position to the end
         */
        public ReplyBody.FileRegion region() {
            return new ReplyBody.FileRegion(channel, path, position, remaining());
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }
}
