package falcon.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.Flow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kinds of reply body an adapter is handed, and what releasing each one does.
 *
 * <p>NOTE: three mutants survive as equivalent or unobservable: {@code n < 0} as {@code n <= 0} in
 * the one-byte read and {@code n > 0} as {@code n >= 0} before advancing (a file read of a
 * non-empty buffer never returns 0, and advancing by 0 changes nothing), and the DEBUG log line of
 * a failed close.
 */
class ReplyBodyTest {

    @TempDir
    Path dir;

    private FileChannel open(String content) throws IOException {
        Path file = dir.resolve("f.txt");
        Files.writeString(file, content);
        return FileChannel.open(file, StandardOpenOption.READ);
    }

    private static String readAll(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    @Test
    void everyBodyNeedsItsContent() {
        assertThatThrownBy(() -> new ReplyBody.Bytes(null)).isInstanceOf(NullPointerException.class).hasMessage("bytes");
        assertThatThrownBy(() -> new ReplyBody.Stream(null)).isInstanceOf(NullPointerException.class).hasMessage("stream");
        assertThatThrownBy(() -> new ReplyBody.Publisher(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("publisher");
        assertThatThrownBy(() -> new ReplyBody.FileRegion(null, null, 0, 0)).isInstanceOf(NullPointerException.class)
                .hasMessage("channel");
    }

    @Test
    void aRegionMayNotStartOrRunBackwards() throws IOException {
        try (FileChannel channel = open("abc")) {
            assertThatThrownBy(() -> new ReplyBody.FileRegion(channel, null, -1, 1))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new ReplyBody.FileRegion(channel, null, 0, -1))
                    .isInstanceOf(IllegalArgumentException.class);
            ReplyBody.FileRegion empty = new ReplyBody.FileRegion(channel, null, 0, 0);
            assertThat(empty.length()).isZero();
            assertThat(empty.position()).isZero();
        }
    }

    @Test
    void bytesAndPublishersHoldNothingToRelease() {
        byte[] bytes = {1, 2};
        ReplyBody.Bytes body = new ReplyBody.Bytes(bytes);
        body.release();
        assertThat(body.bytes()).isSameAs(bytes);
        Flow.Publisher<ByteBuffer> publisher = s -> { };
        ReplyBody.Publisher p = new ReplyBody.Publisher(publisher);
        p.release();
        assertThat(p.publisher()).isSameAs(publisher);
    }

    @Test
    void releasingAStreamClosesIt() {
        boolean[] closed = {false};
        InputStream in = new ByteArrayInputStream(new byte[1]) {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        new ReplyBody.Stream(in).release();
        assertThat(closed[0]).isTrue();
    }

    @Test
    void aFailureToCloseIsNotThrown() {
        InputStream failing = new InputStream() {
            @Override
            public int read() {
                return -1;
            }

            @Override
            public void close() throws IOException {
                throw new IOException("already gone");
            }
        };
        assertThatCode(() -> new ReplyBody.Stream(failing).release()).doesNotThrowAnyException();
        InputStream failingUnchecked = new InputStream() {
            @Override
            public int read() {
                return -1;
            }

            @Override
            public void close() {
                throw new IllegalStateException("broken");
            }
        };
        assertThatCode(() -> new ReplyBody.Stream(failingUnchecked).release()).doesNotThrowAnyException();
    }

    @Test
    void releasingARegionClosesItsFile() throws IOException {
        FileChannel channel = open("abc");
        ReplyBody.FileRegion region = new ReplyBody.FileRegion(channel, dir.resolve("f.txt"), 0, 3);
        assertThat(region.path()).isEqualTo(dir.resolve("f.txt"));
        region.release();
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void aRegionStreamReadsExactlyTheRegion() throws IOException {
        try (FileChannel channel = open("0123456789")) {
            ReplyBody.FileRegion region = new ReplyBody.FileRegion(channel, null, 2, 5);
            assertThat(readAll(region.openStream())).isEqualTo("23456");
            // each stream starts at the region's start
            InputStream in = region.openStream();
            byte[] buf = new byte[3];
            assertThat(in.read(buf, 0, 0)).isZero();
            assertThat(in.read(buf, 0, 3)).isEqualTo(3);
            assertThat(new String(buf, StandardCharsets.US_ASCII)).isEqualTo("234");
            assertThat(in.read(buf, 1, 3)).isEqualTo(2);
            assertThat(new String(buf, StandardCharsets.US_ASCII)).isEqualTo("256");
            assertThat(in.read(buf, 0, 3)).isEqualTo(-1);
            assertThat(in.read()).isEqualTo(-1);
        }
    }

    @Test
    void aRegionStreamReadsByteByByte() throws IOException {
        Path file = dir.resolve("bin");
        Files.write(file, new byte[] {(byte) 0xff, 0x41, 0x42});
        try (FileChannel channel = FileChannel.open(file)) {
            InputStream in = new ReplyBody.FileRegion(channel, file, 0, 2).openStream();
            assertThat(in.read()).isEqualTo(0xff);
            assertThat(in.read()).isEqualTo(0x41);
            assertThat(in.read()).isEqualTo(-1);
        }
    }

    @Test
    void aRegionStreamEndsWhenTheFileIsShorter() throws IOException {
        try (FileChannel channel = open("abc")) {
            InputStream in = new ReplyBody.FileRegion(channel, null, 1, 10).openStream();
            assertThat(readAll(in)).isEqualTo("bc");
        }
    }

    @Test
    void closingARegionStreamClosesTheFile() throws IOException {
        FileChannel channel = open("abc");
        new ReplyBody.FileRegion(channel, null, 0, 3).openStream().close();
        assertThat(channel.isOpen()).isFalse();
    }
}
