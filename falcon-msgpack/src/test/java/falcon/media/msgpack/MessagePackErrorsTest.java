package falcon.media.msgpack;

import static org.assertj.core.api.Assertions.assertThat;

import falcon.App;
import falcon.HTTPGone;
import falcon.Request;
import falcon.Response;
import falcon.testing.Result;
import falcon.testing.Simulate;
import falcon.testing.TestClient;
import java.io.ByteArrayInputStream;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Falcon 4.0: an error is written as MessagePack for a client that prefers it; problem details too. */
class MessagePackErrorsTest {

    private static TestClient client(boolean problemDetails) {
        App app = new App();
        MessagePackHandler.register(app.getReqOptions().getMediaHandlers(), app.getRespOptions().getMediaHandlers());
        app.getRespOptions().setProblemDetails(problemDetails);
        app.addRoute("/gone", new Object() {
            public void onGet(Request req, Response resp) {
                throw new HTTPGone();
            }
        });
        return new TestClient(app);
    }

    private static Object unpack(Result r) throws Exception {
        return new MessagePackHandler().deserialize(new ByteArrayInputStream(r.getContent()), "application/msgpack", -1);
    }

    @Test
    void anErrorIsMessagePackWhenPreferred() throws Exception {
        Result r = client(false).simulateGet("/gone", Simulate.with().header("Accept", "application/msgpack"));
        assertThat(r.getStatusCode()).isEqualTo(410);
        assertThat(r.getContentType()).isEqualTo("application/msgpack");
        assertThat(unpack(r)).isEqualTo(Map.of("title", "410 Gone"));
        // JSON still wins a tie, as in Falcon 4.
        Result tie = client(false).simulateGet("/gone",
                Simulate.with().header("Accept", "application/msgpack, application/json"));
        assertThat(tie.getContentType()).isEqualTo("application/json");
    }

    @Test
    void problemDetailsAreMessagePackWhenPreferred() throws Exception {
        Result r = client(true).simulateGet("/gone", Simulate.with().header("Accept", "application/msgpack"));
        assertThat(r.getContentType()).isEqualTo("application/msgpack");
        assertThat(unpack(r)).isEqualTo(Map.of("type", "about:blank", "title", "Gone", "status", 410,
                "instance", "/gone"));
    }
}
