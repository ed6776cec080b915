package falcon.testing;

import static org.assertj.core.api.Assertions.assertThat;

import falcon.App;
import falcon.Request;
import falcon.Response;
import falcon.media.Handlers;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Falcon: tests/test_testing.py (Result.encoding, text), Falcon 4.0 Result.content_type. */
class ResultEncodingTest {

    private static Result get(String contentType, byte[] body) {
        App app = new App();
        app.addRoute("/r", new Object() {
            public void onGet(Request req, Response resp) {
                if (contentType != null) {
                    resp.setContentType(contentType);
                }
                resp.setData(body);
            }
        });
        return new TestClient(app).simulateGet("/r");
    }

    @Test
    void theCharsetParameterDecidesTheText() {
        Result r = get("text/plain; charset=\"UTF-16LE\"", "h\u00e9".getBytes(StandardCharsets.UTF_16LE));
        assertThat(r.getEncoding()).isEqualTo("UTF-16LE");
        assertThat(r.getText()).isEqualTo("h\u00e9");
        assertThat(r.getContentType()).isEqualTo("text/plain; charset=\"UTF-16LE\"");
    }

    @Test
    void textWithoutACharsetIsLatin1AsInFalcon() {
        Result r = get("text/html", "h\u00e9".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(r.getEncoding()).isEqualTo("ISO-8859-1");
        assertThat(r.getText()).isEqualTo("h\u00e9");
    }

    @Test
    void jsonAndEventStreamsAreUtf8AndOtherTypesHaveNoEncoding() {
        assertThat(get(null, "{\"a\": \"\u00e9\"}".getBytes(StandardCharsets.UTF_8)).getEncoding()).isEqualTo("UTF-8");
        assertThat(get("text/event-stream", new byte[0]).getEncoding()).isEqualTo("UTF-8");
        Result binary = get(Handlers.MEDIA_PARQUET, "\u00e9".getBytes(StandardCharsets.UTF_8));
        assertThat(binary.getEncoding()).isNull();
        assertThat(binary.getText()).isEqualTo("\u00e9");
        assertThat(get(Handlers.MEDIA_CSV, "a,\u00e9".getBytes(StandardCharsets.UTF_8)).getText()).isEqualTo("a,\u00e9");
    }
}
