package benchmarks.app;

import static org.assertj.core.api.Assertions.assertThat;

import falcon.testing.Result;
import falcon.testing.Simulate;
import falcon.testing.TestClient;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every answer of {@code benchmarks/ENDPOINTS.md}, byte for byte, as {@code check.sh} checks
 * it over HTTP; here in memory.
 */
class BenchAppTest {

    private final TestClient client = new TestClient(BenchApp.create());

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = BenchAppTest.class.getResourceAsStream("/bench/" + name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }

    /** The routes of routes.txt: {method, template, kind or ""}. */
    static List<String[]> routes() throws IOException {
        List<String[]> routes = new ArrayList<>();
        for (String line : new String(resource("routes.txt"), StandardCharsets.UTF_8).split("\n")) {
            String trimmed = line.trim();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] words = trimmed.split("\\s+");
            routes.add(new String[] {words[0], words[1], words.length > 2 ? words[2] : ""});
        }
        return routes;
    }

    static Stream<String> fillers() throws IOException {
        return routes().stream().filter(r -> r[2].isEmpty()).map(r -> r[1]);
    }

    private static String mediaType(Result result) {
        String type = result.getHeader("Content-Type");
        return type == null ? null : type.split(";")[0].trim().toLowerCase(Locale.ROOT);
    }

    private static void assertAnswer(Result result, String mediaType, String body) {
        assertThat(result.getStatusCode()).isEqualTo(200);
        assertThat(mediaType(result)).isEqualTo(mediaType);
        assertThat(result.getContent()).isEqualTo(body.getBytes(StandardCharsets.UTF_8));
        assertThat(result.getHeader("Content-Length")).isEqualTo(Integer.toString(result.getContent().length));
    }

    private static void assertNoMiddlewareHeaders(Result result) {
        assertThat(result.getHeader("X-MW-1")).isNull();
        assertThat(result.getHeader("X-MW-2")).isNull();
        assertThat(result.getHeader("X-MW-3")).isNull();
    }

    @Test
    void registersTheFortyRoutesInTheOrderOfRoutesTxt() throws IOException {
        List<String> registered = new ArrayList<>(List.of("/plaintext", "/json", "/echo", "/mw"));
        registered.addAll(BenchApp.FILLERS_A);
        registered.add("/users/{id:int}/items/{item}");
        registered.addAll(BenchApp.FILLERS_B);

        assertThat(registered).hasSize(40)
                .containsExactlyElementsOf(routes().stream().map(r -> r[1]).toList());
    }

    @Test
    void plaintextIsHelloWorldAsTextWithoutMiddlewareHeaders() {
        Result result = client.simulateGet("/plaintext");

        assertAnswer(result, "text/plain", "Hello, World!");
        assertNoMiddlewareHeaders(result);
    }

    @Test
    void jsonIsCompact() {
        Result result = client.simulateGet("/json");

        assertAnswer(result, "application/json", "{\"message\":\"Hello, World!\"}");
        assertNoMiddlewareHeaders(result);
    }

    @Test
    void routeCarriesTheIntIdTheItemAndQ() {
        assertAnswer(client.simulateGet("/users/42/items/abc123?q=test"), "application/json",
                "{\"user\":42,\"item\":\"abc123\",\"q\":\"test\"}");
    }

    @Test
    void routeWritesNullWhenQIsAbsent() {
        assertAnswer(client.simulateGet("/users/42/items/abc123"), "application/json",
                "{\"user\":42,\"item\":\"abc123\",\"q\":null}");
    }

    @Test
    void routeAcceptsASignedIdAndDecodesQ() {
        assertAnswer(client.simulateGet("/users/-7/items/x?q=a%20b"), "application/json",
                "{\"user\":-7,\"item\":\"x\",\"q\":\"a b\"}");
    }

    @Test
    void routeWritesNonAsciiAsUtf8() {
        assertAnswer(client.simulateGet("/users/1/items/caf%C3%A9?q=%C3%BC"), "application/json",
                "{\"user\":1,\"item\":\"caf\u00e9\",\"q\":\"\u00fc\"}");
    }

    @ParameterizedTest
    @MethodSource("nonIntegerIds")
    void aNonIntegerIdDoesNotMatch(String path) {
        assertThat(client.simulateGet(path).getStatusCode()).isEqualTo(404);
    }

    static Stream<String> nonIntegerIds() {
        return Stream.of("/users/abc/items/abc123?q=test", "/users/4.2/items/abc123", "/users/abc/items/x");
    }

    @Test
    void echoAnswersThePayloadByteForByte() throws IOException {
        byte[] payload = resource("payload.json");
        assertThat(payload).hasSize(1071);

        Result result = client.simulatePost("/echo", Simulate.with().body(payload).contentType("application/json"));

        assertThat(result.getStatusCode()).isEqualTo(200);
        assertThat(mediaType(result)).isEqualTo("application/json");
        assertThat(result.getContent()).isEqualTo(payload);
        assertNoMiddlewareHeaders(result);
    }

    @Test
    void mwIsPlaintextWithTheThreeHeaders() {
        Result result = client.simulateGet("/mw");

        assertAnswer(result, "text/plain", "Hello, World!");
        assertThat(result.getHeader("X-MW-1")).isEqualTo("1");
        assertThat(result.getHeader("X-MW-2")).isEqualTo("2");
        assertThat(result.getHeader("X-MW-3")).isEqualTo("3");
    }

    @Test
    void anUnknownPathIs404() {
        Result result = client.simulateGet("/no/such/route");

        assertThat(result.getStatusCode()).isEqualTo(404);
        assertNoMiddlewareHeaders(result);
    }

    @ParameterizedTest
    @MethodSource("fillers")
    void everyFillerAnswersOk(String template) {
        // As check.sh: {x:int} -> 7, {x} -> v1.
        String path = template.replaceAll("\\{[a-z_]*:int}", "7").replaceAll("\\{[a-z_]*}", "v1");

        Result result = client.simulateGet(path);

        assertAnswer(result, "text/plain", "ok");
        assertNoMiddlewareHeaders(result);
    }

    @Test
    void thereAreThirtyFiveFillers() throws IOException {
        assertThat(fillers().count()).isEqualTo(35);
    }
}
