package falcon.statics;

import static org.assertj.core.api.Assertions.assertThat;

import falcon.App;
import falcon.Request;
import falcon.Response;
import falcon.testing.TestClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Falcon: tests/test_sinks.py and the sink/static ordering of tests/test_static.py. */
class SinksTest {

    @TempDir
    Path dir;

    @Test
    void sinksAreTriedLastAddedFirst() {
        App app = new App();
        app.addSink((req, resp, params) -> resp.setText("first"), "/a");
        app.addSink((req, resp, params) -> resp.setText("second"), "/a/b");
        TestClient client = new TestClient(app);
        assertThat(client.simulateGet("/a/b/c").getText()).isEqualTo("second");
        assertThat(client.simulateGet("/a/x").getText()).isEqualTo("first");
    }

    @Test
    void thePrefixIsARegexMatchedFromThePathStart() {
        App app = new App();
        app.addSink((req, resp, params) -> resp.setText("sink"), "/v[0-9]+/");
        TestClient client = new TestClient(app);
        assertThat(client.simulateGet("/v12/things").getText()).isEqualTo("sink");
        assertThat(client.simulateGet("/api/v12/things").getStatusCode()).isEqualTo(404);
    }

    @Test
    void namedGroupsArePassedAndUnmatchedOnesAreNull() {
        App app = new App();
        app.addSink((req, resp, params) -> resp.setText(params.get("id") + " " + params.get("sub")),
                "/items/(?<id>[0-9]+)(/(?<sub>[a-z]+))?");
        TestClient client = new TestClient(app);
        assertThat(client.simulateGet("/items/7/parts").getText()).isEqualTo("7 parts");
        assertThat(client.simulateGet("/items/7").getText()).isEqualTo("7 null");
    }

    @Test
    void sinksTakeAnyMethod() {
        App app = new App();
        app.addSink((req, resp, params) -> resp.setText(req.getMethod()), "/");
        TestClient client = new TestClient(app);
        for (String method : new String[] {"GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "PROPFIND"}) {
            assertThat(client.simulateRequest(method, "/anything").getText()).isEqualTo(method);
        }
    }

    @Test
    void routesMaskSinks() {
        App app = new App();
        app.addSink((req, resp, params) -> resp.setText("sink"), "/things");
        app.addRoute("/things/{id}", new Object() {
            public void onGet(Request req, Response resp, String id) {
                resp.setText("route " + id);
            }
        });
        TestClient client = new TestClient(app);
        assertThat(client.simulateGet("/things/1").getText()).isEqualTo("route 1");
        // A route without the method answers 405: the sink does not take over.
        assertThat(client.simulatePost("/things/1").getStatusCode()).isEqualTo(405);
        assertThat(client.simulateGet("/things/1/more").getText()).isEqualTo("sink");
    }

    @Test
    void sinksComeBeforeStaticRoutesByDefault() throws IOException {
        Files.writeString(dir.resolve("ten.txt"), "0123456789");
        App app = new App();
        app.addStaticRoute("/x", dir);
        app.addSink((req, resp, params) -> resp.setText("sink"), "/x");
        assertThat(new TestClient(app).simulateGet("/x/ten.txt").getText()).isEqualTo("sink");
    }

    @Test
    void staticRoutesComeFirstWhenAsked() throws IOException {
        Files.writeString(dir.resolve("ten.txt"), "0123456789");
        App app = App.builder().sinkBeforeStaticRoute(false).build();
        app.addStaticRoute("/x", dir);
        app.addSink((req, resp, params) -> resp.setText("sink"), "/x");
        TestClient client = new TestClient(app);
        assertThat(client.simulateGet("/x/ten.txt").getText()).isEqualTo("0123456789");
        // As in Falcon: the static route matched, so a missing file is its 404, not the sink's.
        assertThat(client.simulateGet("/x/nope").getStatusCode()).isEqualTo(404);
        assertThat(client.simulateGet("/y").getStatusCode()).isEqualTo(404);
    }
}
