package falcon;

import static org.assertj.core.api.Assertions.assertThat;

import falcon.media.BaseHandler;
import falcon.media.Handlers;
import falcon.testing.Result;
import falcon.testing.Simulate;
import falcon.testing.TestClient;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Falcon 4.0 {@code resp_options.xml_error_serialization} (tests/test_httperror.py of Falcon
 * 4.3.1: {@code test_xml_enable}, {@code test_add_xml_handler}, {@code test_hard_content_types}).
 */
class XmlErrorSerializationTest {

    private static final String XML_400 =
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><error><title>400 Bad Request</title></error>";

    /** Writes any error as the same text, so a test can tell it wrote the body. */
    static final class FakeXml implements BaseHandler {
        @Override
        public Object deserialize(InputStream stream, String contentType, long contentLength) {
            throw new UnsupportedOperationException();
        }

        @Override
        public byte[] serialize(Object media, String contentType) {
            return "title: 400 Bad Request!".getBytes(StandardCharsets.UTF_8);
        }
    }

    private static App app(Boolean xml) {
        App app = new App();
        app.addRoute("/fail", new Object() {
            public void onPatch(Request req, Response resp) {
                throw new HTTPBadRequest();
            }
        });
        if (xml != null) {
            app.getRespOptions().setXmlErrorSerialization(xml);
        }
        return app;
    }

    private static Result patch(App app, String accept) {
        return new TestClient(app).simulateRequest("PATCH", "/fail", Simulate.with().header("Accept", accept));
    }

    @Test
    void itIsOnByDefault() {
        assertThat(new ResponseOptions().isXmlErrorSerialization()).isTrue();
        assertThat(new App().getRespOptions().xmlErrorSerialization).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/xml", "text/xml", "app/falcon+xml"})
    void onAClientPreferringXmlGetsTheErrorInXml(String accept) {
        Result r = patch(app(null), accept);
        assertThat(r.getStatusCode()).isEqualTo(400);
        assertThat(r.getText()).isEqualTo(XML_400);
        assertThat(r.getContentType()).isEqualTo(accept.equals("text/xml") ? "text/xml" : "application/xml");
        assertThat(r.getHeader("Vary")).isEqualTo("Accept");
    }

    @Test
    void offAClientAskingForXmlOnlyGetsNoBodyAndTheDefaultType() {
        App app = app(false);
        app.getRespOptions().setDefaultMediaType("app/foo");
        Result r = patch(app, "application/xml");
        assertThat(r.getStatusCode()).isEqualTo(400);
        assertThat(r.getContent()).isEmpty();
        assertThat(r.getContentType()).isEqualTo("app/foo");
        assertThat(r.getHeader("Vary")).isEqualTo("Accept");
    }

    @Test
    void offAnXmlSuffixStillNamesXmlButNothingIsWritten() {
        // As Falcon: "+xml" picks application/xml whatever the option, in case an XML handler exists.
        App app = app(false);
        app.getRespOptions().setDefaultMediaType("app/foo");
        Result r = patch(app, "app/falcon+xml");
        assertThat(r.getContent()).isEmpty();
        assertThat(r.getContentType()).isEqualTo("application/xml");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "application/xml, application/json;q=0.5 | application/json",
        "text/xml, */*;q=0.1                     | application/json",
    })
    void offAClientThatAlsoAcceptsJsonGetsJson(String accept, String type) {
        Result r = patch(app(false), accept);
        assertThat(r.getContentType()).isEqualTo(type);
        assertThat(r.getText()).isEqualTo("{\"title\": \"400 Bad Request\"}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/xml", "application/xhtml+xml"})
    void anXmlHandlerTheAppRegisteredWritesTheErrorEitherWay(String accept) {
        for (boolean xml : new boolean[] {true, false}) {
            App app = app(xml);
            app.getRespOptions().getMediaHandlers().put(Handlers.MEDIA_XML, new FakeXml());
            Result r = patch(app, accept);
            assertThat(r.getContentType()).as("xml %s", xml).isEqualTo("application/xml");
            assertThat(r.getText()).as("xml %s", xml).isEqualTo("title: 400 Bad Request!");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,image/png,image/svg+xml,*/*;q=0.8",
        "text/html,application/xhtml+xml,application/xml;q=0.9,image/webp,image/apng,*/*;q=0.8",
    })
    void aBrowsersAcceptGetsXmlOnlyWhenOn(String accept) {
        assertThat(patch(app(true), accept).getContentType()).isEqualTo("application/xml");
        Result off = patch(app(false), accept);
        assertThat(off.getContentType()).isEqualTo("application/json");
        assertThat(off.getText()).isEqualTo("{\"title\": \"400 Bad Request\"}");
    }

    @Test
    void aCustomErrorSerializerIsNotAffected() {
        App app = app(false);
        app.setErrorSerializer((req, resp, error) -> {
            resp.setData(error.toXml());
            resp.setContentType("application/xml");
        });
        assertThat(patch(app, "application/xml").getText()).isEqualTo(XML_400);
    }
}
