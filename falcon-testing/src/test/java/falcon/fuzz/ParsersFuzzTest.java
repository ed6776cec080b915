package falcon.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import falcon.App;
import falcon.Forwarded;
import falcon.Request;
import falcon.Response;
import falcon.testing.Result;
import falcon.testing.Simulate;
import falcon.testing.TestClient;
import falcon.uri.Uri;
import falcon.util.HttpDates;
import java.time.DateTimeException;
import java.util.Map;

/**
 * Coverage-guided fuzz tests of every parser that takes a client's bytes, and of the URI-template
 * compiler. The rule each checks: a client's input is answered, at worst with a 4xx; never a
 * 500, never an exception escaping a parser that is not its documented one.
 *
 * <p>{@code ./mvnw test} runs each on its seeds and the inputs found so far (regression mode,
 * milliseconds). To fuzz one for real: {@code JAZZER_FUZZ=1 ./mvnw -pl falcon-testing test
 * -Dtest=ParsersFuzzTest#queryStringsAndPercentEncoding}; CI does this for a few seconds each.
 * A finding is saved under {@code src/test/resources/falcon/fuzz/ParsersFuzzTestInputs/} and
 * stays as a regression test.
 */
class ParsersFuzzTest {

    /** A resource that reads every parsed part of a request, as an application might. */
    public static class Everything {
        public void onGet(Request req, Response resp) {
            req.getCookies();
            req.getForwarded();
            req.getRange();
            req.getIfMatch();
            req.getIfNoneMatch();
            req.getIfModifiedSince();
            req.clientAccepts("application/json");
            req.getParams();
            req.getHost();
            resp.setText("ok");
        }

        public void onPost(Request req, Response resp) {
            resp.setMedia(Map.of("got", String.valueOf(req.getMedia())));
        }
    }

    private static final TestClient CLIENT;

    static {
        App app = new App();
        app.addRoute("/x", new Everything());
        CLIENT = new TestClient(app);
    }

    private static void assertAnswered(Result r) {
        assertThat(r.getStatusCode()).as(r.getText()).isLessThan(500);
    }

    @FuzzTest(maxDuration = "10s")
    void queryStringsAndPercentEncoding(FuzzedDataProvider data) {
        String s = data.consumeRemainingAsString();
        Uri.decode(s);
        Uri.decode(s, true);
        Uri.parseQueryString(s);
    }

    @FuzzTest(maxDuration = "10s")
    void forwardedHeaders(FuzzedDataProvider data) {
        Forwarded.parse(data.consumeRemainingAsString());
    }

    @FuzzTest(maxDuration = "10s")
    void httpDates(FuzzedDataProvider data) {
        String s = data.consumeRemainingAsString();
        try {
            HttpDates.httpDateToDt(s, data.consumeBoolean());
        } catch (IllegalArgumentException | DateTimeException invalid) {
            // the documented answer to a string that is not an HTTP date
        }
    }

    @FuzzTest(maxDuration = "10s")
    void requestHeaders(FuzzedDataProvider data) {
        // printable ASCII: what a header value can carry through the server's decoder
        String value = data.consumeAsciiString(200).replaceAll("[^\\x20-\\x7e]", "");
        String name = data.pickValue(new String[] {"Cookie", "Forwarded", "Range", "If-Match", "If-None-Match",
            "If-Modified-Since", "Accept", "Host", "X-Forwarded-Host", "X-Forwarded-Proto"});
        String query = data.consumeRemainingAsString().replaceAll("[^\\x21-\\x7e]", "");
        assertAnswered(CLIENT.simulateGet("/x", Simulate.with().header(name, value).queryString(query)));
    }

    @FuzzTest(maxDuration = "10s")
    void jsonBodies(FuzzedDataProvider data) {
        byte[] body = data.consumeRemainingAsBytes();
        assertAnswered(CLIENT.simulatePost("/x", Simulate.with().body(body).contentType("application/json")));
    }

    @FuzzTest(maxDuration = "10s")
    void multipartBodies(FuzzedDataProvider data) {
        String boundary = data.consumeAsciiString(20).replaceAll("[^A-Za-z0-9]", "");
        byte[] body = data.consumeRemainingAsBytes();
        assertAnswered(CLIENT.simulatePost("/x", Simulate.with().body(body)
                .contentType("multipart/form-data; boundary=" + (boundary.isEmpty() ? "b" : boundary))));
    }

    @FuzzTest(maxDuration = "10s")
    void urlEncodedForms(FuzzedDataProvider data) {
        byte[] body = data.consumeRemainingAsBytes();
        assertAnswered(CLIENT.simulatePost("/x", Simulate.with().body(body)
                .contentType("application/x-www-form-urlencoded")));
    }

    @FuzzTest(maxDuration = "10s")
    void uriTemplates(FuzzedDataProvider data) {
        // developer input: a bad template fails at addRoute with a clear error, and never hangs
        String template = "/" + data.consumeRemainingAsString();
        try {
            new App().addRoute(template, new Everything());
        } catch (IllegalArgumentException expected) { // UnacceptableRouteError and its kin
            assertThat(expected.getMessage()).isNotBlank();
        }
    }
}
