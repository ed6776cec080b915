package falcon.response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import falcon.App;
import falcon.HTTPNotFound;
import falcon.HTTPStatus;
import falcon.Request;
import falcon.Response;
import falcon.ResponseOptions;
import falcon.Status;
import falcon.testing.Result;
import falcon.testing.TestClient;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Falcon: tests/test_headers.py (response helpers). Header values were recorded from Falcon
 * 3.1.1's WSGI output for the same calls.
 */
class ResponseHelpersTest {

    private static Result respond(Consumer<Response> body) {
        App app = new App();
        app.addRoute("/r", new Object() {
            public void onGet(Request req, Response resp) {
                body.accept(resp);
            }
        });
        return new TestClient(app).simulateGet("/r");
    }

    private static Response response() {
        return new Response(new ResponseOptions());
    }

    @Test
    void everyHelperAsFalconWritesIt() {
        Result r = respond(resp -> {
            resp.setHeader("X-A", "1");
            resp.setContentLocation("/a b/\u00e9?x=%20");
            resp.setLocation("/\u00fc");
            resp.setContentRange(0, 9, "*");
            resp.setCacheControl(List.of("no-cache", "max-age=10"));
            resp.setVary("Accept", "Accept-Encoding");
            resp.setEtag("abc");
            resp.setAcceptRanges("bytes");
            resp.setRetryAfter(120);
            resp.setExpires(LocalDateTime.of(2030, 1, 2, 3, 4, 5));
            resp.setLastModified(LocalDateTime.of(2020, 1, 2, 3, 4, 5));
            resp.setDownloadableAs("\u00dcn\u00efc\u00f6d\u00e9 report (1).pdf");
            resp.setText("x");
        });
        assertThat(r.getHeaderLines()).containsExactly(
                "x-a", "1",
                "content-location", "/a%20b/%C3%A9?x=%2520",
                "location", "/%C3%BC",
                "content-range", "bytes 0-9/*",
                "cache-control", "no-cache, max-age=10",
                "vary", "Accept, Accept-Encoding",
                "etag", "\"abc\"",
                "accept-ranges", "bytes",
                "retry-after", "120",
                "expires", "Wed, 02 Jan 2030 03:04:05 GMT",
                "last-modified", "Thu, 02 Jan 2020 03:04:05 GMT",
                "content-disposition", "attachment; filename=U_ni_co_de__report__1_.pdf; "
                        + "filename*=UTF-8''%C3%9Cn%C3%AFc%C3%B6d%C3%A9%20report%20%281%29.pdf",
                "content-length", "1",
                "content-type", "application/json");
    }

    @Test
    void appendLinkFollowsRfc8288AsFalconDoes() {
        Response resp = response();
        resp.appendLink("/things/2842", "next");
        resp.appendLink("http://x/a b", "http://example.com/rel1 http://example.com/rel2", "T",
                new String[] {"en", "T\u00eftle x"}, "/a b", List.of("en", "de"), "text/html", "use-credentials");
        resp.appendLink("/y", "prev", null, null, null, List.of("fr"), null, "Anonymous");
        assertThat(resp.getHeader("Link")).isEqualTo("</things/2842>; rel=next, <http://x/a%20b>; "
                + "rel=\"http://example.com/rel1 http://example.com/rel2\"; title=\"T\"; "
                + "title*=UTF-8'en'T%C3%AFtle%20x; type=\"text/html\"; hreflang=en; hreflang=de; "
                + "anchor=\"/a%20b\"; crossorigin=\"use-credentials\", </y>; rel=prev; hreflang=fr; crossorigin");
        assertThatThrownBy(() -> resp.appendLink("/z", "x", null, null, null, null, null, "bogus"))
                .hasMessage("crossorigin must be set to either 'anonymous' or 'use-credentials'");
    }

    @Test
    void statusCodeIsReadableAndSettableAsInFalcon4() {
        Response resp = response();
        assertThat(resp.getStatusCode()).isEqualTo(200);
        resp.setStatusCode(201);
        assertThat(resp.getStatus()).isEqualTo("201 Created");
        assertThat(resp.getStatusCode()).isEqualTo(201);
        assertThat(new HTTPNotFound().getStatusCode()).isEqualTo(404);
        assertThat(new HTTPStatus(Status.HTTP_204).getStatusCode()).isEqualTo(204);
    }

    @Test
    void appendLinkWithLinkExtensionAsFalcon4() {
        // Falcon 4.0: tests/test_headers.py test_append_link_with_link_extension
        Response resp = response();
        resp.appendLink("/related/thing", "item", null, null, null, null, null, null,
                List.of(Map.entry("sizes", "72x72")));
        assertThat(resp.getHeader("Link")).isEqualTo("</related/thing>; rel=item; sizes=72x72");
        resp.appendLink("/x", "next", "T", null, null, null, null, "anonymous",
                List.of(Map.entry("foo", "bar"), Map.entry("bar", "foo")));
        assertThat(resp.getHeader("Link")).isEqualTo("</related/thing>; rel=item; sizes=72x72, "
                + "</x>; rel=next; title=\"T\"; crossorigin; foo=bar; bar=foo");
    }

    @Test
    void viewableAsContentRangeUnitAndQuotedEtag() {
        // Falcon 3.1.1: {'content-disposition': 'inline; filename="report.pdf"',
        //                'content-range': 'items 0-9/100', 'etag': 'W/"x"'}
        Response resp = response();
        resp.setViewableAs("report.pdf");
        resp.setContentRange(0, 9, 100, "items");
        resp.setEtag("W/\"x\"");
        assertThat(resp.getHeaders()).containsExactly(Map.entry("content-disposition", "inline; filename=\"report.pdf\""),
                Map.entry("content-range", "items 0-9/100"), Map.entry("etag", "W/\"x\""));
        assertThat(resp.getContentDisposition()).isEqualTo("inline; filename=\"report.pdf\"");
        assertThat(resp.getContentRange()).isEqualTo("items 0-9/100");
        assertThat(resp.getEtag()).isEqualTo("W/\"x\"");
    }

    @Test
    void zonedDatesAreConvertedToGmt() {
        // NOTE: Falcon 3.1.1 writes the wall-clock time of an aware datetime with a GMT label.
        Response resp = response();
        resp.setLastModified(OffsetDateTime.of(2020, 1, 2, 3, 4, 5, 0, ZoneOffset.ofHours(2)));
        assertThat(resp.getLastModified()).isEqualTo("Thu, 02 Jan 2020 01:04:05 GMT");
        resp.setRetryAfter(LocalDateTime.of(2030, 1, 2, 3, 4, 5));
        assertThat(resp.getRetryAfter()).isEqualTo("Wed, 02 Jan 2030 03:04:05 GMT");
    }

    @Test
    void nullDeletesAHeaderProperty() {
        Response resp = response();
        resp.setLocation("/a");
        resp.setCacheControl("no-store");
        resp.setVary((List<String>) null);
        resp.setLocation(null);
        resp.setCacheControl((List<String>) null);
        resp.setEtag(null);
        resp.setExpires(null);
        resp.setDownloadableAs(null);
        assertThat(resp.getHeaders()).isEmpty();
        assertThat(resp.getLocation()).isNull();
        assertThat(resp.getAcceptRanges()).isNull();
        assertThat(resp.getCacheControl()).isNull();
        assertThat(resp.getVary()).isNull();
        assertThat(resp.getContentLocation()).isNull();
        assertThat(resp.getExpires()).isNull();
    }

    @Test
    void headerMethodsAreCaseInsensitive() {
        // Falcon 3.1.1: set_headers([('X-A','1'),('x-a','2'),('X-B','3')]) -> {'x-a': '2', 'x-b': '3'}
        Response resp = response();
        resp.setHeaders(List.of(Map.entry("X-A", "1"), Map.entry("x-a", "2"), Map.entry("X-B", "3")));
        assertThat(resp.getHeaders()).containsExactly(Map.entry("x-a", "2"), Map.entry("x-b", "3"));
        assertThat(resp.getHeader("X-A")).isEqualTo("2");
        assertThat(resp.getHeader("nope", "d")).isEqualTo("d");
        resp.deleteHeader("X-B");
        resp.deleteHeader("nope");
        resp.appendHeader("x-a", "3");
        assertThat(resp.getHeaders()).containsExactly(Map.entry("x-a", "2, 3"));
    }

    @Test
    void setStreamWithLengthSetsContentLength() {
        Result r = respond(resp -> resp.setStream(new ByteArrayInputStream("abc".getBytes(StandardCharsets.US_ASCII)), 3));
        assertThat(r.getHeader("content-length")).isEqualTo("3");
        assertThat(r.getText()).isEqualTo("abc");
    }

    @Test
    void renderBodyPrefersTextThenDataThenMedia() {
        Response resp = response();
        assertThat(resp.renderBody()).isNull();
        resp.setMedia(Map.of("a", 1));
        assertThat(new String(resp.renderBody(), StandardCharsets.UTF_8)).isEqualTo("{\"a\": 1}");
        resp.setData(new byte[] {1});
        assertThat(resp.renderBody()).containsExactly(1);
        resp.setText("t");
        assertThat(resp.renderBody()).containsExactly('t');
    }
}
