package falcon.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import falcon.HTTPInvalidHeader;
import falcon.HTTPUnsupportedMediaType;
import falcon.MultipartParseError;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Falcon: tests/test_media_multipart.py (parser units) and tests/test_media_handlers.py. */
class MultipartParserTest {

    private static final String FORM = "--BOUND\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nhello\r\n"
            + "--BOUND\r\nContent-Disposition: form-data; name=\"f\"; filename=\"x y.txt\"\r\n"
            + "Content-Type: text/plain\r\n\r\nfile\r\n-- data --BOUN\r\n--BOUND--\r\n";

    /** Hands out at most {@code step} bytes per read, to split boundaries across reads. */
    static InputStream trickle(byte[] data, int step) {
        return new ByteArrayInputStream(data) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, step));
            }
        };
    }

    static List<String> parse(InputStream in) {
        MultipartForm form = (MultipartForm) new MultipartFormHandler().deserialize(in,
                "multipart/form-data; boundary=BOUND", -1);
        List<String> out = new ArrayList<>();
        for (BodyPart part : form) {
            out.add(part.getName() + "|" + part.getFilename() + "|" + new String(part.getData(), StandardCharsets.UTF_8));
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 7, 11, 64, 100000})
    void boundariesSplitAcrossReadsAreFound(int step) {
        assertThat(parse(trickle(FORM.getBytes(StandardCharsets.US_ASCII), step)))
                .containsExactly("a|null|hello", "f|x y.txt|file\r\n-- data --BOUN");
    }

    @Test
    void aPartStreamReadsByteByByte() throws IOException {
        MultipartForm form = (MultipartForm) new MultipartFormHandler().deserialize(
                new ByteArrayInputStream(FORM.getBytes(StandardCharsets.US_ASCII)), "multipart/form-data; boundary=BOUND", -1);
        BodyPart first = form.iterator().next();
        StringBuilder sb = new StringBuilder();
        int c;
        while ((c = first.getStream().read()) >= 0) {
            sb.append((char) c);
        }
        assertThat(sb.toString()).isEqualTo("hello");
        assertThat(first.getStream().read()).isEqualTo(-1);
    }

    @Test
    void aPartNotReadIsSkippedAndItsStreamEnds() throws IOException {
        MultipartForm form = (MultipartForm) new MultipartFormHandler().deserialize(
                new ByteArrayInputStream(FORM.getBytes(StandardCharsets.US_ASCII)), "multipart/form-data; boundary=BOUND", -1);
        var it = form.iterator();
        BodyPart first = it.next();
        BodyPart second = it.next();
        assertThat(first.getStream().read()).isEqualTo(-1);
        assertThat(second.getText()).isEqualTo("file\r\n-- data --BOUN");
        assertThat(it.hasNext()).isFalse();
    }

    @Test
    void theBoundaryMustBePresentAndAtMostSeventyCharacters() {
        MultipartFormHandler h = new MultipartFormHandler();
        InputStream empty = InputStream.nullInputStream();
        assertThatThrownBy(() -> h.deserialize(empty, "multipart/form-data", -1))
                .isInstanceOf(HTTPInvalidHeader.class)
                .hasFieldOrPropertyWithValue("description", "The value provided for the \"Content-Type\" header is "
                        + "invalid. No boundary specifier found in 'multipart/form-data'");
        assertThatThrownBy(() -> h.deserialize(empty, "multipart/form-data; boundary=" + "a".repeat(71), -1))
                .isInstanceOf(HTTPInvalidHeader.class);
        assertThat(h.deserialize(empty, "multipart/form-data; boundary=" + "a".repeat(70), -1))
                .isInstanceOf(MultipartForm.class);
    }

    @Test
    void headersLargerThanTheLimitAreRefused() {
        MultipartParseOptions options = new MultipartParseOptions().setMaxBodyPartHeadersSize(100);
        String body = "--B\r\nContent-Disposition: form-data; name=\"" + "n".repeat(100) + "\"\r\n\r\nv\r\n--B--\r\n";
        MultipartForm form = (MultipartForm) new MultipartFormHandler(options).deserialize(
                new ByteArrayInputStream(body.getBytes(StandardCharsets.US_ASCII)), "multipart/form-data; boundary=B", -1);
        assertThatThrownBy(() -> form.iterator().next()).isInstanceOf(MultipartParseError.class)
                .hasFieldOrPropertyWithValue("description", "incomplete body part headers");
    }

    @Test
    void anErrorEndsTheIteration() {
        MultipartForm form = (MultipartForm) new MultipartFormHandler().deserialize(
                new ByteArrayInputStream("garbage".getBytes(StandardCharsets.US_ASCII)),
                "multipart/form-data; boundary=B", -1);
        assertThatThrownBy(() -> form.iterator().hasNext()).isInstanceOf(MultipartParseError.class);
        assertThat(form.iterator().hasNext()).isFalse();
    }

    @Test
    void headerParametersAreParsedAsPythonsCgiDoes() {
        HeaderParams p = HeaderParams.parse("form-data; name=\"a;b\"; filename=\"c\\\"d.txt\"; X=1");
        assertThat(p.value).isEqualTo("form-data");
        assertThat(p.params).containsExactly(Map.entry("name", "a;b"), Map.entry("filename", "c\"d.txt"),
                Map.entry("x", "1"));
    }

    @Test
    void handlersResolveExactlyThenByBestMatch() {
        Handlers handlers = new Handlers();
        assertThat(handlers.resolve("application/json", "application/json")).isInstanceOf(JSONHandler.class);
        assertThat(handlers.resolve("application/json; charset=UTF-8", "x")).isInstanceOf(JSONHandler.class);
        assertThat(handlers.resolve(null, "application/json")).isInstanceOf(JSONHandler.class);
        assertThat(handlers.resolve("*/*", "application/x-www-form-urlencoded"))
                .isInstanceOf(URLEncodedFormHandler.class);
        assertThat(handlers.resolve("multipart/form-data; boundary=x", "x")).isInstanceOf(MultipartFormHandler.class);
        assertThatThrownBy(() -> handlers.resolve("text/plain", "application/json"))
                .isInstanceOf(HTTPUnsupportedMediaType.class)
                .hasFieldOrPropertyWithValue("description", "text/plain is an unsupported media type.");
        BaseHandler custom = new JSONHandler();
        handlers.put("application/json; charset=UTF-8", custom);
        assertThat(handlers.resolve("application/json; charset=UTF-8", "x")).isSameAs(custom);
        handlers.clear();
        assertThatThrownBy(() -> handlers.resolve("application/json", "x")).isInstanceOf(HTTPUnsupportedMediaType.class);
    }

    @Test
    void asyncVariantsDefaultToTheBlockingOnes() throws Exception {
        JSONHandler json = new JSONHandler();
        assertThat(json.deserializeAsync(new ByteArrayInputStream("[1]".getBytes(StandardCharsets.UTF_8)),
                "application/json", 3).toCompletableFuture().get()).isEqualTo(List.of(1));
        assertThat(json.deserializeAsync(InputStream.nullInputStream(), "application/json", 0)
                .toCompletableFuture().isCompletedExceptionally()).isTrue();
        assertThat(new String(json.serializeAsync(Map.of("a", 1), "application/json").toCompletableFuture().get(),
                StandardCharsets.UTF_8)).isEqualTo("{\"a\": 1}");
    }
}
