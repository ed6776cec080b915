package examples.recipes;

import falcon.Request;
import falcon.Response;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/**
 * A large CSV made while it is sent: the first 1001 Fibonacci numbers, a row at a time, so neither
 * memory nor the time to the first byte grows with the report. Falcon: "Streaming Large CSV Files
 * on the Fly" (its generator is an {@link InputStream} that makes the next row when asked).
 */
public class FibonacciReport {

    /** Streams the report as {@code text/csv}, an attachment, with no Content-Length. */
    public void onGet(Request req, Response resp) {
        resp.setContentType("text/csv");
        resp.setDownloadableAs("report.csv");
        resp.setStream(new FibonacciStream(1000));
    }

    /** The rows {@code 0..n}, after the header row, made one at a time as they are read. */
    static final class FibonacciStream extends InputStream {
        private final int n;
        private final StringBuilder row = new StringBuilder();
        private final CsvWriter writer = new CsvWriter(row);
        private byte[] chunk;
        private int pos;
        private int i = -1;
        private BigInteger previous = BigInteger.ONE;
        private BigInteger current = BigInteger.ZERO;

        FibonacciStream(int n) {
            this.n = n;
        }

        private boolean next() {
            if (i > n) {
                return false;
            }
            row.setLength(0);
            if (i < 0) {
                writer.writeRow("n", "Fibonacci Fn");
            } else {
                writer.writeRow(i, current);
                BigInteger sum = current.add(previous);
                previous = current;
                current = sum;
            }
            i++;
            chunk = row.toString().getBytes(StandardCharsets.UTF_8);
            pos = 0;
            return true;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (len == 0) {
                return 0;
            }
            while (chunk == null || pos == chunk.length) {
                if (!next()) {
                    return -1;
                }
            }
            int count = Math.min(len, chunk.length - pos);
            System.arraycopy(chunk, pos, b, off, count);
            pos += count;
            return count;
        }
    }
}
