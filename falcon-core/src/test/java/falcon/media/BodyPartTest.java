package falcon.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import falcon.HTTPInvalidHeader;
import falcon.HTTPUnsupportedMediaType;
import falcon.MultipartParseError;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A part of a multipart form: its name, file name, data, text and media, as Falcon's {@code
 * BodyPart}. Expected values are Falcon 3.1.1's (python3 with falcon.media.multipart).
 *
 * <p>NOTE: two mutants of getData()'s read loop survive as equivalent: {@code n > 0} as {@code n
 * >= 0} (a part's stream returns at least one byte or -1 for a non-empty buffer), and asking for
 * {@code max + 1 + total} bytes instead of {@code max + 1 - total} (the part ends where it ends, and
 * more than {@code max} bytes fail either way).
 */
class BodyPartTest {

    private static byte[] body(String... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String part : parts) {
            out.writeBytes(("--B\r\n" + part + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        }
        out.writeBytes("--B--\r\n".getBytes(StandardCharsets.ISO_8859_1));
        return out.toByteArray();
    }

    private static List<BodyPart> parts(MultipartParseOptions options, byte[] body) {
        MultipartForm form = (MultipartForm) new MultipartFormHandler(options).deserialize(
                new ByteArrayInputStream(body), "multipart/form-data; boundary=B", body.length);
        List<BodyPart> parts = new ArrayList<>();
        for (BodyPart part : form) {
            parts.add(part);
            part.getData();
        }
        return parts;
    }

    /** The first part, not read yet. */
    private static BodyPart first(MultipartParseOptions options, String... parts) {
        MultipartForm form = (MultipartForm) new MultipartFormHandler(options).deserialize(
                new ByteArrayInputStream(body(parts)), "multipart/form-data; boundary=B", -1);
        return form.iterator().next();
    }

    private static BodyPart first(String... parts) {
        return first(new MultipartParseOptions(), parts);
    }

    private static BodyPart withDisposition(String disposition) {
        return first("Content-Disposition: " + disposition + "\r\n\r\ndata");
    }

    @Test
    void headersNameAndContentType() {
        BodyPart part = first("Content-Disposition: form-data; name=\"pic\"\r\nContent-Type: image/png\r\n\r\nPNG");
        assertThat(part.getName()).isEqualTo("pic");
        assertThat(part.getContentType()).isEqualTo("image/png");
        assertThat(part.getHeaders()).containsEntry("content-type", "image/png");
        assertThatThrownBy(() -> part.getHeaders().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
        assertThat(part.toString()).isEqualTo("<BodyPart: pic image/png>");

        BodyPart plain = withDisposition("form-data; name=n");
        assertThat(plain.getContentType()).isEqualTo("text/plain");
        assertThat(plain.getFilename()).isNull();
        BodyPart anonymous = first("X-Other: 1\r\n\r\nx");
        assertThat(anonymous.getName()).isNull();
        assertThat(anonymous.toString()).isEqualTo("<BodyPart: null text/plain>");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(value = {
        "form-data; name=\"f\"; filename*=utf-8''%E2%82%AC%20rates.txt|€ rates.txt",
        "form-data; name=\"f\"; filename*=latin-1'en'%A3%20x.txt; filename=\"plain.txt\"|£ x.txt",
        "form-data; name=\"f\"; filename*=bad; filename=\"plain.txt\"|plain.txt",
        "form-data; name=\"f\"; filename*=utf-8''%e2%82%ac%2|€%2",
        "form-data; name=\"f\"; filename*=utf-8''%4g%41%|%4gA%",
        "form-data; name=\"f\"; filename*=utf-8''%4A%4b%2|JK%2",
        "form-data; name=\"f\"; filename*=utf-8''%9|%9",
        "form-data; name=\"f\"; filename=\"\"|''"}, delimiter = '|')
    void theFilenameDecodesFilenameStarAsFalconDoes(String disposition, String filename) {
        BodyPart part = withDisposition(disposition);
        assertThat(part.getFilename()).isEqualTo(filename);
        assertThat(part.getFilename()).as("kept").isSameAs(part.getFilename());
    }

    @Test
    void everyHexDigitIsDecodedInEitherCase() {
        // python3 -c "from urllib.parse import unquote_to_bytes as u; print(u('%29%2F%2f%39%0A%aF%Fa'))"
        assertThat(withDisposition("form-data; name=f; filename*=latin1''%29%2F%2f%39%0A%aF%Fa%00").getFilename())
                .isEqualTo(")//9\n\u00af\u00fa\u0000");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "form-data; name=\"f\"; filename*=nosuchcharset''abc",
        "form-data; name=\"f\"; filename*=utf-8''%ff",
        "form-data; name=\"f\"; filename*=ascii''%C3%A9"})
    void aFilenameInTheWrongCharsetIsAParseError(String disposition) {
        BodyPart part = withDisposition(disposition);
        assertThatThrownBy(part::getFilename).isInstanceOf(MultipartParseError.class)
                .hasFieldOrPropertyWithValue("description", "invalid text or charset: "
                        + disposition.substring(disposition.indexOf("=", 20) + 1, disposition.indexOf('\'')));
    }

    @Test
    void theSecureFilenameIsAsFalcons() {
        assertThat(withDisposition("form-data; name=\"f\"; filename*=utf-8''%E2%82%AC%20rates.txt").getSecureFilename())
                .isEqualTo("__rates.txt");
        assertThatThrownBy(() -> withDisposition("form-data; name=\"f\"; filename=\"\"").getSecureFilename())
                .isInstanceOf(MultipartParseError.class);
        assertThatThrownBy(() -> withDisposition("form-data; name=\"f\"").getSecureFilename())
                .isInstanceOf(MultipartParseError.class);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(value = {
        ".bashrc|_bashrc", "ÅngströM.txt|A_ngstro_M.txt", "../../etc/passwd|_._.._etc_passwd",
        "a b*c?.png|a_b_c_.png", "..x|_.x", "ﬁle.txt|file.txt", "x|x"}, delimiter = '|')
    void secureFilenameIsFalconsUtil(String name, String secure) {
        assertThat(BodyPart.secureFilename(name)).isEqualTo(secure);
    }

    @Test
    void secureFilenameRefusesNothing() {
        assertThatThrownBy(() -> BodyPart.secureFilename("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BodyPart.secureFilename(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void dataIsReadOnceAndKept() {
        String big = "x".repeat(20000);
        BodyPart part = first("Content-Disposition: form-data; name=a\r\n\r\n" + big);
        byte[] data = part.getData();
        assertThat(new String(data, StandardCharsets.US_ASCII)).isEqualTo(big);
        assertThat(part.getData()).isSameAs(data);
    }

    @Test
    void dataUpToTheLimitIsAcceptedAndOneByteMoreIsNot() {
        MultipartParseOptions options = new MultipartParseOptions().setMaxBodyPartBufferSize(10);
        assertThat(first(options, "Content-Disposition: form-data; name=a\r\n\r\n0123456789").getData()).hasSize(10);
        BodyPart tooLarge = first(options, "Content-Disposition: form-data; name=a\r\n\r\n0123456789A");
        assertThatThrownBy(tooLarge::getData).isInstanceOf(MultipartParseError.class)
                .hasFieldOrPropertyWithValue("description", "body part is too large");
        MultipartParseOptions none = new MultipartParseOptions().setMaxBodyPartBufferSize(0);
        assertThat(first(none, "Content-Disposition: form-data; name=a\r\n\r\n").getData()).isEmpty();
        assertThatThrownBy(first(none, "Content-Disposition: form-data; name=a\r\n\r\nx")::getData)
                .isInstanceOf(MultipartParseError.class);
    }

    @Test
    void aLargeLimitReadsInChunks() {
        String big = "y".repeat(3 * 8192 + 5);
        MultipartParseOptions options = new MultipartParseOptions().setMaxBodyPartBufferSize(big.length());
        assertThat(first(options, "Content-Disposition: form-data; name=a\r\n\r\n" + big).getData()).hasSize(big.length());
    }

    @Test
    void aFailingStreamFailsGetData() {
        // more than the parser reads ahead, so that the part starts before the stream fails
        byte[] head = ("--B\r\nContent-Disposition: form-data; name=a\r\n\r\n" + "z".repeat(100_000))
                .getBytes(StandardCharsets.US_ASCII);
        InputStream failing = new InputStream() {
            private int at;

            @Override
            public int read() throws IOException {
                if (at < head.length) {
                    return head[at++] & 0xff;
                }
                throw new IOException("reset");
            }
        };
        MultipartForm form = (MultipartForm) new MultipartFormHandler().deserialize(failing,
                "multipart/form-data; boundary=B", -1);
        BodyPart part = form.iterator().next();
        assertThatThrownBy(part::getData).hasRootCauseMessage("reset");
    }

    @Test
    void textIsDecodedWithTheCharsetOrTheDefault() {
        byte[] body = body(
                "Content-Disposition: form-data; name=t\r\nContent-Type: text/plain; charset=latin-1\r\n\r\n\u00a3x",
                "Content-Disposition: form-data; name=n\r\n\r\n\u00c3\u00a9",
                "Content-Disposition: form-data; name=j\r\nContent-Type: application/json\r\n\r\n{}");
        MultipartForm form = (MultipartForm) new MultipartFormHandler().deserialize(
                new ByteArrayInputStream(body), "multipart/form-data; boundary=B", body.length);
        Iterator<BodyPart> it = form.iterator();
        assertThat(it.next().getText()).isEqualTo("£x");
        assertThat(it.next().getText()).as("utf-8 by default").isEqualTo("é");
        assertThat(it.next().getText()).as("not text").isNull();

        MultipartParseOptions latin = new MultipartParseOptions().setDefaultCharset("latin1");
        assertThat(first(latin, "Content-Disposition: form-data; name=n\r\n\r\n\u00c3\u00a9").getText()).isEqualTo("Ã©");
    }

    @ParameterizedTest
    @ValueSource(strings = {"utf8", "UTF-8", "u8", "utf", "utf_8"})
    void pythonsNamesOfUtf8AreKnown(String charset) {
        BodyPart part = first("Content-Type: text/plain; charset=" + charset + "\r\n\r\n\u00e2\u0082\u00ac");
        assertThat(part.getText()).isEqualTo("€");
    }

    @ParameterizedTest
    @ValueSource(strings = {"latin1", "latin", "l1", "iso-8859-1", "ISO8859-1", "8859", "latin_1"})
    void pythonsNamesOfLatin1AreKnown(String charset) {
        BodyPart part = first("Content-Type: text/plain; charset=" + charset + "\r\n\r\n\u00e2");
        assertThat(part.getText()).isEqualTo("â");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ascii", "us-ascii", "US_ASCII"})
    void pythonsNamesOfAsciiAreKnownAndStrict(String charset) {
        assertThat(first("Content-Type: text/plain; charset=" + charset + "\r\n\r\nabc").getText()).isEqualTo("abc");
        assertThatThrownBy(first("Content-Type: text/plain; charset=" + charset + "\r\n\r\n\u00e2")::getText)
                .isInstanceOf(MultipartParseError.class);
    }

    @Test
    void otherCharsetsAreJavas() {
        assertThat(first("Content-Type: text/plain; charset=utf-16be\r\n\r\n\u0000a").getText()).isEqualTo("a");
        assertThatThrownBy(first("Content-Type: text/plain; charset=no-such\r\n\r\nabc")::getText)
                .isInstanceOf(MultipartParseError.class)
                .hasFieldOrPropertyWithValue("description", "invalid text or charset: no-such");
        assertThatThrownBy(first("Content-Type: text/plain; charset=\"bad name!\"\r\n\r\nabc")::getText)
                .isInstanceOf(MultipartParseError.class);
    }

    @Test
    void mediaIsParsedByThePartsHandlerOnce() {
        BodyPart part = first("Content-Type: application/json\r\n\r\n{\"a\": 1}");
        Object media = part.getMedia();
        assertThat(media).isEqualTo(Map.of("a", 1));
        assertThat(part.getMedia()).isSameAs(media);
        assertThat(part.getMedia(Map.class)).isEqualTo(Map.of("a", 1));
        assertThat(part.getMedia(new TypeRef<Map<String, Integer>>() { })).containsEntry("a", 1);
    }

    @Test
    void aNullMediaIsKeptToo() {
        int[] calls = {0};
        MultipartParseOptions options = new MultipartParseOptions();
        options.mediaHandlers.put("application/x-null", new BaseHandler() {
            @Override
            public Object deserialize(InputStream stream, String contentType, long contentLength) {
                calls[0]++;
                return null;
            }

            @Override
            public byte[] serialize(Object media, String contentType) {
                throw new UnsupportedOperationException();
            }
        });
        BodyPart part = first(options, "Content-Type: application/x-null\r\n\r\nx");
        assertThat(part.getMedia()).isNull();
        assertThat(part.getMedia()).isNull();
        assertThat(calls[0]).isEqualTo(1);
    }

    @Test
    void aPartWithoutAHandlerIsUnsupported() {
        BodyPart part = first("Content-Disposition: form-data; name=n\r\n\r\nno type");
        assertThatThrownBy(part::getMedia).isInstanceOf(HTTPUnsupportedMediaType.class);
    }

    @Test
    void aHandlerThatFailsToReadFailsGetMedia() {
        MultipartParseOptions options = new MultipartParseOptions();
        options.mediaHandlers.put("application/x-fail", new BaseHandler() {
            @Override
            public Object deserialize(InputStream stream, String contentType, long contentLength) throws IOException {
                throw new IOException("cannot");
            }

            @Override
            public byte[] serialize(Object media, String contentType) {
                throw new UnsupportedOperationException();
            }
        });
        BodyPart part = first(options, "Content-Type: application/x-fail\r\n\r\nx");
        assertThatThrownBy(part::getMedia).hasRootCauseMessage("cannot");
    }

    @Test
    void theRestOfAPartIsDrainedAfterItsMediaWhenTheHandlerAsks() throws IOException {
        for (boolean exhaust : new boolean[] {true, false}) {
            MultipartParseOptions options = new MultipartParseOptions();
            options.mediaHandlers.put("application/x-first", new BaseHandler() {
                @Override
                public Object deserialize(InputStream stream, String contentType, long contentLength) throws IOException {
                    return (char) stream.read();
                }

                @Override
                public byte[] serialize(Object media, String contentType) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public boolean exhaustStream() {
                    return exhaust;
                }
            });
            BodyPart part = first(options, "Content-Type: application/x-first\r\n\r\nabc");
            assertThat(part.getMedia()).isEqualTo('a');
            assertThat(part.getStream().read()).isEqualTo(exhaust ? -1 : 'b');
        }
    }

    @Test
    void theHandlerBoundaryRulesAreFalcons() {
        MultipartFormHandler h = new MultipartFormHandler();
        InputStream empty = InputStream.nullInputStream();
        String prefix = "The value provided for the \"Content-Type\" header is invalid. ";
        assertThatThrownBy(() -> h.deserialize(empty, "multipart/form-data; x='1'", -1))
                .isInstanceOf(HTTPInvalidHeader.class)
                .hasFieldOrPropertyWithValue("description", prefix
                        + "No boundary specifier found in \"multipart/form-data; x='1'\"");
        assertThatThrownBy(() -> h.deserialize(empty, "multipart/form-data; x=\"'\"", -1))
                .hasFieldOrPropertyWithValue("description", prefix
                        + "No boundary specifier found in 'multipart/form-data; x=\"\\'\"'");
        // quotes at the very start, as Python's repr() quotes them
        assertThatThrownBy(() -> h.deserialize(empty, "'x", -1))
                .hasFieldOrPropertyWithValue("description", prefix + "No boundary specifier found in \"'x\"");
        assertThatThrownBy(() -> h.deserialize(empty, "\"a'", -1))
                .hasFieldOrPropertyWithValue("description", prefix + "No boundary specifier found in '\"a\\''");
        // (Falcon's cgi.parse_header fails on None with a TypeError)
        assertThatThrownBy(() -> h.deserialize(empty, null, -1))
                .hasFieldOrPropertyWithValue("description", prefix + "No boundary specifier found in None");
        assertThatThrownBy(() -> h.deserialize(empty, "multipart/form-data; boundary=\"  \"", -1))
                .hasFieldOrPropertyWithValue("description", prefix
                        + "The boundary parameter must consist of 1 to 70 characters");
        assertThat(h.deserialize(empty, "multipart/form-data; boundary=a", -1)).isInstanceOf(MultipartForm.class);
    }

    @Test
    void trailingWhiteSpaceOfTheBoundaryIsDropped() {
        byte[] b = body("Content-Disposition: form-data; name=a\r\n\r\nvalue");
        MultipartForm form = (MultipartForm) new MultipartFormHandler().deserialize(new ByteArrayInputStream(b),
                "multipart/form-data; boundary=\"B   \"", -1);
        assertThat(form.iterator().next().getText()).isEqualTo("value");
        // 70 characters once stripped
        assertThat(new MultipartFormHandler().deserialize(InputStream.nullInputStream(),
                "multipart/form-data; boundary=\"" + "a".repeat(70) + "  \"", -1)).isInstanceOf(MultipartForm.class);
    }

    @Test
    void theHandlersOptionsReachEveryPart() {
        MultipartParseOptions options = new MultipartParseOptions();
        MultipartFormHandler h = new MultipartFormHandler(options);
        assertThat(h.getParseOptions()).isSameAs(options);
        options.setMaxBodyPartBufferSize(2);
        assertThatThrownBy(() -> parts(options, body("Content-Disposition: form-data; name=a\r\n\r\nabc")))
                .isInstanceOf(MultipartParseError.class);
        assertThat(new MultipartFormHandler().getParseOptions().maxBodyPartBufferSize)
                .isEqualTo(MultipartParseOptions.DEFAULT_MAX_BODY_PART_BUFFER_SIZE);
    }

    @Test
    void theFormConvertsOnlyToItsOwnTypes() {
        MultipartFormHandler h = new MultipartFormHandler();
        Object form = h.deserialize(InputStream.nullInputStream(), "multipart/form-data; boundary=a", -1);
        assertThat(h.convert(form, MultipartForm.class)).isSameAs(form);
        assertThat(h.convert(form, Iterable.class)).isSameAs(form);
        assertThatThrownBy(() -> h.convert(form, Map.class)).isInstanceOf(HTTPUnsupportedMediaType.class)
                .hasFieldOrPropertyWithValue("description", "A multipart/form-data body cannot be read as "
                        + "java.util.Map; read its parts, e.g. part.getMedia(Type.class).");
        assertThatThrownBy(() -> h.convert(form, new TypeRef<List<String>>() { }.getType()))
                .isInstanceOf(HTTPUnsupportedMediaType.class);
        assertThatThrownBy(() -> h.serialize(form, "multipart/form-data"))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
