package falcon.gateway;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.Flow;

/**
 * The body of a {@link Reply}: bytes in memory, a stream, a region of a file, or a publisher.
 *
 * <p>A sealed type, so that an adapter handles each kind once and the compiler knows there are no
 * others. An adapter closes what it is given (stream, file) once it has sent it or given up.
 */
public sealed interface ReplyBody permits ReplyBody.Bytes, ReplyBody.Stream, ReplyBody.FileRegion,
        ReplyBody.Publisher {

    /**
     * Releases what the body holds (a stream, an open file) when it is not sent or not sent
     * whole: a HEAD request, a status without a body, a client gone away. A failure to close is
     * logged, not thrown. Bytes and publishers hold nothing to release.
     */
    default void release() {
    }

    /** Closes {@code resource}, logging a failure at DEBUG: there is no one left to tell. */
    private static void closeQuietly(Closeable resource) {
        try {
            resource.close();
        } catch (IOException | RuntimeException ex) {
            System.getLogger("falcon").log(System.Logger.Level.DEBUG, "closing a response body failed", ex);
        }
    }

    /**
     * A body held in memory; its length is in the reply's {@code content-length}.
     *
     * @param bytes the body
     */
    record Bytes(byte[] bytes) implements ReplyBody {
        /**
         * Checks the bytes.
         *
         * @param bytes the body
         */
        public Bytes {
            Objects.requireNonNull(bytes, "bytes");
        }
    }

    /**
     * A body read from a stream; framed by the reply's {@code content-length} when it has one,
     * else by the adapter (chunked on HTTP/1.1).
     *
     * @param stream the stream, closed by the adapter
     */
    record Stream(InputStream stream) implements ReplyBody {
        /**
         * Checks the stream.
         *
         * @param stream the stream, closed by the adapter
         */
        public Stream {
            Objects.requireNonNull(stream, "stream");
        }

        @Override
        public void release() {
            ReplyBody.closeQuietly(stream);
        }
    }

    /**
     * A region of an open file, e.g. a static file or a range of it: the adapter may hand it to
     * the kernel without copying it (sendfile), by its channel or by its path, or read it with
     * {@link #openStream()}.
     *
     * @param channel the open file, closed by the adapter
     * @param path the file's path, for an adapter whose container sends files by name (Tomcat's
     *     sendfile); {@code null} when unknown
     * @param position where the region starts
     * @param length the region's length in bytes
     */
    record FileRegion(FileChannel channel, Path path, long position, long length) implements ReplyBody {
        /**
         * Checks the region.
         *
         * @param channel the open file, closed by the adapter
         * @param path the file's path, or {@code null} when unknown
         * @param position where the region starts
         * @param length the region's length in bytes
         */
        public FileRegion {
            Objects.requireNonNull(channel, "channel");
            if (position < 0 || length < 0) {
                throw new IllegalArgumentException("position and length must not be negative");
            }
        }

        @Override
        public void release() {
            ReplyBody.closeQuietly(channel);
        }

        /**
         * Returns the region as a stream, for an adapter that cannot send the file directly;
         * closing the stream closes the file.
         *
         * @return a stream of exactly {@link #length()} bytes, unless the file shrinks
         */
        public InputStream openStream() {
            return new InputStream() {
                private long at = position;
                private final long end = position + length;

                @Override
                public int read() throws IOException {
                    byte[] one = new byte[1];
                    int n = read(one, 0, 1);
                    return n < 0 ? -1 : one[0] & 0xff;
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    if (len == 0) {
                        return 0;
                    }
                    long left = end - at;
                    if (left <= 0) {
                        return -1;
                    }
                    int n = channel.read(ByteBuffer.wrap(b, off, (int) Math.min(len, left)), at);
                    if (n > 0) {
                        at += n;
                    }
                    return n;
                }

                @Override
                public void close() throws IOException {
                    channel.close();
                }
            };
        }
    }

    /**
     * A body published asynchronously: the adapter subscribes, requests chunks only as fast as
     * the client takes them, and cancels the subscription when the client goes away.
     *
     * @param publisher the body chunks
     */
    record Publisher(Flow.Publisher<ByteBuffer> publisher) implements ReplyBody {
        /**
         * Checks the publisher.
         *
         * @param publisher the body chunks
         */
        public Publisher {
            Objects.requireNonNull(publisher, "publisher");
        }
    }
}
