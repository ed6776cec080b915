package falcon.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import falcon.Forwarded;
import falcon.HTTPInvalidHeader;
import falcon.HTTPMissingHeader;
import falcon.Request;
import falcon.testing.Result;
import falcon.testing.Simulate;
import falcon.util.ETag;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Falcon: tests/test_request_attrs.py, test_request_forwarded.py, test_access_route.py. Expected
 * values were recorded with Falcon 3.1.1's TestClient.
 */
class RequestAttrsTest {

    private static Request get(String path, Simulate sim) {
        return RequestCapture.get(path, sim);
    }

    @Test
    void urlPartsOfAPlainRequest() {
        // Falcon 3.1.1: path decoded with '+' kept; uri built from the decoded path.
        Request req = get("/x/a+b%20c?q=1", Simulate.with());
        assertThat(req.getPath()).isEqualTo("/x/a+b c");
        assertThat(req.getQueryString()).isEqualTo("q=1");
        assertThat(req.getHost()).isEqualTo("falconframework.org");
        assertThat(req.getPort()).isEqualTo(80);
        assertThat(req.getNetloc()).isEqualTo("falconframework.org");
        assertThat(req.getSubdomain()).isEqualTo("falconframework");
        assertThat(req.getUri()).isEqualTo("http://falconframework.org/x/a+b c?q=1");
        assertThat(req.getUrl()).isEqualTo(req.getUri());
        assertThat(req.getRelativeUri()).isEqualTo("/x/a+b c?q=1");
        assertThat(req.getPrefix()).isEqualTo("http://falconframework.org");
        assertThat(req.getForwardedScheme()).isEqualTo("http");
        assertThat(req.getForwardedHost()).isEqualTo("falconframework.org");
        assertThat(req.getForwardedUri()).isEqualTo("http://falconframework.org/x/a+b c?q=1");
        assertThat(req.getForwardedPrefix()).isEqualTo("http://falconframework.org");
        assertThat(req.getForwarded()).isNull();
        assertThat(req.getAccessRoute()).containsExactly("127.0.0.1");
        assertThat(req.getRemoteAddr()).isEqualTo("127.0.0.1");
    }

    @Test
    void rootPathIsPartOfPrefixAndRelativeUri() {
        Request req = get("/x/1", Simulate.with().rootPath("/api"));
        assertThat(req.getRootPath()).isEqualTo("/api");
        assertThat(req.getRelativeUri()).isEqualTo("/api/x/1");
        assertThat(req.getPrefix()).isEqualTo("http://falconframework.org/api");
        assertThat(req.getUri()).isEqualTo("http://falconframework.org/api/x/1");
    }

    @ParameterizedTest(name = "{0}:{1}")
    @CsvSource({
        // host, port, expected host, port, netloc, subdomain (Falcon 3.1.1)
        "localhost, 8000, localhost, 8000, localhost:8000, ",
        "[::1], 8443, ::1, 8443, [::1]:8443, ",
        "example.com, 80, example.com, 80, example.com:80, example",
        "api.example.com, -1, api.example.com, 80, api.example.com, api",
    })
    void hostPortNetlocAndSubdomainComeFromTheHostHeader(String host, int port, String expectedHost,
            int expectedPort, String netloc, String subdomain) {
        Request req = get("/x/1", Simulate.with().host(host).port(port));
        assertThat(req.getHost()).isEqualTo(expectedHost);
        assertThat(req.getPort()).isEqualTo(expectedPort);
        assertThat(req.getNetloc()).isEqualTo(netloc);
        assertThat(req.getSubdomain()).isEqualTo(subdomain);
        assertThat(req.getForwardedHost()).isEqualTo(netloc);   // Falcon: falls back to netloc
    }

    @Test
    void httpsDefaultsToPort443() {
        Request req = get("/x/1", Simulate.with().scheme("https"));
        assertThat(req.getPort()).isEqualTo(443);
        assertThat(req.getUri()).isEqualTo("https://falconframework.org/x/1");
    }

    @Test
    void aHostPortThatIsNotANumberDoesNotFail() {
        // Falcon 3.1.1 answers 500 (ValueError from int()); here the scheme's default is used.
        Request req = get("/x/1", Simulate.with().host("example.com:abc"));
        assertThat(req.getHost()).isEqualTo("example.com");
        assertThat(req.getPort()).isEqualTo(80);
    }

    @Test
    void forwardedHeaderWinsOverXForwarded() {
        Request req = get("/x/1", Simulate.with().host("api.example.com")
                .header("Forwarded", "for=192.0.2.60;proto=HTTPS;by=203.0.113.43;host=\"ex.org:8080\", "
                        + "for=\"[2001:db8:cafe::17]:4711\"")
                .header("X-Forwarded-Proto", "ftp").header("X-Forwarded-For", "1.1.1.1"));
        List<Forwarded> hops = req.getForwarded();
        assertThat(hops).hasSize(2);
        assertThat(hops.get(0).getSrc()).isEqualTo("192.0.2.60");
        assertThat(hops.get(0).getDest()).isEqualTo("203.0.113.43");
        assertThat(hops.get(0).getHost()).isEqualTo("ex.org:8080");
        assertThat(hops.get(0).getScheme()).isEqualTo("https");
        assertThat(hops.get(1).getSrc()).isEqualTo("[2001:db8:cafe::17]:4711");
        assertThat(req.getForwardedScheme()).isEqualTo("https");
        assertThat(req.getForwardedHost()).isEqualTo("ex.org:8080");
        assertThat(req.getForwardedUri()).isEqualTo("https://ex.org:8080/x/1");
        assertThat(req.getForwardedPrefix()).isEqualTo("https://ex.org:8080");
        assertThat(req.getAccessRoute()).containsExactly("192.0.2.60", "2001:db8:cafe::17", "127.0.0.1");
        assertThat(req.getUri()).isEqualTo("http://api.example.com/x/1");
    }

    @Test
    void malformedForwardedIsParsedBestEffort() {
        // Falcon 3.1.1: [["unknown"], ["_gazonk"]]; X-Forwarded-For is ignored.
        Request req = get("/x/1", Simulate.with()
                .header("Forwarded", "for=unknown, garbage;;, for=\"_gazonk\"").header("X-Forwarded-For", "1.1.1.1"));
        assertThat(req.getForwarded()).extracting(Forwarded::getSrc).containsExactly("unknown", "_gazonk");
        assertThat(req.getAccessRoute()).containsExactly("unknown", "_gazonk", "127.0.0.1");
        assertThat(req.getForwardedScheme()).isEqualTo("http");
    }

    @Test
    void emptyForwardedGivesAnEmptyListAndOwnValues() {
        Request req = get("/x/1", Simulate.with().header("Forwarded", "").header("X-Forwarded-Host", "h"));
        assertThat(req.getForwarded()).isEmpty();
        assertThat(req.getForwardedHost()).isEqualTo("falconframework.org");
        assertThat(req.getAccessRoute()).containsExactly("127.0.0.1");
    }

    @Test
    void xForwardedHeadersAreUsedWithoutForwarded() {
        // Falcon 3.1.1: blanks kept; the peer is not appended when it is already last.
        Request req = get("/x/1", Simulate.with().remoteAddr("10.0.0.1")
                .header("X-Forwarded-For", " 1.2.3.4 ,, 10.0.0.1").header("X-Forwarded-Proto", "HTTPS")
                .header("X-Forwarded-Host", "fwd.example.com"));
        assertThat(req.getAccessRoute()).containsExactly("1.2.3.4", "", "10.0.0.1");
        assertThat(req.getForwardedScheme()).isEqualTo("https");
        assertThat(req.getForwardedUri()).isEqualTo("https://fwd.example.com/x/1");
        assertThat(req.getRemoteAddr()).isEqualTo("10.0.0.1");
    }

    @Test
    void xRealIpIsTheLastResort() {
        Request req = get("/x/1", Simulate.with().header("X-Real-IP", "9.9.9.9"));
        assertThat(req.getAccessRoute()).containsExactly("9.9.9.9", "127.0.0.1");
    }

    @Test
    void simpleHeaderPropertiesAreNullWhenAbsentOrEmpty() {
        Request req = get("/x/1", Simulate.with().header("User-Agent", "").header("Referer", "http://r/")
                .header("Expect", "100-continue").header("If-Range", "\"e\"").header("Accept", ""));
        assertThat(req.getReferer()).isEqualTo("http://r/");
        assertThat(req.getExpect()).isEqualTo("100-continue");
        assertThat(req.getIfRange()).isEqualTo("\"e\"");
        assertThat(req.getAccept()).isEqualTo("*/*");
        Request bare = get("/x/1", Simulate.with());
        assertThat(bare.getReferer()).isNull();
        assertThat(bare.getExpect()).isNull();
        assertThat(bare.getAuth()).isNull();
        assertThat(bare.getIfRange()).isNull();
        assertThat(bare.getDate()).isNull();
        assertThat(bare.getRange()).isNull();
        assertThat(bare.getRangeUnit()).isNull();
        assertThat(bare.getIfMatch()).isNull();
        assertThat(bare.getContentLength()).isNull();
    }

    @Test
    void getHeaderWithRequiredAndDefault() {
        Request req = get("/x/1", Simulate.with().header("X-Thing", "v"));
        assertThat(req.getHeader("x-thing")).isEqualTo("v");
        assertThat(req.getHeader("X-None", false, "d")).isEqualTo("d");
        assertThat(req.getHeader("X-None", "d")).isEqualTo("d");
        assertThatThrownBy(() -> req.getHeader("X-None", true, "d")).isInstanceOf(HTTPMissingHeader.class)
                .hasFieldOrPropertyWithValue("description", "The \"X-None\" header is required.");
        assertThat(req.getHeaders()).containsEntry("X-THING", "v");
    }

    @Test
    void httpDateHeadersParseLikeStrptime() {
        Request req = get("/x/1", Simulate.with().header("Date", "tue, 5 nov 1994 08:12:31 utc")
                .header("If-Modified-Since", "Sun, 06 Nov 1994 08:49:37 GMT")
                .header("If-Unmodified-Since", "Sunday, 06-Nov-94 08:49:37 GMT"));
        assertThat(req.getDate()).isEqualTo(LocalDateTime.of(1994, 11, 5, 8, 12, 31));
        assertThat(req.getIfModifiedSince()).isEqualTo(LocalDateTime.of(1994, 11, 6, 8, 49, 37));
        // Falcon 3.1.1: the obsolete RFC 850 form only with obs_date=True
        assertThatThrownBy(req::getIfUnmodifiedSince).isInstanceOf(HTTPInvalidHeader.class)
                .hasFieldOrPropertyWithValue("description", "The value provided for the \"If-Unmodified-Since\" "
                        + "header is invalid. It must be formatted according to RFC 7231, Section 7.1.1.1");
        assertThat(req.getHeaderAsDatetime("If-Unmodified-Since", false, true))
                .isEqualTo(LocalDateTime.of(1994, 11, 6, 8, 49, 37));
        assertThatThrownBy(() -> req.getHeaderAsDatetime("X-Missing", true)).isInstanceOf(HTTPMissingHeader.class);
    }

    @Test
    void anEmptyDateIsInvalidNotAbsent() {
        Request req = get("/x/1", Simulate.with().header("Date", ""));
        assertThatThrownBy(req::getDate).isInstanceOf(HTTPInvalidHeader.class);
    }

    @Test
    void badDateBecomesA400ThroughTheApp() {
        Result r = RequestCapture.run("/x/1", Simulate.with().header("If-Modified-Since", "yesterday"),
                (req, resp) -> req.getIfModifiedSince());
        assertThat(r.getStatusCode()).isEqualTo(400);
        assertThat(r.getJsonMap()).containsEntry("title", "Invalid header value");
    }

    @Test
    void etagListsParseAsFalconDoes() {
        Request req = get("/x/1", Simulate.with().header("If-Match", "\"a\", W/\"b\", c")
                .header("If-None-Match", "W/\"x\""));
        // Falcon 3.1.1: with a comma, only quoted tags count
        assertThat(req.getIfMatch()).containsExactly(new ETag("a"), new ETag("b"));
        assertThat(req.getIfMatch().get(1).isWeak()).isTrue();
        assertThat(req.getIfNoneMatch()).singleElement().satisfies(t -> {
            assertThat(t.value()).isEqualTo("x");
            assertThat(t.isWeak()).isTrue();
        });
        Request star = get("/x/1", Simulate.with().header("If-Match", "*").header("If-None-Match", " "));
        assertThat(star.getIfMatch()).containsExactly(new ETag("*"));
        assertThat(star.getIfNoneMatch()).isNull();
        assertThat(get("/x/1", Simulate.with().header("If-Match", "abc")).getIfMatch())
                .containsExactly(new ETag("abc"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "bytes=0-499|0|499|bytes",
        "bytes=-500|-500|-1|bytes",
        "bytes=10-|10|-1|bytes",
        "items= 3 - 7 |3|7|items",
    })
    void rangeIsParsed(String header, long first, long last, String unit) {
        Request req = get("/x/1", Simulate.with().header("Range", header));
        assertThat(req.getRange()).containsExactly(first, last);
        assertThat(req.getRangeUnit()).isEqualTo(unit);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "bytes=0-0,-1|The value must be a continuous range.",
        "0-1|The value must be prefixed with a range unit, e.g. 'bytes='",
        "bytes=-|The range offsets are missing.",
        "bytes=5-1|It must be a range formatted according to RFC 7233.",
        "bytes=-0|It must be a range formatted according to RFC 7233.",
        "bytes=--5|It must be a range formatted according to RFC 7233.",
        "bytes=--9223372036854775808|It must be a range formatted according to RFC 7233.",
        "bytes=x-1|It must be a range formatted according to RFC 7233.",
        "bytes=1|It must be a range formatted according to RFC 7233.",
    })
    void badRangesAre400WithFalconsMessages(String header, String message) {
        Result r = RequestCapture.run("/x/1", Simulate.with().header("Range", header), (req, resp) -> req.getRange());
        assertThat(r.getStatusCode()).isEqualTo(400);
        assertThat(r.getJsonMap()).containsEntry("title", "Invalid header value")
                .containsEntry("description", "The value provided for the \"Range\" header is invalid. " + message);
    }

    @Test
    void rangeUnitNeedsAnEqualsSign() {
        Request req = get("/x/1", Simulate.with().header("Range", "bytes"));
        assertThatThrownBy(req::getRangeUnit).isInstanceOf(HTTPInvalidHeader.class);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"abc", "-1", "1.5"})
    void badContentLengthIs400(String value) {
        Result r = RequestCapture.run("/x/1", Simulate.with().header("Content-Length", value),
                (req, resp) -> req.getContentLength());
        assertThat(r.getStatusCode()).isEqualTo(400);
    }

    @Test
    void contentLengthAcceptsWhatPythonIntAccepts() {
        assertThat(get("/x/1", Simulate.with().header("Content-Length", " 12 ")).getContentLength()).isEqualTo(12L);
    }

    @Test
    void clientAcceptsAndPrefers() {
        Request req = get("/x/1", Simulate.with().header("Accept", "text/html;q=0.5, application/json"));
        assertThat(req.clientAcceptsJson()).isTrue();
        assertThat(req.clientAcceptsXml()).isFalse();
        assertThat(req.clientAccepts("text/html")).isTrue();
        assertThat(req.clientPrefers(List.of("text/html", "application/json"))).isEqualTo("application/json");
        assertThat(req.clientPrefers(List.of("image/png"))).isNull();
        Request msgpack = get("/x/1", Simulate.with().header("Accept", "application/msgpack"));
        assertThat(msgpack.clientAcceptsMsgpack()).isTrue();
        Request bad = get("/x/1", Simulate.with().header("Accept", "nonsense;;"));
        assertThat(bad.clientAcceptsJson()).isFalse();
        assertThat(bad.clientPrefers(List.of("application/json"))).isNull();
    }

    @Test
    void settingThePathUpdatesDerivedUris() {
        Request req = get("/x/1", Simulate.with());
        assertThat(req.getUri()).endsWith("/x/1");
        req.setPath("/y");
        assertThat(req.getUri()).isEqualTo("http://falconframework.org/y");
    }

    @Test
    void lazyValuesAreCached() {
        Request req = get("/x/1", Simulate.with().header("Forwarded", "for=a").header("If-Match", "\"x\""));
        assertThat(req.getForwarded()).isSameAs(req.getForwarded());
        assertThat(req.getAccessRoute()).isSameAs(req.getAccessRoute());
        assertThat(req.getIfMatch()).isSameAs(req.getIfMatch());
        assertThat(req.getUri()).isSameAs(req.getUri());
        assertThat(req.getHeaders()).isSameAs(req.getHeaders());
        assertThat(req.getCookies()).isSameAs(req.getCookies());
        assertThat(req.getParams()).isSameAs(req.getParams());
    }

    @Test
    void headersMapIsReadOnly() {
        Map<String, String> headers = get("/x/1", Simulate.with()).getHeaders();
        assertThatThrownBy(() -> headers.put("A", "b")).isInstanceOf(UnsupportedOperationException.class);
    }
}
