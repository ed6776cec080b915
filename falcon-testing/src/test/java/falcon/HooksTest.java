package falcon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import falcon.routing.RouteParams;
import falcon.routing.UnacceptableRouteError;
import falcon.testing.Result;
import falcon.testing.TestClient;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Falcon: tests/test_before_hooks.py, tests/test_after_hooks.py. */
class HooksTest {

    static final List<String> LOG = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void clear() {
        LOG.clear();
    }

    public static class Mark implements BeforeHook {
        private final String name;

        public Mark(String... args) {
            this.name = args.length == 0 ? "mark" : args[0];
        }

        @Override
        public void before(Request req, Response resp, Object resource, RouteParams params) {
            LOG.add("before:" + name);
        }
    }

    public static class MarkAfter implements AfterHook {
        private final String name;

        public MarkAfter(String... args) {
            this.name = args[0];
        }

        @Override
        public void after(Request req, Response resp, Object resource) {
            LOG.add("after:" + name);
        }
    }

    public static class MaxBody implements BeforeHook {
        private final int limit;

        public MaxBody(String... args) {
            this.limit = Integer.parseInt(args[0]);
        }

        @Override
        public void before(Request req, Response resp, Object resource, RouteParams params) {
            Long length = req.getContentLength();
            if (length != null && length > limit) {
                throw new HTTPPayloadTooLarge("Request body is too large",
                        "The size of the request is too large. The body must not exceed " + limit + " bytes in length.");
            }
        }
    }

    public static class DoubleId implements BeforeHook {
        @Override
        public void before(Request req, Response resp, Object resource, RouteParams params) {
            params.put("id", ((Integer) params.get("id")) * 2);
        }
    }

    public static class AddUser implements BeforeHook {
        @Override
        public void before(Request req, Response resp, Object resource, RouteParams params) {
            params.put("user", req.getHeader("X-User"));
        }
    }

    public static class Shout implements AfterHook {
        @Override
        public void after(Request req, Response resp, Object resource) {
            resp.setText(resp.getText().toUpperCase(java.util.Locale.ROOT));
        }
    }

    @Before(value = Mark.class, args = "class1")
    @Before(value = Mark.class, args = "class2")
    @After(value = MarkAfter.class, args = "class1")
    @After(value = MarkAfter.class, args = "class2")
    public static class Hooked {
        @Before(value = Mark.class, args = "method1")
        @Before(value = Mark.class, args = "method2")
        @After(value = MarkAfter.class, args = "method1")
        @After(value = MarkAfter.class, args = "method2")
        public void onGet(Request req, Response resp) {
            LOG.add("responder");
        }

        public void onPost(Request req, Response resp) {
            LOG.add("responder");
        }
    }

    @Test
    void classHooksWrapMethodHooksAndStackedHooksRunLikeDecorators() {
        App app = new App();
        app.addRoute("/h", new Hooked());
        new TestClient(app).simulateGet("/h");
        assertThat(LOG).containsExactly("before:class1", "before:class2", "before:method1", "before:method2",
                "responder", "after:method2", "after:method1", "after:class2", "after:class1");
    }

    @Test
    void classHooksApplyToEveryResponder() {
        App app = new App();
        app.addRoute("/h", new Hooked());
        new TestClient(app).simulatePost("/h");
        assertThat(LOG).containsExactly("before:class1", "before:class2", "responder", "after:class2",
                "after:class1");
    }

    public static class Upload {
        @Before(value = MaxBody.class, args = "8")
        public void onPost(Request req, Response resp) {
            resp.setText("ok");
        }
    }

    @Test
    void aBeforeHookWithArgumentsCanShortCircuit() {
        App app = new App();
        app.addRoute("/upload", new Upload());
        TestClient client = new TestClient(app);
        Result tooLarge = client.simulatePost("/upload", falcon.testing.Simulate.with().body("123456789"));
        assertThat(tooLarge.getStatus()).isEqualTo("413 Payload Too Large");
        assertThat(tooLarge.getJsonMap()).containsEntry("title", "Request body is too large");
        assertThat(client.simulatePost("/upload", falcon.testing.Simulate.with().body("1234")).getText())
                .isEqualTo("ok");
    }

    public static class Items {
        @Before(DoubleId.class)
        @After(Shout.class)
        public void onGet(Request req, Response resp, int id) {
            resp.setText("item " + id);
        }

        @Before(AddUser.class)
        public void onPut(Request req, Response resp, int id, String user) {
            resp.setText(id + " by " + user);
        }
    }

    @Test
    void beforeHooksMayChangeParamsAndAfterHooksTheResponse() {
        App app = new App();
        app.addRoute("/items/{id:int}", new Items());
        assertThat(new TestClient(app).simulateGet("/items/21").getText()).isEqualTo("ITEM 42");
    }

    @Test
    void beforeHooksMayAddParamsTheTemplateDoesNotHave() {
        App app = new App();
        app.addRoute("/items/{id:int}", new Items());
        Result result = new TestClient(app).simulatePut("/items/3",
                falcon.testing.Simulate.with().header("X-User", "ann"));
        assertThat(result.getText()).isEqualTo("3 by ann");
    }

    public static class NeedsArgs implements BeforeHook {
        @Override
        public void before(Request req, Response resp, Object resource, RouteParams params) {
        }
    }

    public static class BadHookUse {
        @Before(value = NeedsArgs.class, args = "x")
        public void onGet(Request req, Response resp) {
        }
    }

    @Test
    void argsForAHookWithoutAStringConstructorFailAtAddRoute() {
        App app = new App();
        assertThatThrownBy(() -> app.addRoute("/x", new BadHookUse()))
                .isInstanceOf(UnacceptableRouteError.class)
                .hasMessageContaining("'/x'")
                .hasMessageContaining("NeedsArgs");
    }
}
