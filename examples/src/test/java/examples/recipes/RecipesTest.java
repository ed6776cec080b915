package examples.recipes;

import static org.assertj.core.api.Assertions.assertThat;

import falcon.App;
import falcon.server.Server;
import falcon.testing.Result;
import falcon.testing.Simulate;
import falcon.testing.TestClient;
import falcon.testing.junit.FalconTest;
import falcon.testing.junit.TestApp;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The recipes, each answering as the manual shows; where it shows no output, as real Falcon 3.1.1
 * answers the same app (the expected values below were recorded from it).
 */
@FalconTest
class RecipesTest {

    @TempDir
    Path uploads;

    final JdbcConnectionPool database = Main.createDatabase("recipes-" + System.nanoTime());

    @TestApp
    App app() {
        return Main.createApp(database, UploadResource.directory(uploads));
    }

    @AfterEach
    void closeDatabase() {
        database.dispose();
    }

    /** Reads a whole HTTP/1.1 response head from a real socket: header names as sent. */
    private static List<String> headLines(int port, String path) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            return List.of(response.substring(0, response.indexOf("\r\n\r\n")).split("\r\n"));
        }
    }

    @Nested
    class CapitalizingResponseHeaderNames {

        /** The recipe's app: FunkyResource alone. */
        private App funkyApp() {
            App app = new App();
            app.addRoute("/test", new FunkyResource());
            return app;
        }

        @Test
        void namesAreTitleCaseOrAsCustomized() throws IOException {
            CustomHeadersMiddleware app = new CustomHeadersMiddleware(funkyApp(), true,
                    Map.of("x-funky-header", "X-FuNkY-HeADeR"));
            try (Server server = Server.serve(app, 0)) {
                List<String> head = headLines(server.port(), "/test");

                assertThat(head.get(0)).isEqualTo("HTTP/1.1 200 OK");
                assertThat(head).contains("X-FuNkY-HeADeR: test", "Content-Type: application/json");
                // Date, Content-Length and Connection are the server's, as they are gunicorn's
                // under the WSGI recipe: the wrapper sees only the App's headers.
                assertThat(head).contains("content-length: 20");
            }
        }

        @Test
        void withoutTitleCaseOnlyTheCustomNamesChange() {
            Result result = new TestClient(new CustomHeadersMiddleware(funkyApp(), false,
                    Map.of("x-funky-header", "X-FuNkY-HeADeR"))).simulateGet("/test");

            assertThat(result.getHeaderLines()).containsSubsequence("X-FuNkY-HeADeR", "test")
                    .containsSubsequence("content-type", "application/json");
            assertThat(result.getText()).isEqualTo("{\"message\": \"Hello\"}");
        }

        @Test
        void titleIsPythonsStrTitle() {
            assertThat(CustomHeadersMiddleware.title("www-authenticate")).isEqualTo("Www-Authenticate");
            assertThat(CustomHeadersMiddleware.title("x-b3-traceid")).isEqualTo("X-B3-Traceid");
            assertThat(CustomHeadersMiddleware.title("ETAG")).isEqualTo("Etag");
        }
    }

    @Nested
    class OutputtingCsvFiles {

        @Test
        void aReportIsACsvAttachment(TestClient client) {
            Result result = client.simulateGet("/report");

            assertThat(result.getText()).isEqualTo("\"fruit\",\"quantity\"\r\n\"apples\",13\r\n\"oranges\",37\r\n");
            assertThat(result.getHeader("content-type")).isEqualTo("text/csv");
            assertThat(result.getHeader("content-disposition")).isEqualTo("attachment; filename=\"report.csv\"");
            assertThat(result.getHeader("content-length")).isEqualTo("47");
        }

        @Test
        void aLargeReportIsStreamedAsFalconStreamsIt(TestClient client) throws Exception {
            Result result = client.simulateGet("/fibonacci");

            byte[] body = result.getContent();
            assertThat(new String(body, StandardCharsets.US_ASCII))
                    .startsWith("\"n\",\"Fibonacci Fn\"\r\n0,0\r\n1,1\r\n2,1\r\n3,2\r\n4,3\r\n5,5\r\n")
                    .endsWith("6440906533187938298969649928516003704476137795166849228875\r\n");
            assertThat(body).hasSize(110668);
            assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body)))
                    .isEqualTo("1f282a520bbe40ba429e586724e82600c027b24b3ee93ceeee8d12b2c8d8bca5");
            assertThat(result.getHeader("content-length")).isNull();
            assertThat(result.getHeader("content-disposition")).isEqualTo("attachment; filename=\"report.csv\"");
        }

        @Test
        void theRowsAreMadeAsTheyAreRead() throws IOException {
            InputStream stream = new FibonacciReport.FibonacciStream(1000);
            byte[] first = new byte[64];

            int n = stream.read(first);

            // One row a read: the stream has not made the 1001 rows to answer the first.
            assertThat(new String(first, 0, n, StandardCharsets.US_ASCII)).isEqualTo("\"n\",\"Fibonacci Fn\"\r\n");
        }
    }

    @Nested
    class PrettifyingJsonResponses {

        @Test
        void indentFourSortsAndIndents(TestClient client) {
            Result result = client.simulateGet("/quote", Simulate.with().header("Accept", "application/json; indent=4"));

            assertThat(result.getHeader("content-type")).isEqualTo("application/json; indent=4");
            assertThat(result.getText()).isEqualTo("{\n"
                    + "    \"author\": \"Grace Hopper\",\n"
                    + "    \"quote\": \"I've always been more interested in the future than in the past.\"\n"
                    + "}");
        }

        @Test
        void nestedEmptyAndNonAsciiValuesAsPythonWritesThem() {
            Map<String, Object> nested = new LinkedHashMap<>();
            nested.put("b", Arrays.asList(1, 2.5, null, true));
            nested.put("a", "café");
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("nested", nested);
            doc.put("empty", List.of());
            doc.put("none", Map.of());
            CustomJSONHandler handler = new CustomJSONHandler();

            assertThat(new String(handler.serialize(doc, "application/json; indent=2"), StandardCharsets.UTF_8))
                    .isEqualTo("{\n  \"empty\": [],\n  \"nested\": {\n    \"a\": \"caf\\u00e9\",\n    \"b\": [\n"
                            + "      1,\n      2.5,\n      null,\n      true\n    ]\n  },\n  \"none\": {}\n}");
            assertThat(new String(handler.serialize(doc, "application/json"), StandardCharsets.UTF_8))
                    .isEqualTo("{\"nested\": {\"b\": [1, 2.5, null, true], \"a\": \"caf\\u00e9\"}, \"empty\": [], \"none\": {}}");
        }

        @Test
        void withoutAUsableIndentTheJsonIsOneLine(TestClient client) {
            for (String accept : List.of("application/json", "application/json; indent=9", "application/json; indent=x")) {
                Result result = client.simulateGet("/quote", Simulate.with().header("Accept", accept));

                assertThat(result.getHeader("content-type")).isEqualTo(accept);
                assertThat(result.getText()).isEqualTo("{\"quote\": \"I've always been more interested in the future"
                        + " than in the past.\", \"author\": \"Grace Hopper\"}");
            }
        }
    }

    @Nested
    class DecodingRawUrlPath {

        @Test
        void anEncodedSlashStaysInTheField(TestClient client) {
            Result result = client.simulateGet("/cache/http%3A%2F%2Ffalconframework.org%2Fstatus");

            assertThat(result.getJson()).isEqualTo(Map.of("url", "http://falconframework.org/status"));
        }

        @Test
        void aRealSlashStillSeparates(TestClient client) {
            assertThat(client.simulateGet("/cache/http%3A%2F%2Ffalconframework.org").getJson())
                    .isEqualTo(Map.of("url", "http://falconframework.org"));
            assertThat(client.simulateGet("/cache/http%3A%2F%2Ffalconframework.org/status").getJson())
                    .isEqualTo(Map.of("cached", true));
        }

        @Test
        void withoutTheComponentTheRequestIsNotFound() {
            App app = new App();
            app.addRoute("/cache/{url}", new URLResource());
            app.addRoute("/cache/{url}/status", new URLResource(), "status");

            Result result = new TestClient(app).simulateGet("/cache/http%3A%2F%2Ffalconframework.org%2Fstatus");

            assertThat(result.getStatusCode()).isEqualTo(404);
            assertThat(result.getText()).isEqualTo("{\"title\": \"404 Not Found\"}");
        }

        @Test
        void overARealSocketToo() throws Exception {
            try (Server server = Server.serve(app(), 0)) {
                var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + server.port()
                                + "/cache/http%3A%2F%2Ffalconframework.org%2Fstatus")).build(),
                        HttpResponse.BodyHandlers.ofString());

                assertThat(response.body()).isEqualTo("{\"url\": \"http://falconframework.org/status\"}");
            }
        }
    }

    @Nested
    class ADatabaseConnectionPerRequest {

        @Test
        void aSucceededRequestIsCommitted(TestClient client) {
            assertThat(client.simulatePost("/notes", Simulate.with().json(Map.of("text", "first"))).getStatusCode())
                    .isEqualTo(201);
            client.simulatePost("/notes", Simulate.with().json(Map.of("text", "second")));

            assertThat(client.simulateGet("/notes").getJson()).isEqualTo(List.of("first", "second"));
            assertThat(database.getActiveConnections()).isZero();
        }

        @Test
        void aFailedRequestIsRolledBack(TestClient client) {
            Result result = client.simulatePost("/notes", Simulate.with().json(Map.of("text", "x".repeat(141))));

            assertThat(result.getStatusCode()).isEqualTo(400);
            assertThat(client.simulateGet("/notes").getJson()).isEqualTo(List.of());
            assertThat(database.getActiveConnections()).isZero();
        }

        @Test
        void anUnroutedRequestTakesNoConnection(TestClient client) {
            JdbcConnectionPool counting = database;
            int before = counting.getActiveConnections();

            assertThat(client.simulateGet("/nowhere").getStatusCode()).isEqualTo(404);
            assertThat(counting.getActiveConnections()).isEqualTo(before).isZero();
        }
    }

    @Nested
    class SavingAnUploadedPartToStorage {

        private static final String BOUNDARY = "5b11af82ab65407ba8cdccf37d2a9c4f";

        private byte[] form(byte[] file) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nhello\r\n"
                    + "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"myfile\"; filename=\"a.bin\"\r\n"
                    + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            body.writeBytes(file);
            body.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
            return body.toByteArray();
        }

        @Test
        void thePartIsStoredAsItArrives(TestClient client) throws IOException {
            byte[] file = new byte[3 * 1024 * 1024 + 17];
            new Random(19).nextBytes(file);

            Result result = client.simulatePost("/upload", Simulate.with().body(form(file))
                    .contentType("multipart/form-data; boundary=" + BOUNDARY));

            assertThat(result.getStatusCode()).isEqualTo(201);
            assertThat(Files.readAllBytes(uploads.resolve("mybucket").resolve("mykey"))).isEqualTo(file);
        }

        @Test
        void theStoreReadsThePartsOwnStreamInChunks() {
            List<Integer> reads = new ArrayList<>();
            App app = new App();
            app.addRoute("/upload", new UploadResource((fileobj, bucket, key) -> {
                byte[] chunk = new byte[8192];
                int n;
                while ((n = fileobj.read(chunk)) > 0) {
                    reads.add(n);
                }
            }));
            byte[] file = new byte[100_000];

            new TestClient(app).simulatePost("/upload", Simulate.with().body(form(file))
                    .contentType("multipart/form-data; boundary=" + BOUNDARY));

            assertThat(reads.stream().mapToInt(Integer::intValue).sum()).isEqualTo(file.length);
            assertThat(reads).hasSizeGreaterThan(1).allMatch(n -> n <= 8192);
        }

        @Test
        void aFormWithoutTheFileStoresNothing(TestClient client) {
            String body = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nhello\r\n--"
                    + BOUNDARY + "--\r\n";

            Result result = client.simulatePost("/upload", Simulate.with().body(body)
                    .contentType("multipart/form-data; boundary=" + BOUNDARY));

            assertThat(result.getStatusCode()).isEqualTo(204);
            assertThat(uploads.resolve("mybucket")).doesNotExist();
        }
    }
}
