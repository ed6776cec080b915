package falcon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Falcon: falcon/http_error.py and falcon/errors.py. Expected bytes were produced by Falcon
 * 3.1.1 (Debian python3-falcon), as quoted in the comments.
 */
class HttpErrorTest {

    private static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    // --- HTTPError base ---

    @Test
    void titleDefaultsToTheStatusLine() {
        HTTPError error = new HTTPError(Status.HTTP_404);
        assertThat(error.getStatus()).isEqualTo("404 Not Found");
        assertThat(error.getStatusCode()).isEqualTo(404);
        assertThat(error.getTitle()).isEqualTo("404 Not Found");
        assertThat(error.getDescription()).isNull();
        assertThat(error.getCode()).isNull();
        assertThat(error.getLink()).isNull();
        assertThat(error.getHeaders()).isEmpty();
    }

    @Test
    void emptyTitleAlsoFallsBackToTheStatusLine() {
        // Falcon 3.1.1: self.title = title or status
        assertThat(new HTTPError(Status.HTTP_400, "", null).getTitle()).isEqualTo("400 Bad Request");
    }

    @Test
    void numericStatusBecomesItsStatusLine() {
        // Falcon 4 behaviour; Falcon 3.1.1 kept the int (title 404).
        HTTPError error = new HTTPError(404);
        assertThat(error.getStatus()).isEqualTo("404 Not Found");
        assertThat(error.getTitle()).isEqualTo("404 Not Found");
    }

    @Test
    void unknownNumericStatusGetsReasonUnknown() {
        assertThat(new HTTPError(599, "Odd", null).getStatus()).isEqualTo("599 Unknown");
    }

    @Test
    void malformedStatusLineIsRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> new HTTPError("oops"));
    }

    @Test
    void messageNamesStatusAndTitleForLogs() {
        assertThat(new HTTPNotFound().getMessage()).isEqualTo("404 Not Found");
        assertThat(new HTTPMissingParam("id").getMessage()).isEqualTo("400 Bad Request: Missing parameter");
    }

    @Test
    void fluentSettersReturnTheSameErrorSoItCanBeThrown() {
        assertThatThrownBy(() -> {
            throw new HTTPBadRequest("t", "d").withHeader("X", "1").withCode(7);
        }).isInstanceOf(HTTPBadRequest.class)
                .satisfies(ex -> assertThat(((HTTPError) ex).getHeaders()).containsEntry("X", "1"));
    }

    @Test
    void headersKeepInsertionOrder() {
        Map<String, String> more = new LinkedHashMap<>();
        more.put("B", "2");
        more.put("A", "1");
        HTTPError error = new HTTPError(Status.HTTP_400).withHeader("Z", "0").withHeaders(more);
        assertThat(error.getHeaders()).containsExactly(Map.entry("Z", "0"), Map.entry("B", "2"), Map.entry("A", "1"));
    }

    @Test
    void headersViewIsUnmodifiable() {
        HTTPError error = new HTTPError(Status.HTTP_400).withHeader("X", "1");
        assertThatThrownBy(() -> error.getHeaders().put("Y", "2")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void linkHasDefaultTextFromFalconsSource() {
        // Falcon 3.1.1: the docs say "App documentation for this error"; the source wins.
        HTTPError error = new HTTPError(Status.HTTP_400).withHref("http://a");
        assertThat(error.getLink()).containsExactly(
                Map.entry("text", "Documentation related to this error"),
                Map.entry("href", "http://a"),
                Map.entry("rel", "help"));
        assertThat(error.getHrefText()).isEqualTo("Documentation related to this error");
    }

    @Test
    void emptyHrefTextMeansTheDefault() {
        // Falcon 3.1.1: href_text or 'Documentation related to this error'
        assertThat(new HTTPError(Status.HTTP_400).withHref("http://a", "").getLink())
                .containsEntry("text", "Documentation related to this error");
    }

    @Test
    void emptyHrefMeansNoLink() {
        assertThat(new HTTPError(Status.HTTP_400).withHref("").getLink()).isNull();
    }

    @Test
    void linkHrefIsPercentEncodedLikeFalconUriEncode() {
        // Falcon 3.1.1: link['href'] == 'http://example.com/%C3%BC%20docs'
        assertThat(new HTTPError(Status.HTTP_400).withHref("http://example.com/ü docs").getLink())
                .containsEntry("href", "http://example.com/%C3%BC%20docs");
    }

    @Test
    void linkHrefEncodesPercentSignsAgain() {
        // Falcon 3.1.1: uri.encode (not encode_check_escaped) turns '%20' into '%2520' and
        // keeps the reserved delimiters: 'http://x.com/a%20b/%C3%BC?q=1&r=%2520#f'
        HTTPError error = new HTTPError(Status.HTTP_400).withHref("http://x.com/a b/ü?q=1&r=%20#f");
        assertThat(error.getLink()).containsEntry("href", "http://x.com/a%20b/%C3%BC?q=1&r=%2520#f");
        assertThat(error.getHref()).isEqualTo("http://x.com/a b/ü?q=1&r=%20#f");
    }

    @Test
    void toDictHasFalconsKeyOrder() {
        HTTPError error = new HTTPError(Status.HTTP_402, "Payment required", "Top up.")
                .withHref("https://example.com/docs/billing", "Billing")
                .withCode(4021);
        assertThat(error.toDict()).containsOnlyKeys("title", "description", "code", "link");
        assertThat(error.toDict().keySet()).containsExactly("title", "description", "code", "link");
    }

    @Test
    void toDictLeavesOutAbsentFields() {
        assertThat(new HTTPNotFound().toDict()).containsExactly(Map.entry("title", "404 Not Found"));
    }

    @Test
    void toDictKeepsEmptyDescriptionAndZeroCode() {
        // Falcon 3.1.1 tests "is not None": description '' and code 0 are kept.
        HTTPError error = new HTTPBadRequest(null, "").withCode(0);
        assertThat(error.toDict()).containsExactly(
                Map.entry("title", "400 Bad Request"), Map.entry("description", ""), Map.entry("code", 0));
    }

    @Test
    void toJsonOfBareErrorHasFalconsSpacing() {
        // Falcon 3.1.1: HTTPNotFound().to_json() == b'{"title": "404 Not Found"}'
        assertThat(utf8(new HTTPNotFound().toJson())).isEqualTo("{\"title\": \"404 Not Found\"}");
    }

    @Test
    void toJsonWithEveryFieldMatchesFalconByteForByte() {
        // Falcon 3.1.1: b'{"title": "Payment required", "description": "Top up.", "code": 4021,
        //   "link": {"text": "Billing", "href": "https://example.com/docs/billing", "rel": "help"}}'
        HTTPError error = new HTTPError(Status.HTTP_402, "Payment required", "Top up.")
                .withCode(4021)
                .withHref("https://example.com/docs/billing", "Billing");
        assertThat(utf8(error.toJson())).isEqualTo("{\"title\": \"Payment required\", \"description\": \"Top up.\", "
                + "\"code\": 4021, \"link\": {\"text\": \"Billing\", \"href\": \"https://example.com/docs/billing\", "
                + "\"rel\": \"help\"}}");
    }

    @Test
    void toJsonWritesNonAsciiAsUtf8() {
        // Falcon 3.1.1: b'{"title": "Caf\xc3\xa9", "description": "\xc3\x9cn\xc3\xafc\xc3\xb6d\xc3\xa9 \xe2\x98\x83"}'
        byte[] json = new HTTPNotFound("Café", "Ünïcödé ☃").toJson();
        assertThat(json).isEqualTo("{\"title\": \"Café\", \"description\": \"Ünïcödé ☃\"}".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void toJsonEscapesControlCharactersInLowerCaseHex() {
        // Falcon 3.1.1: b'{"title": "ctl", "description": "\\u000b\\u001f\\b\\f"}'
        assertThat(utf8(new HTTPBadRequest("ctl", "\u000b\u001f\b\f").toJson()))
                .isEqualTo("{\"title\": \"ctl\", \"description\": \"\\u000b\\u001f\\b\\f\"}");
    }

    @Test
    void toJsonEscapesQuotes() {
        // Falcon 3.1.1: b'{"title": "Invalid parameter", "description": "The \\"limit\\" parameter is
        //   invalid. The value must be an integer."}'
        assertThat(utf8(new HTTPInvalidParam("The value must be an integer.", "limit").toJson()))
                .isEqualTo("{\"title\": \"Invalid parameter\", \"description\": "
                        + "\"The \\\"limit\\\" parameter is invalid. The value must be an integer.\"}");
    }

    @Test
    void toJsonWithASerializerHandsItTheDict() {
        byte[] out = new HTTPNotFound().toJson(obj -> obj.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(utf8(out)).isEqualTo("{title=404 Not Found}");
    }

    @Test
    void toJsonUsesAnOverriddenToDict() {
        HTTPError error = new HTTPNotFound() {
            private static final long serialVersionUID = 1L;

            @Override
            public Map<String, Object> toDict() {
                Map<String, Object> obj = super.toDict();
                obj.put("extra", List.of(1, 2));
                return obj;
            }
        };
        assertThat(utf8(error.toJson())).isEqualTo("{\"title\": \"404 Not Found\", \"extra\": [1, 2]}");
    }

    @Test
    void toXmlOfBareErrorMatchesFalcon() {
        // Falcon 3.1.1: b'<?xml version="1.0" encoding="UTF-8"?><error><title>404 Not Found</title></error>'
        assertThat(utf8(new HTTPNotFound().toXml()))
                .isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?><error><title>404 Not Found</title></error>");
    }

    @Test
    void toXmlWithEveryFieldMatchesFalconByteForByte() {
        // Falcon 3.1.1: <?xml version="1.0" encoding="UTF-8"?><error><title>Payment required</title>
        //   <description>Top up.</description><code>4021</code><link><text>Billing</text>
        //   <href>https://example.com/docs/billing</href><rel>help</rel></link></error>
        HTTPError error = new HTTPError(Status.HTTP_402, "Payment required", "Top up.")
                .withCode(4021)
                .withHref("https://example.com/docs/billing", "Billing");
        assertThat(utf8(error.toXml())).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?><error>"
                + "<title>Payment required</title><description>Top up.</description><code>4021</code>"
                + "<link><text>Billing</text><href>https://example.com/docs/billing</href><rel>help</rel></link>"
                + "</error>");
    }

    @Test
    void toXmlEscapesLikeElementTree() {
        // Falcon 3.1.1: title 'a<b>&"\'c' -> <title>a&lt;b&gt;&amp;"'c</title> (quotes left alone)
        assertThat(utf8(new HTTPError(Status.HTTP_418, "a<b>&\"'c", "ü€😀").toXml()))
                .isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?><error><title>a&lt;b&gt;&amp;\"'c</title>"
                        + "<description>ü€😀</description></error>");
    }

    @Test
    void toXmlWritesEmptyDescriptionAsSelfClosingElement() {
        // Falcon 3.1.1: ... <description /><code>0</code> ... and '&' escaped inside href
        HTTPError error = new HTTPBadRequest(null, "").withCode(0).withHref("http://x.com/?q=1&r=2");
        assertThat(utf8(error.toXml())).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?><error>"
                + "<title>400 Bad Request</title><description /><code>0</code><link>"
                + "<text>Documentation related to this error</text><href>http://x.com/?q=1&amp;r=2</href>"
                + "<rel>help</rel></link></error>");
    }

    @Test
    void errorsKeepTheirStackTrace() {
        assertThat(new HTTPNotFound().getStackTrace()).isNotEmpty();
    }

    // --- predefined errors: status and default title ---

    @Test
    void eachPredefinedErrorHasItsStatus() {
        assertThat(new HTTPBadRequest().getStatus()).isEqualTo(Status.HTTP_400);
        assertThat(new HTTPUnauthorized().getStatus()).isEqualTo(Status.HTTP_401);
        assertThat(new HTTPForbidden().getStatus()).isEqualTo(Status.HTTP_403);
        assertThat(new HTTPNotFound().getStatus()).isEqualTo(Status.HTTP_404);
        assertThat(new HTTPRouteNotFound().getStatus()).isEqualTo(Status.HTTP_404);
        assertThat(new HTTPMethodNotAllowed(List.of("GET")).getStatus()).isEqualTo(Status.HTTP_405);
        assertThat(new HTTPNotAcceptable().getStatus()).isEqualTo(Status.HTTP_406);
        assertThat(new HTTPConflict().getStatus()).isEqualTo(Status.HTTP_409);
        assertThat(new HTTPGone().getStatus()).isEqualTo(Status.HTTP_410);
        assertThat(new HTTPLengthRequired().getStatus()).isEqualTo(Status.HTTP_411);
        assertThat(new HTTPPreconditionFailed().getStatus()).isEqualTo(Status.HTTP_412);
        assertThat(new HTTPPayloadTooLarge().getStatus()).isEqualTo(Status.HTTP_413);
        assertThat(new HTTPUriTooLong().getStatus()).isEqualTo(Status.HTTP_414);
        assertThat(new HTTPUnsupportedMediaType().getStatus()).isEqualTo(Status.HTTP_415);
        assertThat(new HTTPRangeNotSatisfiable(10).getStatus()).isEqualTo(Status.HTTP_416);
        assertThat(new HTTPUnprocessableEntity().getStatus()).isEqualTo(Status.HTTP_422);
        assertThat(new HTTPLocked().getStatus()).isEqualTo(Status.HTTP_423);
        assertThat(new HTTPFailedDependency().getStatus()).isEqualTo(Status.HTTP_424);
        assertThat(new HTTPPreconditionRequired().getStatus()).isEqualTo(Status.HTTP_428);
        assertThat(new HTTPTooManyRequests().getStatus()).isEqualTo(Status.HTTP_429);
        assertThat(new HTTPRequestHeaderFieldsTooLarge().getStatus()).isEqualTo(Status.HTTP_431);
        assertThat(new HTTPUnavailableForLegalReasons().getStatus()).isEqualTo(Status.HTTP_451);
        assertThat(new HTTPInternalServerError().getStatus()).isEqualTo(Status.HTTP_500);
        assertThat(new HTTPNotImplemented().getStatus()).isEqualTo(Status.HTTP_501);
        assertThat(new HTTPBadGateway().getStatus()).isEqualTo(Status.HTTP_502);
        assertThat(new HTTPServiceUnavailable().getStatus()).isEqualTo(Status.HTTP_503);
        assertThat(new HTTPGatewayTimeout().getStatus()).isEqualTo(Status.HTTP_504);
        assertThat(new HTTPVersionNotSupported().getStatus()).isEqualTo(Status.HTTP_505);
        assertThat(new HTTPInsufficientStorage().getStatus()).isEqualTo(Status.HTTP_507);
        assertThat(new HTTPLoopDetected().getStatus()).isEqualTo(Status.HTTP_508);
        assertThat(new HTTPNetworkAuthenticationRequired().getStatus()).isEqualTo(Status.HTTP_511);
    }

    @Test
    void predefinedErrorTakesTitleAndDescription() {
        HTTPConflict error = new HTTPConflict("Edit conflict", "Reload and try again.");
        assertThat(error.getTitle()).isEqualTo("Edit conflict");
        assertThat(error.getDescription()).isEqualTo("Reload and try again.");
    }

    @Test
    void routeNotFoundIsANotFound() {
        assertThat(new HTTPRouteNotFound()).isInstanceOf(HTTPNotFound.class);
    }

    // --- special arguments ---

    @Test
    void unauthorizedJoinsChallengesIntoWwwAuthenticate() {
        // Falcon 3.1.1: {'WWW-Authenticate': 'Basic realm="x", Bearer'}
        assertThat(new HTTPUnauthorized(List.of("Basic realm=\"x\"", "Bearer")).getHeaders())
                .containsExactly(Map.entry("WWW-Authenticate", "Basic realm=\"x\", Bearer"));
    }

    @Test
    void unauthorizedWithNoChallengesSetsNoHeader() {
        // Falcon 3.1.1: HTTPUnauthorized(challenges=[]).headers is None
        assertThat(new HTTPUnauthorized(List.of()).getHeaders()).isEmpty();
    }

    @Test
    void methodNotAllowedJoinsMethodsIntoAllow() {
        // Falcon 3.1.1: {'Allow': 'GET, POST'}
        HTTPMethodNotAllowed error = new HTTPMethodNotAllowed(List.of("GET", "POST"));
        assertThat(error.getHeaders()).containsExactly(Map.entry("Allow", "GET, POST"));
        assertThat(error.getTitle()).isEqualTo("405 Method Not Allowed");
    }

    @Test
    void rangeNotSatisfiableSendsTheResourceLength() {
        // Falcon 3.1.1: {'Content-Range': 'bytes */123'}
        assertThat(new HTTPRangeNotSatisfiable(123).getHeaders())
                .containsExactly(Map.entry("Content-Range", "bytes */123"));
    }

    @Test
    void retryAfterInSecondsIsWrittenAsDigits() {
        // Falcon 3.1.1: HTTPServiceUnavailable(retry_after=120).headers == {'Retry-After': '120'}
        assertThat(new HTTPServiceUnavailable(120).getHeaders()).containsExactly(Map.entry("Retry-After", "120"));
    }

    @Test
    void retryAfterDateIsAnHttpDateInGmt() {
        // Falcon 3.1.1: retry_after=datetime(2015, 10, 21, 7, 28) -> 'Wed, 21 Oct 2015 07:28:00 GMT'
        ZonedDateTime inParis = ZonedDateTime.of(2015, 10, 21, 9, 28, 0, 0, ZoneId.of("Europe/Paris"));
        assertThat(new HTTPTooManyRequests(inParis).getHeaders())
                .containsEntry("Retry-After", "Wed, 21 Oct 2015 07:28:00 GMT");
    }

    @Test
    void retryAfterDateHasATwoDigitDay() {
        // Falcon 3.1.1: datetime(2015, 10, 1, 7, 28) -> 'Thu, 01 Oct 2015 07:28:00 GMT'
        assertThat(new HTTPServiceUnavailable(Instant.parse("2015-10-01T07:28:00Z")).getHeaders())
                .containsEntry("Retry-After", "Thu, 01 Oct 2015 07:28:00 GMT");
    }

    @Test
    void localDateTimeRetryAfterIsTakenAsUtcLikeANaiveDatetime() {
        assertThat(new HTTPPayloadTooLarge(LocalDateTime.of(2015, 10, 21, 7, 28)).getHeaders())
                .containsEntry("Retry-After", "Wed, 21 Oct 2015 07:28:00 GMT");
    }

    @Test
    void retryAfterWithTitleAndDescription() {
        HTTPTooManyRequests error = new HTTPTooManyRequests("Slow down", "Too fast.", 30);
        assertThat(error.getTitle()).isEqualTo("Slow down");
        assertThat(error.getHeaders()).containsExactly(Map.entry("Retry-After", "30"));
    }

    @Test
    void nullRetryAfterSetsNoHeader() {
        assertThat(new HTTPPayloadTooLarge("Too big", null, null).getHeaders()).isEmpty();
    }

    @Test
    void invalidParamHasFalconsTitleAndDescription() {
        // Falcon 3.1.1: 'The "limit" parameter is invalid. Must be int.'
        HTTPInvalidParam error = new HTTPInvalidParam("Must be int.", "limit");
        assertThat(error.getStatus()).isEqualTo(Status.HTTP_400);
        assertThat(error.getTitle()).isEqualTo("Invalid parameter");
        assertThat(error.getDescription()).isEqualTo("The \"limit\" parameter is invalid. Must be int.");
    }

    @Test
    void missingParamHasFalconsTitleAndDescription() {
        // Falcon 3.1.1: {'title': 'Missing parameter', 'description': 'The "id" parameter is required.'}
        HTTPMissingParam error = new HTTPMissingParam("id");
        assertThat(error.getTitle()).isEqualTo("Missing parameter");
        assertThat(error.getDescription()).isEqualTo("The \"id\" parameter is required.");
    }

    @Test
    void invalidHeaderHasFalconsTitleAndDescription() {
        // Falcon 3.1.1: 'The value provided for the "X-Y" header is invalid. Bad.'
        HTTPInvalidHeader error = new HTTPInvalidHeader("Bad.", "X-Y");
        assertThat(error.getTitle()).isEqualTo("Invalid header value");
        assertThat(error.getDescription()).isEqualTo("The value provided for the \"X-Y\" header is invalid. Bad.");
    }

    @Test
    void missingHeaderHasFalconsTitleAndDescription() {
        // Falcon 3.1.1: {'title': 'Missing header value', 'description': 'The "X-Auth" header is required.'}
        HTTPMissingHeader error = new HTTPMissingHeader("X-Auth");
        assertThat(error.getTitle()).isEqualTo("Missing header value");
        assertThat(error.getDescription()).isEqualTo("The \"X-Auth\" header is required.");
    }

    @Test
    void parameterAndHeaderErrorsAreBadRequests() {
        assertThat(List.of(new HTTPInvalidParam("m", "p"), new HTTPMissingParam("p"),
                new HTTPInvalidHeader("m", "h"), new HTTPMissingHeader("h")))
                .allSatisfy(error -> assertThat(error).isInstanceOf(HTTPBadRequest.class));
    }
}
