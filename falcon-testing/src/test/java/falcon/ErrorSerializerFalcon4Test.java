package falcon;

import static org.assertj.core.api.Assertions.assertThat;

import falcon.media.BaseHandler;
import falcon.media.Handlers;
import falcon.testing.Result;
import falcon.testing.Simulate;
import falcon.testing.TestClient;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Falcon 4.0: the default error serializer negotiates through the response media handlers
 * (tests/test_httperror.py TestDefaultSerializeError).
 */
class ErrorSerializerFalcon4Test {

    private static final String JSON_CONTENT = "{\"title\": \"410 Gone\"}";
    private static final String XML_CONTENT =
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><error><title>410 Gone</title></error>";

    /** Falcon's FakeYamlMediaHandler. */
    static final class FakeYaml implements BaseHandler {
        @Override
        public Object deserialize(InputStream stream, String contentType, long contentLength) {
            throw new UnsupportedOperationException();
        }

        @Override
        public byte[] serialize(Object media, String contentType) {
            assertThat(media).isEqualTo(Map.of("title", "410 Gone"));
            return "title: 410 Gone!".getBytes(StandardCharsets.UTF_8);
        }
    }

    private static TestClient client() {
        App app = new App();
        app.addRoute("/", new Object() {
            public void onGet(Request req, Response resp) {
                throw new HTTPGone();
            }
        });
        app.getRespOptions().getMediaHandlers().put(Handlers.MEDIA_YAML, new FakeYaml());
        return new TestClient(app);
    }

    @Test
    void anUnknownAcceptGetsNoBody() {
        Result r = client().simulateGet("/", Simulate.with().header("Accept", "foo/bar"));
        assertThat(r.getHeader("Vary")).isEqualTo("Accept");
        assertThat(r.getContent()).isEmpty();
    }

    @Test
    void jsonByDefaultEvenWithoutAJsonHandler() {
        TestClient c = client();
        assertThat(c.simulateGet("/").getText()).isEqualTo(JSON_CONTENT);
        App app = new App();
        app.getRespOptions().getMediaHandlers().remove(Handlers.MEDIA_JSON);
        app.addRoute("/", new Object() {
            public void onGet(Request req, Response resp) {
                throw new HTTPGone();
            }
        });
        Result r = new TestClient(app).simulateGet("/");
        assertThat(r.getContentType()).isEqualTo("application/json");
        assertThat(r.getText()).isEqualTo(JSON_CONTENT);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "application/json|application/json|" + JSON_CONTENT,
        "application/xml|application/xml|" + XML_CONTENT,
        "custom/any+json|application/json|" + JSON_CONTENT,
        "custom/any+xml|application/xml|" + XML_CONTENT,
        "application/yaml|application/yaml|title: 410 Gone!",
        "'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,image/png,image/svg+xml,*/*;q=0.8'"
                + "|application/xml|" + XML_CONTENT,
        "'text/html, application/xhtml+xml, image/jxr, */*'|application/json|" + JSON_CONTENT,
        "'text/html,application/yaml;q=0.8,*/*;q=0.7'|application/yaml|title: 410 Gone!",
        "'text/html,application/yaml;q=0.8,application/json;q=0.8'|application/json|" + JSON_CONTENT,
        "application/x-www-form-urlencoded|application/x-www-form-urlencoded|title=410+Gone",
    })
    void theErrorIsWrittenInTheTypeTheClientPrefers(String accept, String contentType, String content) {
        Result r = client().simulateGet("/", Simulate.with().header("Accept", accept));
        assertThat(r.getHeader("Vary")).isEqualTo("Accept");
        assertThat(r.getContentType()).isEqualTo(contentType);
        assertThat(r.getText()).isEqualTo(content);
    }

    @Test
    void aRegisteredXmlHandlerWritesXmlErrors() {
        App app = new App();
        app.getRespOptions().getMediaHandlers().put(Handlers.MEDIA_XML, new FakeYaml());
        app.addRoute("/", new Object() {
            public void onGet(Request req, Response resp) {
                throw new HTTPGone();
            }
        });
        for (String accept : new String[] {"application/xml", "application/xhtml+xml"}) {
            Result r = new TestClient(app).simulateGet("/", Simulate.with().header("Accept", accept));
            assertThat(r.getContentType()).as(accept).isEqualTo("application/xml");
            assertThat(r.getText()).as(accept).isEqualTo("title: 410 Gone!");
        }
    }

    @Test
    void aTypeWhoseHandlerCannotWriteGetsNoBody() {
        Result r = client().simulateGet("/", Simulate.with().header("Accept", "multipart/form-data"));
        assertThat(r.getStatusCode()).isEqualTo(410);
        assertThat(r.getContent()).isEmpty();
    }
}
