package falcon.server.internal;

import java.io.InputStream;
import java.util.Arrays;

/**
 * A request body that arrived complete with the headers: the fast path, no queue, no lock.
 *
 * <p>Read by one worker thread only.
 */
final class BytesBody extends InputStream {

    static final byte[] EMPTY = new byte[0];

    private final byte[] bytes;
    private int pos;

    BytesBody(byte[] bytes) {
        this.bytes = bytes;
    }

    @Override
    public int read() {
        return pos < bytes.length ? bytes[pos++] & 0xff : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        java.util.Objects.checkFromIndexSize(off, len, b.length);
        if (len == 0) {
            return 0;
        }
        int n = Math.min(len, bytes.length - pos);
        if (n <= 0) {
            return -1;
        }
        System.arraycopy(bytes, pos, b, off, n);
        pos += n;
        return n;
    }

    @Override
    public byte[] readAllBytes() {
        // PERF: readers that want the whole body at once (the form handlers, Request.getText,
        // req.getBoundedStream().readAllBytes()) get the array itself, not a copy of it.
        byte[] rest = pos == 0 ? bytes : Arrays.copyOfRange(bytes, pos, bytes.length);
        pos = bytes.length;
        return rest;
    }

    @Override
    public long skip(long n) {
        long k = Math.max(0, Math.min(n, bytes.length - pos));
        pos += (int) k;
        return k;
    }

    @Override
    public int available() {
        return bytes.length - pos;
    }
}
