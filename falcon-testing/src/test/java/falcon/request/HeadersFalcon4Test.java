package falcon.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import falcon.HTTPInvalidHeader;
import falcon.HTTPMissingHeader;
import falcon.Request;
import falcon.testing.Simulate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Falcon 4.0: tests/test_headers.py test_get_header_as_int and headers_lower. */
class HeadersFalcon4Test {

    @Test
    void getHeaderAsInt() {
        Request req = RequestCapture.get("/x/1", Simulate.with().header("X-Int-Val", "42")
                .header("X-Str-Val", "test-val").header("X-Float-Val", "3.14").header("X-Big", " -9000000000 "));
        assertThat(req.getHeaderAsInt("X-Int-Val")).isEqualTo(42L);
        assertThat(req.getHeaderAsInt("x-big")).isEqualTo(-9_000_000_000L);
        assertThat(req.getHeaderAsInt("X-Not-Found")).isNull();
        assertThatThrownBy(() -> req.getHeaderAsInt("X-Float-Val")).isInstanceOf(HTTPInvalidHeader.class)
                .extracting(ex -> ((HTTPInvalidHeader) ex).getDescription())
                .isEqualTo("The value provided for the \"X-Float-Val\" header is invalid. The value of the header must be an integer.");
        assertThatThrownBy(() -> req.getHeaderAsInt("X-Str-Val")).isInstanceOf(HTTPInvalidHeader.class);
        assertThatThrownBy(() -> req.getHeaderAsInt("X-Not-Found", true)).isInstanceOf(HTTPMissingHeader.class);
    }

    @Test
    void headersLowerHasLowerCaseNames() {
        Request req = RequestCapture.get("/x/1", Simulate.with().header("X-Custom-Thing", "v")
                .header("Content-Type", "text/plain"));
        Map<String, String> lower = req.getHeadersLower();
        assertThat(lower).containsEntry("x-custom-thing", "v").containsEntry("content-type", "text/plain")
                .doesNotContainKey("X-CUSTOM-THING");
        assertThat(req.getHeaders()).containsEntry("X-CUSTOM-THING", "v");
        assertThat(lower).hasSameSizeAs(req.getHeaders());
    }
}
