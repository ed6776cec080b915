package falcon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Falcon: falcon/status_codes.py and http_status_to_code / code_to_http_status in util/misc.py. */
class StatusTest {

    @Test
    void constantsAreFalconsStatusLines() {
        assertThat(Status.HTTP_100).isEqualTo("100 Continue");
        assertThat(Status.HTTP_200).isEqualTo("200 OK");
        assertThat(Status.HTTP_404).isEqualTo("404 Not Found");
        assertThat(Status.HTTP_511).isEqualTo("511 Network Authentication Required");
    }

    @Test
    void namedAliasesEqualTheirNumberedConstants() {
        assertThat(Status.HTTP_OK).isEqualTo(Status.HTTP_200);
        assertThat(Status.HTTP_NOT_FOUND).isEqualTo(Status.HTTP_404);
        assertThat(Status.HTTP_IM_USED).isEqualTo("226 IM Used");
        assertThat(Status.HTTP_HTTP_VERSION_NOT_SUPPORTED).isEqualTo("505 HTTP Version Not Supported");
    }

    @Test
    void status413KeepsFalconsOldAliasWithTheNewReason() {
        // Falcon 3.1.1: HTTP_413 = HTTP_REQUEST_ENTITY_TOO_LARGE = '413 Payload Too Large'
        assertThat(Status.HTTP_REQUEST_ENTITY_TOO_LARGE).isEqualTo("413 Payload Too Large");
        assertThat(Status.HTTP_REQUEST_URI_TOO_LONG).isEqualTo("414 URI Too Long");
        assertThat(Status.HTTP_REQUESTED_RANGE_NOT_SATISFIABLE).isEqualTo("416 Range Not Satisfiable");
    }

    @Test
    void teapotHasAnApostrophe() {
        assertThat(Status.HTTP_IM_A_TEAPOT).isEqualTo("418 I'm a teapot");
    }

    @Test
    void misdirectedRequestComesFromFalcon4() {
        assertThat(Status.HTTP_MISDIRECTED_REQUEST).isEqualTo("421 Misdirected Request");
    }

    @Test
    void noveltyCodesAreThereToo() {
        // Falcon 3.1.1: the two literals of HTTP_745 are joined without a space.
        assertThat(Status.HTTP_748).isEqualTo("748 Confounded by Ponies");
        assertThat(Status.HTTP_745).isEqualTo("745 I don't always test my code, but when I doI do it in production");
    }

    @ParameterizedTest
    @CsvSource({"404 Not Found,404", "404,404", "200 OK,200", "799 End of the world,799"})
    void statusLineGivesItsCode(String line, int code) {
        assertThat(Status.httpStatusToCode(line)).isEqualTo(code);
    }

    @Test
    void integerStatusIsReturnedAsIs() {
        // Falcon 3.1.1: http_status_to_code(404) == 404, with no range check.
        assertThat(Status.httpStatusToCode((Object) 404)).isEqualTo(404);
        assertThat(Status.httpStatusToCode((Object) 42)).isEqualTo(42);
    }

    @Test
    void bytesStatusIsDecoded() {
        assertThat(Status.httpStatusToCode("201 Created".getBytes(StandardCharsets.UTF_8))).isEqualTo(201);
    }

    @Test
    void shortStatusStringIsRejected() {
        // Falcon 3.1.1: ValueError('status strings must be at least three characters long')
        assertThatIllegalArgumentException().isThrownBy(() -> Status.httpStatusToCode("40"))
                .withMessage("status strings must be at least three characters long");
    }

    @Test
    void statusStringWithoutLeadingDigitsIsRejected() {
        // Falcon 3.1.1: ValueError('status strings must start with a three-digit integer')
        assertThatIllegalArgumentException().isThrownBy(() -> Status.httpStatusToCode("abc"))
                .withMessage("status strings must start with a three-digit integer");
    }

    @Test
    void statusOfAnotherTypeIsRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> Status.httpStatusToCode((Object) 3.5))
                .withMessage("status must be an Integer, String or byte[]");
    }

    @Test
    void knownCodeGivesItsStatusLine() {
        assertThat(Status.codeToHttpStatus(404)).isSameAs(Status.HTTP_404);
        assertThat(Status.codeToHttpStatus(799)).isEqualTo("799 End of the world");
    }

    @Test
    void unknownCodeGetsReasonUnknown() {
        // Falcon 3.1.1: code_to_http_status(599) == '599 Unknown'
        assertThat(Status.codeToHttpStatus(599)).isEqualTo("599 Unknown");
    }

    @ParameterizedTest
    @ValueSource(ints = {99, 1000, 0, -1})
    void codeOutsideTheThreeDigitRangeIsRejected(int code) {
        // Falcon 3.1.1: ValueError('99 is not a valid status code')
        assertThatIllegalArgumentException().isThrownBy(() -> Status.codeToHttpStatus(code))
                .withMessage(code + " is not a valid status code");
    }

    @Test
    void statusLineStringPassesThroughCodeToHttpStatus() {
        // Falcon 3.1.1: code_to_http_status('abc') == 'abc'
        assertThat(Status.codeToHttpStatus((Object) "abc")).isEqualTo("abc");
        assertThat(Status.codeToHttpStatus((Object) 201)).isEqualTo("201 Created");
    }

    @Test
    void nullIsNotAValidStatusCode() {
        // Falcon 3.1.1: ValueError('None is not a valid status code')
        assertThatIllegalArgumentException().isThrownBy(() -> Status.codeToHttpStatus((Object) null))
                .withMessage("null is not a valid status code");
    }

    @Test
    void reasonPhraseIsTheLineWithoutTheCode() {
        assertThat(Status.reasonPhrase(404)).isEqualTo("Not Found");
        assertThat(Status.reasonPhrase(200)).isEqualTo("OK");
    }

    @Test
    void reasonPhraseOfUnknownCodeIsNull() {
        assertThat(Status.reasonPhrase(599)).isNull();
        assertThat(Status.reasonPhrase(42)).isNull();
    }

    @Test
    void isKnownTellsFalconsCodesApart() {
        assertThat(Status.isKnown(226)).isTrue();
        assertThat(Status.isKnown(306)).isFalse();
    }

    @Test
    void theReasonOfALineIsWhatFollowsItsCode() {
        assertThat(Status.reasonOf(Status.HTTP_200)).isEqualTo("OK").isSameAs(Status.reasonOf("200 OK"));
        assertThat(Status.reasonOf(new String("404 Not Found"))).isEqualTo("Not Found");
        assertThat(Status.reasonOf("200 Fine")).isEqualTo("Fine"); // a custom line keeps its own reason
        assertThat(Status.reasonOf("599 Whatever")).isEqualTo("Whatever");
        assertThat(Status.reasonOf("299 Unknown")).isEqualTo("Unknown");
        assertThat(Status.reasonOf("abc Reason")).isEqualTo("Reason");
        assertThat(Status.reasonOf("200 ")).isEmpty();
        assertThat(Status.reasonOf("200")).isEmpty();
        assertThat(Status.reasonOf("")).isEmpty();
    }
}
