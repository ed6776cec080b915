package falcon.routing;

import static org.assertj.core.api.Assertions.assertThat;

import falcon.App;
import falcon.Request;
import falcon.Response;
import falcon.testing.TestClient;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** URI templates through the App, which decodes the path before routing; Falcon: tests/test_uri_templates.py. */
class UriTemplatesAppTest {

    public static final class One {
        public void onGet(Request req, Response resp, String b) {
            resp.setMedia(Map.of("b", b));
        }
    }

    public static final class Two {
        public void onGet(Request req, Response resp, String b, String c) {
            resp.setMedia(Map.of("b", b, "c", c));
        }
    }

    private final TestClient client;

    UriTemplatesAppTest() {
        App app = new App();
        app.addRoute("/a/{b}", new One());
        app.addRoute("/s/{b}/{c}", new Two());
        client = new TestClient(app);
    }

    @Test
    void percentDecodedSlashesCannotBeToldApart() {
        // ROUTE-13: as in Falcon 3.1.1 (WSGI's PATH_INFO is decoded), "%2F" splits segments like "/".
        assertThat(client.simulateGet("/a/x%2Fy").getStatusCode()).isEqualTo(404);
        assertThat(client.simulateGet("/a/x%2fy").getStatusCode()).isEqualTo(404);
        assertThat(client.simulateGet("/s/x%2Fy").getJson()).isEqualTo(Map.of("b", "x", "c", "y"));
        assertThat(client.simulateGet("/s/x/y").getJson()).isEqualTo(Map.of("b", "x", "c", "y"));
    }

    @Test
    void otherEscapesAreDecodedInsideAField() {
        assertThat(client.simulateGet("/a/x%20y").getJson()).isEqualTo(Map.of("b", "x y"));
    }
}
