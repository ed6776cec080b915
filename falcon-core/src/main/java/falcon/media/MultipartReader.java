package falcon.media;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * A fixed-size buffer over the request body, read forward only: the multipart parser never holds
 * more of the body than this buffer, whatever the size of a part.
 *
 * <p>Falcon: {@code falcon.util.BufferedReader} (its {@code read_until}, {@code pipe_until} and
 * {@code delimit}).
 */
final class MultipartReader {

    /** The buffer size unless the headers limit needs more. */
    static final int DEFAULT_BUFFER_BYTES = 64 * 1024;

    private final InputStream source;
    private final byte[] buf;
    private int pos;
    private int lim;
    private boolean eof;

    MultipartReader(InputStream source, int capacity) {
        this.source = source;
        this.buf = new byte[capacity];
    }

    /** Returns the buffer's capacity: at most this many body bytes are held at once. */
    int capacity() {
        return buf.length;
    }

    int buffered() {
        return lim - pos;
    }

    boolean atEnd() {
        return eof && pos == lim;
    }

    /** Buffers at least {@code n} bytes (at most the capacity) unless the body ends first. */
    int fill(int n) throws IOException {
        while (lim - pos < n && !eof) {
            readMore();
        }
        return lim - pos;
    }

    /** Reads at least one more byte from the source into the buffer, or notes its end. */
    void readMore() throws IOException {
        if (eof) {
            return;
        }
        if (lim == buf.length) {
            if (pos == 0) {
                throw new IllegalStateException("buffer full");
            }
            System.arraycopy(buf, pos, buf, 0, lim - pos);
            lim -= pos;
            pos = 0;
        }
        int r = source.read(buf, lim, buf.length - lim);
        if (r < 0) {
            eof = true;
        } else {
            lim += r;
        }
    }

    /** Returns the offset from the read position of {@code d} within the next {@code within} bytes, or -1. */
    int indexOf(byte[] d, int within) {
        int to = within >= lim - pos ? lim : pos + within;
        int last = to - d.length;
        byte first = d[0];
        for (int i = pos; i <= last; i++) {
            if (buf[i] != first) {
                continue;
            }
            int j = 1;
            while (j < d.length && buf[i + j] == d[j]) {
                j++;
            }
            if (j == d.length) {
                return i - pos;
            }
        }
        return -1;
    }

    /** Returns whether the buffered bytes at the read position start with {@code d}. */
    boolean startsWith(byte[] d) {
        if (lim - pos < d.length) {
            return false;
        }
        for (int i = 0; i < d.length; i++) {
            if (buf[pos + i] != d[i]) {
                return false;
            }
        }
        return true;
    }

    void skip(int n) {
        pos += n;
    }

    byte get(int offset) {
        return buf[pos + offset];
    }

    /** Copies {@code n} buffered bytes out and consumes them. */
    void take(byte[] to, int off, int n) {
        System.arraycopy(buf, pos, to, off, n);
        pos += n;
    }

    /** Returns a copy of the next {@code n} buffered bytes, without consuming them. */
    byte[] copy(int n) {
        byte[] out = new byte[n];
        System.arraycopy(buf, pos, out, 0, n);
        return out;
    }

    /**
     * The bytes up to the next {@code delimiter} (not consumed), or to the end of the body.
     *
     * <p>Falcon: {@code BufferedReader.delimit(delimiter)}.
     */
    final class Delimited extends InputStream {
        private final byte[] delimiter;
        // Bytes from the read position known to hold no delimiter start.
        private int clear;
        private boolean done;
        private boolean foundDelimiter;

        Delimited(byte[] delimiter) {
            this.delimiter = delimiter;
        }

        /** Returns whether the stream ended at its delimiter, rather than at the end of the body. */
        boolean endedAtDelimiter() {
            return foundDelimiter;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            Objects.checkFromIndexSize(off, len, b.length);
            if (len == 0) {
                return 0;
            }
            int n = next(len);
            if (n > 0) {
                take(b, off, n);
                clear -= n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = 0;
            while (skipped < n) {
                int k = next((int) Math.min(Integer.MAX_VALUE, n - skipped));
                if (k < 0) {
                    break;
                }
                MultipartReader.this.skip(k);
                clear -= k;
                skipped += k;
            }
            return skipped;
        }

        @Override
        public int available() {
            return done ? 0 : clear;
        }

        /** Reads and drops the rest of this stream. */
        void drain() throws IOException {
            skip(Long.MAX_VALUE);
        }

        // Returns how many bytes (1..max) can be taken from the read position, or -1 at the end.
        private int next(int max) throws IOException {
            while (!done) {
                if (clear > 0) {
                    return Math.min(max, clear);
                }
                int at = indexOf(delimiter, Integer.MAX_VALUE);
                if (at == 0) {
                    done = true;
                    foundDelimiter = true;
                    break;
                }
                if (at > 0) {
                    clear = at;
                    continue;
                }
                // A delimiter may begin in the last (length - 1) bytes: keep those until more come.
                int safe = eof ? buffered() : buffered() - (delimiter.length - 1);
                if (safe > 0) {
                    clear = safe;
                } else if (eof) {
                    done = true;
                } else {
                    readMore();
                }
            }
            return -1;
        }
    }
}
