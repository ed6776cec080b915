package falcon.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import org.junit.jupiter.api.Test;

/**
 * The buffer under the multipart parser, read from a source that hands its bytes over in the
 * given chunks.
 *
 * <p>NOTE: some mutants are equivalent. In indexOf(), {@code within > lim - pos} for {@code >=}
 * (both give {@code lim}). In Delimited: read()'s {@code n <= 0} and read(byte[])'s {@code n >= 0}
 * (a read gives at least one byte or -1), skip()'s {@code k <= 0} (k is 0 only if asked for 0,
 * which the loop never does) and next()'s {@code at >= 0} (0 is handled just before).
 */
class MultipartReaderTest {

    /** A source that returns the chunks one per read; an empty chunk is a read of no bytes. */
    private static InputStream chunks(String... chunks) {
        Deque<byte[]> queue = new ArrayDeque<>();
        for (String c : chunks) {
            queue.add(c.getBytes(StandardCharsets.ISO_8859_1));
        }
        return new InputStream() {
            @Override
            public int read() {
                throw new UnsupportedOperationException();
            }

            @Override
            public int read(byte[] b, int off, int len) {
                byte[] next = queue.peek();
                if (next == null) {
                    return -1;
                }
                int n = Math.min(len, next.length);
                System.arraycopy(next, 0, b, off, n);
                queue.poll();
                if (n < next.length) {
                    byte[] rest = new byte[next.length - n];
                    System.arraycopy(next, n, rest, 0, rest.length);
                    queue.push(rest);
                }
                return n;
            }
        };
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String text(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }

    @Test
    void fillReadsUntilEnoughIsBuffered() throws IOException {
        MultipartReader reader = new MultipartReader(chunks("ab", "cd", "ef"), 8);
        assertThat(reader.capacity()).isEqualTo(8);
        assertThat(reader.fill(3)).isEqualTo(4);
        reader.skip(1);
        // three are buffered: no read
        assertThat(reader.fill(3)).isEqualTo(3);
        assertThat(reader.get(0)).isEqualTo((byte) 'b');
        assertThat(reader.get(1)).isEqualTo((byte) 'c');
        assertThat(reader.atEnd()).isFalse();
        assertThat(reader.fill(100)).isEqualTo(5);
        assertThat(reader.atEnd()).isFalse();
        reader.skip(5);
        assertThat(reader.atEnd()).isTrue();
    }

    @Test
    void aReadOfNoBytesIsNotTheEnd() throws IOException {
        MultipartReader reader = new MultipartReader(chunks("a", "", "b"), 8);
        assertThat(reader.fill(2)).isEqualTo(2);
        assertThat(reader.copy(2)).isEqualTo(bytes("ab"));
    }

    @Test
    void whatWasReadMovesToTheFrontOfAFullBuffer() throws IOException {
        MultipartReader reader = new MultipartReader(chunks("abcd", "efgh"), 4);
        assertThat(reader.fill(4)).isEqualTo(4);
        reader.skip(2);
        reader.readMore();
        assertThat(reader.copy(4)).isEqualTo(bytes("cdef"));
        MultipartReader full = new MultipartReader(chunks("abcd", "e"), 4);
        full.fill(4);
        assertThatThrownBy(full::readMore).isInstanceOf(IllegalStateException.class).hasMessage("buffer full");
    }

    @Test
    void onlyTheBufferedBytesAreSearched() throws IOException {
        // the buffer holds "efcdef" with only "f" (at 1) buffered: "fc" lies beyond what was read
        MultipartReader reader = new MultipartReader(chunks("abcdef"), 6);
        reader.fill(6);
        reader.skip(4);
        reader.readMore();
        reader.skip(1);
        assertThat(reader.buffered()).isEqualTo(1);
        assertThat(reader.indexOf(bytes("fc"), 2)).isEqualTo(-1);
        assertThat(reader.indexOf(bytes("f"), 2)).isEqualTo(0);
        assertThat(reader.startsWith(bytes("fc"))).isFalse();
        assertThat(reader.startsWith(bytes("f"))).isTrue();
        assertThat(reader.startsWith(bytes("g"))).isFalse();
    }

    @Test
    void aPartEndsAtItsDelimiterOrAtTheEnd() throws IOException {
        MultipartReader reader = new MultipartReader(chunks("abc", "dXY", "Zrest"), 16);
        MultipartReader.Delimited part = reader.new Delimited(bytes("XYZ"));
        assertThat(text(part)).isEqualTo("abcd");
        assertThat(part.endedAtDelimiter()).isTrue();
        assertThat(part.available()).isZero();
        assertThat(part.read()).isEqualTo(-1);

        MultipartReader cut = new MultipartReader(chunks("abc", "dX"), 16);
        MultipartReader.Delimited unfinished = cut.new Delimited(bytes("XYZ"));
        assertThat(text(unfinished)).isEqualTo("abcdX");
        assertThat(unfinished.endedAtDelimiter()).isFalse();
    }

    @Test
    void aDelimiterAsLongAsTheBufferStillPasses() throws IOException {
        MultipartReader reader = new MultipartReader(chunks("abcdefXYZ"), 3);
        MultipartReader.Delimited part = reader.new Delimited(bytes("XYZ"));
        assertThat(text(part)).isEqualTo("abcdef");
        assertThat(part.endedAtDelimiter()).isTrue();
    }

    @Test
    void skipSkipsWhatItSays() throws IOException {
        MultipartReader reader = new MultipartReader(chunks("abcdef", "ghij", "XYZ"), 16);
        MultipartReader.Delimited part = reader.new Delimited(bytes("XYZ"));
        assertThat(part.skip(0)).isZero();
        assertThat(part.skip(6)).isEqualTo(6);
        assertThat(part.read()).isEqualTo('g');
        assertThat(part.available()).as("held back: a delimiter may start in the last two").isEqualTo(1);
        assertThat(part.skip(100)).isEqualTo(3);
        assertThat(part.skip(1)).isZero();
        assertThat(part.endedAtDelimiter()).isTrue();
    }
}
