package falcon.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import falcon.MultipartParseError;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A form's parts and their header blocks, at the edges of the limits, and header parameters as
 * Python's {@code cgi.parse_header} splits them.
 *
 * <p>NOTE: equivalent mutants: in MultipartForm, skipping the epilogue after the closing delimiter
 * or not (nothing reads on), {@code start < block.length} for {@code <=} and {@code sep > 0} for
 * {@code >= 0} in parseHeaders (an empty last line or an empty name keeps no header). In
 * HeaderParams, the quote count's {@code +} for {@code -}, {@code n--} for {@code n++} (only the
 * parity is used) and {@code end >= 0} for {@code end > 0} (no quote comes before position 0).
 */
class MultipartFormTest {

    private static MultipartForm form(MultipartParseOptions options, String body, int step) {
        InputStream in = MultipartParserTest.trickle(body.getBytes(StandardCharsets.UTF_8), step);
        return new MultipartForm(in, "B", options);
    }

    private static List<String> parts(MultipartParseOptions options, String body, int step) {
        List<String> out = new ArrayList<>();
        for (BodyPart part : form(options, body, step)) {
            out.add(part.getHeaders() + "|" + new String(part.getData(), StandardCharsets.UTF_8));
        }
        return out;
    }

    @Test
    void aPartWithoutHeadersHasAnEmptyHeaderBlock() {
        assertThat(parts(new MultipartParseOptions(), "--B\r\n\r\n\r\nbody\r\n--B--\r\n", 100))
                .containsExactly("{}|body");
        // the blank line after the delimiter's CRLF is needed: without it there is no header block
        assertThatThrownBy(() -> parts(new MultipartParseOptions(), "--B\r\n\r\nbody\r\n--B--\r\n", 100))
                .isInstanceOf(MultipartParseError.class)
                .hasFieldOrPropertyWithValue("description", "incomplete body part headers");
    }

    @Test
    void aHeaderBlockMayBeExactlyTheLimit() {
        String header = "Content-Type: text/x-";
        String block = header + "a".repeat(100 - header.length());
        MultipartParseOptions options = new MultipartParseOptions().setMaxBodyPartHeadersSize(100);
        for (int step : new int[] {1, 7, 1000}) {
            assertThat(parts(options, "--B\r\n" + block + "\r\n\r\nv\r\n--B--\r\n", step))
                    .containsExactly("{content-type=" + block.substring(14) + "}|v");
            assertThatThrownBy(() -> parts(options, "--B\r\n" + block + "a\r\n\r\nv\r\n--B--\r\n", step))
                    .hasFieldOrPropertyWithValue("description", "incomplete body part headers");
        }
    }

    @Test
    void theNumberOfPartsIsLimitedUnlessTheLimitIsZero() {
        String two = "--B\r\n\r\n\r\n1\r\n--B\r\n\r\n\r\n2\r\n--B--\r\n";
        assertThat(parts(new MultipartParseOptions().setMaxBodyPartCount(2), two, 100)).hasSize(2);
        assertThat(parts(new MultipartParseOptions().setMaxBodyPartCount(0), two, 100)).hasSize(2);
        assertThatThrownBy(() -> parts(new MultipartParseOptions().setMaxBodyPartCount(1), two, 100))
                .isInstanceOf(MultipartParseError.class)
                .hasFieldOrPropertyWithValue("description", "maximum number of form body parts exceeded");
    }

    @Test
    void theBufferHoldsTheLargestHeaderBlockOrFourDelimiters() {
        MultipartParseOptions big = new MultipartParseOptions().setMaxBodyPartHeadersSize(100_000);
        assertThat(new MultipartForm(InputStream.nullInputStream(), "B", big).getBufferSize()).isEqualTo(100_004);
        assertThat(new MultipartForm(InputStream.nullInputStream(), "B", new MultipartParseOptions()).getBufferSize())
                .isEqualTo(MultipartReader.DEFAULT_BUFFER_BYTES);
        // "\r\n--" and the boundary, four times
        assertThat(new MultipartForm(InputStream.nullInputStream(), "b".repeat(20_000), new MultipartParseOptions())
                .getBufferSize()).isEqualTo(80_016);
    }

    @Test
    void onlyTheHeadersOfRfc7578AreKept() {
        String body = "--B\r\n\r\nContent-Type: text/x\r\nX-Other: 1\r\nContent-Transfer-Encoding: binary\r\n"
                + "Content-Disposition: form-data; name=a\r\n\r\nv\r\n--B--\r\n";
        assertThat(parts(new MultipartParseOptions(), body, 100)).containsExactly(
                "{content-type=text/x, content-transfer-encoding=binary, content-disposition=form-data; name=a}|v");
        assertThatThrownBy(() -> parts(new MultipartParseOptions(),
                "--B\r\nContent-Transfer-Encoding: base64\r\n\r\nv\r\n--B--\r\n", 100))
                .isInstanceOf(MultipartParseError.class)
                .hasFieldOrPropertyWithValue("description",
                        "the deprecated Content-Transfer-Encoding header field is unsupported");
        // a header with an empty value ends in its separator
        assertThat(parts(new MultipartParseOptions(), "--B\r\nContent-Type: \r\n\r\nv\r\n--B--\r\n", 100))
                .containsExactly("{content-type=}|v");
    }

    @Test
    void headerParametersSplitAsPythonsCgi() {
        // python3 -c "import cgi; print(cgi.parse_header('form-data;;name=a'))"
        assertThat(HeaderParams.parse("form-data;;name=a").params).containsExactly(Map.entry("name", "a"));
        assertThat(HeaderParams.parse("a; =x").params).containsExactly(Map.entry("", "x"));
        assertThat(HeaderParams.parse("form-data; name=\"a\";x=1").params)
                .containsExactly(Map.entry("name", "a"), Map.entry("x", "1"));
        assertThat(HeaderParams.parse("form-data; x=a;\"").params).containsExactly(Map.entry("x", "a"));
        // a quote that opens the parameter hides its ';'
        assertThat(HeaderParams.parse("x;\"a;b=c\"").params).containsExactly(Map.entry("\"a;b", "c\""));
        assertThat(HeaderParams.parse("form-data").value).isEqualTo("form-data");
    }

    @Test
    void aBodyOfOneZeroByteIsMalformedJsonNotMissing() {
        assertThatThrownBy(() -> new JSONHandler().deserialize(new ByteArrayInputStream(new byte[] {0}),
                "application/json", 1)).isInstanceOf(falcon.MediaMalformedError.class);
    }
}
