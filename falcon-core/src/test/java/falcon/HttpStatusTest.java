package falcon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Falcon: falcon/http_status.py and falcon/redirects.py (checked against Falcon 3.1.1). */
class HttpStatusTest {

    @Test
    void statusLineAndCodeAreKept() {
        HTTPStatus status = new HTTPStatus(Status.HTTP_204);
        assertThat(status.getStatus()).isEqualTo("204 No Content");
        assertThat(status.getStatusCode()).isEqualTo(204);
        assertThat(status.getHeaders()).isEmpty();
        assertThat(status.getText()).isNull();
        assertThat(status.getData()).isNull();
    }

    @Test
    void numericStatusBecomesItsStatusLine() {
        assertThat(new HTTPStatus(202).getStatus()).isEqualTo("202 Accepted");
    }

    @Test
    void malformedStatusIsRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> new HTTPStatus("x"));
        assertThatIllegalArgumentException().isThrownBy(() -> new HTTPStatus(42));
    }

    @Test
    void headersAndTextAreKept() {
        // Falcon 3.1.1: HTTPStatus(HTTP_204, headers={'X': '1'}, text='hi').text == 'hi'
        HTTPStatus status = new HTTPStatus(Status.HTTP_200, Map.of("X", "1"), "hi");
        assertThat(status.getHeaders()).containsExactly(Map.entry("X", "1"));
        assertThat(status.getText()).isEqualTo("hi");
    }

    @Test
    void bodyIsTheDeprecatedNameOfText() {
        @SuppressWarnings("deprecation")
        String body = new HTTPStatus(Status.HTTP_200, null, "hi").getBody();
        assertThat(body).isEqualTo("hi");
    }

    @Test
    void givenHeadersAreCopiedInOrder() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("B", "2");
        headers.put("A", "1");
        HTTPStatus status = new HTTPStatus(Status.HTTP_200, headers);
        headers.put("C", "3");
        assertThat(status.getHeaders()).containsExactly(Map.entry("B", "2"), Map.entry("A", "1"));
    }

    @Test
    void fluentSettersFillHeadersAndBody() {
        byte[] data = "raw".getBytes(StandardCharsets.UTF_8);
        HTTPStatus status = new HTTPStatus(Status.HTTP_200).withHeader("X", "1").withText("t").withData(data);
        assertThat(status.getHeaders()).containsEntry("X", "1");
        assertThat(status.getText()).isEqualTo("t");
        assertThat(status.getData()).isSameAs(data);
    }

    @Test
    void statusIsControlFlowWithoutStackTrace() {
        assertThat(new HTTPStatus(Status.HTTP_200).getStackTrace()).isEmpty();
    }

    @Test
    void messageIsTheStatusLine() {
        assertThat(new HTTPStatus(Status.HTTP_204).getMessage()).isEqualTo("204 No Content");
    }

    @Test
    void redirectsHaveTheirStatus() {
        // Falcon 3.1.1: 301 Moved Permanently, 302 Found, 303 See Other, 307 Temporary Redirect,
        // 308 Permanent Redirect
        assertThat(new HTTPMovedPermanently("/n").getStatus()).isEqualTo("301 Moved Permanently");
        assertThat(new HTTPFound("/n").getStatus()).isEqualTo("302 Found");
        assertThat(new HTTPSeeOther("/n").getStatus()).isEqualTo("303 See Other");
        assertThat(new HTTPTemporaryRedirect("/n").getStatus()).isEqualTo("307 Temporary Redirect");
        assertThat(new HTTPPermanentRedirect("/n").getStatus()).isEqualTo("308 Permanent Redirect");
    }

    @Test
    void redirectSetsALowerCaseLocationHeader() {
        // Falcon 3.1.1: HTTPSeeOther('/s').headers == {'location': '/s'}
        assertThat(new HTTPSeeOther("/s").getHeaders()).containsExactly(Map.entry("location", "/s"));
    }

    @Test
    void redirectIsAnHttpStatus() {
        assertThat(new HTTPFound("/x")).isInstanceOf(HTTPStatus.class);
    }

    @Test
    void redirectAddsLocationAfterTheGivenHeaders() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X", "1");
        assertThat(new HTTPFound("/x", headers).getHeaders())
                .containsExactly(Map.entry("X", "1"), Map.entry("location", "/x"));
        assertThat(headers).doesNotContainKey("location");
    }

    @Test
    void givenLocationEntryWins() {
        // Falcon 3.1.1: headers.setdefault('location', location)
        assertThat(new HTTPPermanentRedirect("/x", Map.of("location", "/y")).getHeaders())
                .containsExactly(Map.entry("location", "/y"));
    }
}
