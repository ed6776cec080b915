package falcon.adapters;

import java.io.InputStream;
import java.util.zip.CRC32;

/** A deterministic byte pattern of a given length, produced on the fly (no array behind it). */
final class Pattern extends InputStream {

    private final long length;
    private long at;

    Pattern(long length) {
        this(length, 0);
    }

    /** The pattern from byte {@code start} on, {@code remaining} bytes of it. */
    Pattern(long remaining, long start) {
        this.length = start + remaining;
        this.at = start;
    }

    @Override
    public int read() {
        return at < length ? (int) (at++ * 31 % 251) : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (at >= length) {
            return -1;
        }
        int n = (int) Math.min(len, length - at);
        for (int i = 0; i < n; i++) {
            b[off + i] = (byte) (at++ * 31 % 251);
        }
        return n;
    }

    /** The CRC-32 of the first {@code length} bytes of the pattern. */
    static long crc(long length) {
        CRC32 crc = new CRC32();
        byte[] buf = new byte[8192];
        try (Pattern p = new Pattern(length)) {
            int n;
            while ((n = p.read(buf, 0, buf.length)) > 0) {
                crc.update(buf, 0, n);
            }
        }
        return crc.getValue();
    }

    @Override
    public void close() {
    }
}
