package falcon.request;

import falcon.App;
import falcon.Request;
import falcon.Response;
import falcon.testing.Result;
import falcon.testing.Simulate;
import falcon.testing.TestClient;
import java.util.function.BiConsumer;

/** Runs one simulated request and keeps the {@link Request} the responder saw. */
final class RequestCapture {

    private RequestCapture() {
    }

    /** Simulates GET {@code path} and returns the request the responder received. */
    static Request get(String path, Simulate options) {
        Request[] seen = new Request[1];
        App app = new App();
        app.addRoute("/x/{p}", new Object() {
            public void onGet(Request req, Response resp, String p) {
                seen[0] = req;
            }
        });
        new TestClient(app).simulateGet(path, options);
        return seen[0];
    }

    /** Simulates GET {@code path} with a responder that reads what {@code body} reads. */
    static Result run(String path, Simulate options, BiConsumer<Request, Response> body) {
        App app = new App();
        app.addRoute("/x/{p}", new Object() {
            public void onGet(Request req, Response resp, String p) {
                body.accept(req, resp);
            }
        });
        return new TestClient(app).simulateGet(path, options);
    }
}
