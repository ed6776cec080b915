package falcon.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import falcon.App;
import falcon.Before;
import falcon.Request;
import falcon.Response;
import falcon.ResponseOptions;
import falcon.Status;
import falcon.routing.RouteParams;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Falcon: {@code falcon/testing/resource.py} and the helpers of {@code helpers.py} (tests/test_utils.py). */
class TestingHelpersTest {

    @Nested
    class SimpleTestResources {

        @ParameterizedTest
        @ValueSource(booleans = {false, true})
        void capturesTheArgumentsOfGetAndPost(boolean async) {
            TestResourceState resource = async ? new SimpleTestResourceAsync() : new SimpleTestResource();
            App app = new App();
            app.addRoute("/items/{id}/{part}", resource);
            assertThat(resource.isCalled()).isFalse();
            assertThat(resource.getCapturedReq()).isNull();

            Result result = new TestClient(app).simulatePost("/items/7/head", Simulate.with().body("x"));

            assertThat(result.getStatusCode()).isEqualTo(200);
            assertThat(result.getContent()).isEmpty();
            assertThat(resource.isCalled()).isTrue();
            assertThat(resource.getCapturedReq().getPath()).isEqualTo("/items/7/head");
            assertThat(resource.getCapturedReq().getMethod()).isEqualTo("POST");
            assertThat(resource.getCapturedResp()).isNotNull();
            assertThat(resource.getCapturedKwargs()).containsExactly(Map.entry("id", "7"), Map.entry("part", "head"));
            assertThat(resource.getCapturedReqBody()).isNull();
            assertThat(resource.getCapturedReqMedia()).isNull();
        }

        @ParameterizedTest
        @ValueSource(booleans = {false, true})
        void answersItsDefaultStatusBodyAndHeaders(boolean async) {
            Map<String, String> headers = Map.of("X-Test", "yes");
            Object resource = async ? new SimpleTestResourceAsync(Status.HTTP_202, "hello", null, headers)
                    : new SimpleTestResource(Status.HTTP_202, "hello", null, headers);
            App app = new App();
            app.addRoute("/", resource);

            Result result = new TestClient(app).simulateGet("/");

            assertThat(result.getStatus()).isEqualTo("202 Accepted");
            assertThat(result.getText()).isEqualTo("hello");
            assertThat(result.getHeader("X-Test")).isEqualTo("yes");
        }

        @Test
        void jsonIsWrittenAsPythonsJsonDumpsWithoutAsciiEscapes() {
            SimpleTestResource resource = new SimpleTestResource(null, null, Map.of("name", "café"), null);
            App app = new App();
            app.addRoute("/", resource);

            Result result = new TestClient(app).simulateGet("/");

            assertThat(result.getText()).isEqualTo("{\"name\": \"café\"}");
        }

        @Test
        void bodyAndJsonTogetherAreRefused() {
            assertThatThrownBy(() -> new SimpleTestResource(null, "x", Map.of(), null))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("Either json or body may be specified, but not both");
        }

        @ParameterizedTest
        @ValueSource(booleans = {false, true})
        void capturesTheFirstBodyBytesWhenAsked(boolean async) {
            TestResourceState resource = async ? new SimpleTestResourceAsync() : new SimpleTestResource();
            App app = new App();
            app.addRoute("/", resource);

            new TestClient(app).simulatePost("/",
                    Simulate.with().body("abcdefgh").header("capture-req-body-bytes", "3"));

            assertThat(new String(resource.getCapturedReqBody(), StandardCharsets.UTF_8)).isEqualTo("abc");
            assertThat(resource.getCapturedReqMedia()).isNull();
        }

        @ParameterizedTest
        @ValueSource(booleans = {false, true})
        void capturesTheMediaWhenAsked(boolean async) {
            TestResourceState resource = async ? new SimpleTestResourceAsync() : new SimpleTestResource();
            App app = new App();
            app.addRoute("/", resource);

            new TestClient(app).simulatePost("/",
                    Simulate.with().json(Map.of("a", 1)).header("capture-req-media", "y"));

            assertThat(resource.getCapturedReqMedia()).isEqualTo(Map.of("a", 1));
            assertThat(resource.getCapturedReqBody()).isNull();
        }

        @Test
        void aSubclassHooksItsOwnResponders() {
            Hooked resource = new Hooked();
            App app = new App();
            app.addRoute("/{id}", resource);

            Result result = new TestClient(app).simulatePut("/9");

            assertThat(result.getText()).isEqualTo("put");
            assertThat(result.getHeader("X-Default")).isEqualTo("1");
            assertThat(resource.getCapturedKwargs()).containsEntry("id", "9");
        }

        @Test
        void theHooksRefuseOtherResources() {
            App app = new App();
            app.addRoute("/", new Unrelated());

            Result result = new TestClient(app).simulateGet("/");

            assertThat(result.getStatusCode()).isEqualTo(500);
        }

        @Test
        void theRefusalNamesTheResourceClass() {
            assertThatThrownBy(() -> new CaptureResponderArgs().before(Testing.createReq("/"), Testing.createResp(),
                    new Unrelated(), new RouteParams()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("CaptureResponderArgs hooks a responder of a SimpleTestResource or "
                            + "SimpleTestResourceAsync (or a subclass), not of " + Unrelated.class.getName());
        }
    }

    /** A subclass with a responder of its own, hooked as Falcon's docs show. */
    public static class Hooked extends SimpleTestResource {
        Hooked() {
            super(null, null, null, Map.of("X-Default", "1"));
        }

        @Before(CaptureResponderArgs.class)
        @Before(SetRespDefaults.class)
        public void onPut(Request req, Response resp, String id) {
            resp.setText("put");
        }
    }

    /** Not a test resource: the hooks cannot capture onto it. */
    public static class Unrelated {
        @Before(SetRespDefaultsAsync.class)
        public CompletionStage<Void> onGet(Request req, Response resp) {
            return CompletableFuture.completedFuture(null);
        }
    }

    @Nested
    class RandString {

        @Test
        void hasALengthInRangeAndPrintableAsciiOnly() {
            Set<Integer> lengths = new HashSet<>();
            for (int i = 0; i < 500; i++) {
                String s = Testing.randString(2, 5);
                lengths.add(s.length());
                assertThat(s.chars()).allMatch(c -> c >= ' ' && c <= '~');
            }
            assertThat(lengths).containsExactlyInAnyOrder(2, 3, 4, 5);
        }

        @Test
        void equalBoundsGiveThatLength() {
            assertThat(Testing.randString(7, 7)).hasSize(7);
            assertThat(Testing.randString(0, 0)).isEmpty();
        }

        @Test
        void invertedBoundsAreRefused() {
            assertThatThrownBy(() -> Testing.randString(5, 2)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void getUnusedPortGivesAPortThatCanBeBound() throws Exception {
        int port = Testing.getUnusedPort();

        assertThat(port).isBetween(1, 65535);
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            assertThat(socket.getLocalPort()).isEqualTo(port);
        }
    }

    @Test
    void redirectedSendsSystemOutAndErrElsewhereUntilClosed() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream before = System.out;
        PrintStream beforeErr = System.err;

        try (Testing.Redirected r = Testing.redirected(new PrintStream(out, true), new PrintStream(err, true))) {
            System.out.print("to out");
            System.err.print("to err");
        }

        assertThat(out.toString()).isEqualTo("to out");
        assertThat(err.toString()).isEqualTo("to err");
        assertThat(System.out).isSameAs(before);
        assertThat(System.err).isSameAs(beforeErr);
    }

    @Test
    void redirectedLeavesANullStreamAsItIs() {
        PrintStream beforeErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        try (Testing.Redirected r = Testing.redirected(new PrintStream(out, true), null)) {
            assertThat(System.err).isSameAs(beforeErr);
        }
    }

    @Nested
    class GetEncodingFromHeaders {

        @Test
        void theCharsetParameterWinsQuotesStripped() {
            assertThat(Testing.getEncodingFromHeaders(Map.of("Content-Type", "text/plain; charset=\"utf-16\"")))
                    .isEqualTo("utf-16");
            assertThat(Testing.getEncodingFromHeaders(Map.of("content-type", "application/json; charset='latin-1'")))
                    .isEqualTo("latin-1");
        }

        @Test
        void jsonAndEventStreamAreUtf8TextIsLatin1() {
            assertThat(Testing.getEncodingFromHeaders(Map.of("content-type", "application/json"))).isEqualTo("UTF-8");
            assertThat(Testing.getEncodingFromHeaders(Map.of("CONTENT-TYPE", "text/event-stream"))).isEqualTo("UTF-8");
            assertThat(Testing.getEncodingFromHeaders(Map.of("content-type", "text/html"))).isEqualTo("ISO-8859-1");
        }

        @Test
        void otherwiseNone() {
            assertThat(Testing.getEncodingFromHeaders(Map.of("content-type", "image/png"))).isNull();
            assertThat(Testing.getEncodingFromHeaders(Map.of("content-type", ""))).isNull();
            assertThat(Testing.getEncodingFromHeaders(Map.of())).isNull();
        }

        @Test
        void agreesWithFalconOnAResult() {
            App app = new App();
            app.addRoute("/", new SimpleTestResource(null, null, List.of(1), null));

            Result result = new TestClient(app).simulateGet("/");

            assertThat(Testing.getEncodingFromHeaders(result.getHeaders())).isEqualTo("UTF-8");
        }
    }

    @Nested
    class Factories {

        @Test
        void createAsgiReqTakesEveryOptionOfSimulate() {
            Request req = Testing.createAsgiReq("PUT", "/a%20b", Simulate.with()
                    .queryString("x=1").header("X-H", "v").body("body").contentType("text/plain")
                    .cookie("c", "d").host("example.com").port(8080).remoteAddr("10.0.0.1")
                    .scheme("https").httpVersion("2").rootPath("/root"));

            assertThat(req.getMethod()).isEqualTo("PUT");
            assertThat(req.getPath()).isEqualTo("/a b");
            assertThat(req.getQueryString()).isEqualTo("x=1");
            assertThat(req.getHeader("X-H")).isEqualTo("v");
            assertThat(req.getContentType()).isEqualTo("text/plain");
            assertThat(req.getCookies()).containsEntry("c", "d");
            assertThat(req.getHost()).isEqualTo("example.com");
            assertThat(req.getPort()).isEqualTo(8080);
            assertThat(req.getRemoteAddr()).isEqualTo("10.0.0.1");
            assertThat(req.getScheme()).isEqualTo("https");
            assertThat(req.getProtocol()).isEqualTo("HTTP/2");
            assertThat(req.getRootPath()).isEqualTo("/root");
            assertThat(req.readAllAsync().join()).isEqualTo("body".getBytes(StandardCharsets.UTF_8));
        }

        @Test
        void createRespTakesItsOptions() {
            ResponseOptions options = new ResponseOptions();
            options.secureCookiesByDefault = false;

            Response resp = Testing.createResp(options);

            assertThat(resp.getOptions()).isSameAs(options);
        }
    }
}
