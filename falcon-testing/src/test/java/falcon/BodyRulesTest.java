package falcon;

import static org.assertj.core.api.Assertions.assertThat;

import falcon.testing.Result;
import falcon.testing.TestClient;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Falcon: tests/test_headers.py, test_head.py. Each row was recorded from Falcon 3.1.1: the
 * method, the responder's kind of body, the status, the header lines in order, the body.
 */
class BodyRulesTest {

    public static class Bodies {
        public void onGet(Request req, Response resp, String kind) {
            switch (kind) {
                case "text": resp.setText("h\u00e9llo"); break;
                case "data": resp.setData("abc".getBytes(StandardCharsets.US_ASCII));
                    resp.setContentType("application/octet-stream"); break;
                case "stream": resp.setStream(new ByteArrayInputStream("streamed".getBytes(StandardCharsets.US_ASCII)));
                    break;
                case "streamlen": resp.setStream(new ByteArrayInputStream(
                        "streamed".getBytes(StandardCharsets.US_ASCII)), 8); break;
                case "304": resp.setStatus(Status.HTTP_304); resp.setText("x"); break;
                case "100": resp.setStatus(Status.HTTP_100); resp.setText("x"); break;
                case "cl": resp.setText("abc"); resp.setHeader("Content-Length", "99"); break;
                case "media_none": resp.setMedia(null); break;
                case "xml": resp.setContentType("application/xml"); resp.setMedia(Map.of("a", 1)); break;
                default: break;
            }
        }

        public void onHead(Request req, Response resp, String kind) {
            onGet(req, resp, kind);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
        "GET|text|200 OK|content-length,6,content-type,application/json|h\u00e9llo",
        "HEAD|text|200 OK|content-length,6,content-type,application/json|",
        "GET|data|200 OK|content-type,application/octet-stream,content-length,3|abc",
        "HEAD|data|200 OK|content-type,application/octet-stream,content-length,3|",
        "GET|stream|200 OK|content-type,application/json|streamed",
        "HEAD|stream|200 OK|content-type,application/json|",
        "GET|streamlen|200 OK|content-length,8,content-type,application/json|streamed",
        "HEAD|streamlen|200 OK|content-length,8,content-type,application/json|",
        "GET|304|304 Not Modified||",
        "HEAD|304|304 Not Modified||",
        "GET|100|100 Continue|content-type,application/json|",
        "GET|none|200 OK|content-length,0,content-type,application/json|",
        "HEAD|none|200 OK|content-length,0,content-type,application/json|",
        "GET|cl|200 OK|content-length,3,content-type,application/json|abc",
        "HEAD|cl|200 OK|content-length,99,content-type,application/json|",
        "GET|media_none|200 OK|content-length,0,content-type,application/json|",
        "GET|xml|415 Unsupported Media Type|content-type,application/json,vary,Accept,content-length,0|",
    })
    void bodyAndFramingHeadersFollowFalcon(String method, String kind, String status, String headers, String body) {
        App app = new App();
        app.addRoute("/b/{kind}", new Bodies());
        Result result = new TestClient(app).simulateRequest(method, "/b/" + kind);
        assertThat(result.getStatus()).isEqualTo(status);
        String[] expected = headers == null ? new String[0] : headers.split(",");
        assertThat(result.getHeaderLines()).containsExactly(expected);
        assertThat(result.getText()).isEqualTo(body == null ? "" : body);
    }
}
