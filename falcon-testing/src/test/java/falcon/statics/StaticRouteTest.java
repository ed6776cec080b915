package falcon.statics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import falcon.App;
import falcon.testing.Result;
import falcon.testing.Simulate;
import falcon.testing.TestClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Falcon: tests/test_static.py; expected values recorded from Falcon 3.1.1. */
class StaticRouteTest {

    @TempDir
    Path tmp;
    Path dir;
    TestClient client;

    @BeforeEach
    void files() throws IOException {
        dir = Files.createDirectories(tmp.resolve("static"));
        Files.createDirectories(dir.resolve("sub"));
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Files.writeString(dir.resolve("ten.txt"), "0123456789");
        Files.writeString(dir.resolve("index.html"), "<h1>hi</h1>\n");
        Files.writeString(dir.resolve("sub/a.css"), "css\n");
        Files.writeString(dir.resolve("noext"), "x");
        Files.writeString(dir.resolve("\u00e9.txt"), "x");
        Files.write(dir.resolve("empty.bin"), new byte[0]);
        Files.writeString(outside.resolve("secret.txt"), "secret\n");
        Files.createSymbolicLink(dir.resolve("link"), outside);
        App app = new App();
        app.addStaticRoute("/static", dir);
        app.addStaticRoute("/dl", dir, true, null);
        app.addStaticRoute("/fb", dir, false, "index.html");
        client = new TestClient(app);
    }

    @Test
    void filesAreServedWithTypeLengthAndAcceptRanges() {
        Result r = client.simulateGet("/static/ten.txt");
        assertThat(r.getStatusCode()).isEqualTo(200);
        assertThat(r.getText()).isEqualTo("0123456789");
        assertThat(r.getHeader("Content-Type")).isEqualTo("text/plain");
        assertThat(r.getHeader("Content-Length")).isEqualTo("10");
        assertThat(r.getHeader("Accept-Ranges")).isEqualTo("bytes");
        assertThat(client.simulateGet("/static/index.html").getHeader("Content-Type")).isEqualTo("text/html");
        assertThat(client.simulateGet("/static/sub/a.css").getHeader("Content-Type")).isEqualTo("text/css");
        assertThat(client.simulateGet("/static/noext").getHeader("Content-Type")).isEqualTo("application/octet-stream");
        assertThat(client.simulateGet("/static/%C3%A9.txt").getText()).isEqualTo("x");
    }

    @Test
    void anyMethodIsServedAndHeadHasNoBody() {
        assertThat(client.simulatePost("/static/ten.txt").getText()).isEqualTo("0123456789");
        assertThat(client.simulateDelete("/static/ten.txt").getText()).isEqualTo("0123456789");
        Result head = client.simulateHead("/static/ten.txt");
        assertThat(head.getContent()).isEmpty();
        assertThat(head.getHeader("Content-Length")).isEqualTo("10");
    }

    @Test
    void optionsIsAnsweredAllowGetWithoutOpeningAFile() {
        // Falcon 4.0 (falcon/routing/static.py): a likely CORS preflight; 3.1.1 served the file
        for (String path : new String[] {"/static/ten.txt", "/static/nope.txt", "/fb/", "/dl/ten.txt"}) {
            Result r = client.simulateOptions(path);
            assertThat(r.getStatusCode()).as(path).isEqualTo(200);
            assertThat(r.getHeader("Allow")).as(path).isEqualTo("GET");
            assertThat(r.getHeader("Content-Length")).as(path).isEqualTo("0");
            assertThat(r.getContent()).as(path).isEmpty();
            assertThat(r.getHeader("ETag")).as(path).isNull();
            assertThat(r.getHeader("Content-Disposition")).as(path).isNull();
        }
    }

    @Test
    void anEncodedSlashIsJustASlash() {
        // As in Falcon: the path is decoded before the checks.
        assertThat(client.simulateGet("/static/sub%2fa.css").getText()).isEqualTo("css\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/static/sub", "/static/nope.txt", "/static", "/static/", "/static/../outside/secret.txt",
        "/static/%2e%2e/outside/secret.txt", "/static/%2E%2E%2Foutside%2Fsecret.txt", "/static/sub\\a.css",
        "/static/sub%5Ca.css", "/static/sub//a.css", "/static/~ten.txt", "/static/ten.txt.", "/static/ten.txt%20",
        "/static/%20ten.txt", "/static/ten%01.txt", "/static/ten%00.txt", "/static/ten%7F.txt", "/static/a%3Fb",
        "/static/a:b", "/static/a*b", "/static/a|b", "/static/a<b>", "/static/a'b", "/static/a%22b",
        "/static/sub/../../outside/secret.txt", "/static/a..b", "/fb/../x"})
    void refusedOrMissingPathsAre404(String path) {
        Result r = client.simulateGet(path);
        assertThat(r.getStatusCode()).isEqualTo(404);
        assertThat(r.getText()).isEqualTo("{\"title\": \"404 Not Found\"}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u0001", "\u001f", "\u0080", "\u009f", "\ufffd", "~", "?", "<", ">", ":", "*", "|", "'",
        "\""})
    void aFileNamedWithAReservedCharacterIsNotServed(String c) throws IOException {
        // The file exists: only the character check can refuse it (Falcon's _DISALLOWED_CHARS_PATTERN).
        Files.writeString(dir.resolve("a" + c + "b.txt"), "x");
        String encoded = java.net.URLEncoder.encode(c, StandardCharsets.UTF_8).replace("+", "%20");
        assertThat(client.simulateGet("/static/a" + encoded + "b.txt").getStatusCode()).isEqualTo(404);
        assertThat(client.simulateGet("/static/ten.txt").getStatusCode()).isEqualTo(200);
    }

    @Test
    void overlongPathsAre404() {
        assertThat(client.simulateGet("/static/" + "a".repeat(513)).getStatusCode()).isEqualTo(404);
    }

    @Test
    void aSymbolicLinkLeadingOutsideTheDirectoryIs404() {
        // NOTE: Falcon 3.1.1 serves it (200); a request must never read outside the directory.
        assertThat(client.simulateGet("/static/link/secret.txt").getStatusCode()).isEqualTo(404);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "bytes=0-3|206|bytes 0-3/10|0123",
        "bytes=5-|206|bytes 5-9/10|56789",
        "bytes=-3|206|bytes 7-9/10|789",
        "bytes=-30|206|bytes 0-9/10|0123456789",
        "bytes=3-100|206|bytes 3-9/10|3456789",
        "bytes=0-0|206|bytes 0-0/10|0",
        "bytes=9-9|206|bytes 9-9/10|9",
        "bytes=+1-3|206|bytes 1-3/10|123",
        "bytes=-+3|206|bytes 7-9/10|789",
        "bytes= 0-3|206|bytes 0-3/10|0123",
        "items=0-3|200||0123456789",
        "BYTES=0-3|200||0123456789"})
    void aSingleRangeIsAnsweredWith206(String range, int status, String contentRange, String body) {
        Result r = client.simulateGet("/static/ten.txt", Simulate.with().header("Range", range));
        assertThat(r.getStatusCode()).isEqualTo(status);
        assertThat(r.getHeader("Content-Range")).isEqualTo(contentRange);
        assertThat(r.getText()).isEqualTo(body);
        assertThat(r.getHeader("Content-Length")).isEqualTo(Integer.toString(body.length()));
    }

    @Test
    void aRangePastTheEndIs416() {
        Result r = client.simulateGet("/static/ten.txt", Simulate.with().header("Range", "bytes=10-"));
        assertThat(r.getStatusCode()).isEqualTo(416);
        assertThat(r.getHeader("Content-Range")).isEqualTo("bytes */10");
        assertThat(r.getText()).isEqualTo("{\"title\": \"416 Range Not Satisfiable\"}");
    }

    @Test
    void aRangeOnAnEmptyFileIsIgnored() {
        Result r = client.simulateGet("/static/empty.bin", Simulate.with().header("Range", "bytes=0-3"));
        assertThat(r.getStatusCode()).isEqualTo(200);
        assertThat(r.getHeader("Content-Length")).isEqualTo("0");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "bytes=0-1,3-4|The value must be a continuous range.",
        "0-3|The value must be prefixed with a range unit, e.g. 'bytes='",
        "bytes=-|The range offsets are missing.",
        "bytes=x-y|It must be a range formatted according to RFC 7233.",
        "bytes=5-2|It must be a range formatted according to RFC 7233.",
        "bytes=-0|It must be a range formatted according to RFC 7233.",
        "bytes=|It must be a range formatted according to RFC 7233."})
    void aMalformedRangeIs400(String range, String message) {
        Result r = client.simulateGet("/static/ten.txt", Simulate.with().header("Range", range));
        assertThat(r.getStatusCode()).isEqualTo(400);
        assertThat(r.getJsonMap()).containsEntry("title", "Invalid header value")
                .containsEntry("description", "The value provided for the \"Range\" header is invalid. " + message);
    }

    @Test
    void aMalformedRangeLinksToTheRfc() {
        Result r = client.simulateGet("/static/ten.txt", Simulate.with().header("Range", "bytes=x-y"));
        assertThat(r.getText()).endsWith("\"link\": {\"text\": \"HTTP/1.1 Range Requests\", "
                + "\"href\": \"https://tools.ietf.org/html/rfc7233\", \"rel\": \"help\"}}");
    }

    @Test
    void downloadableFilesHaveAContentDisposition() {
        assertThat(client.simulateGet("/dl/ten.txt").getHeader("Content-Disposition"))
                .isEqualTo("attachment; filename=\"ten.txt\"");
        assertThat(client.simulateGet("/dl/%C3%A9.txt").getHeader("Content-Disposition"))
                .isEqualTo("attachment; filename=e_.txt; filename*=UTF-8''%C3%A9.txt");
        assertThat(client.simulateGet("/static/ten.txt").getHeader("Content-Disposition")).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/fb/nope/x.js", "/fb", "/fb/"})
    void theFallbackFileIsServedForMissingFiles(String path) {
        Result r = client.simulateGet(path);
        assertThat(r.getStatusCode()).isEqualTo(200);
        assertThat(r.getText()).isEqualTo("<h1>hi</h1>\n");
        assertThat(r.getHeader("Content-Type")).isEqualTo("text/html");
    }

    @Test
    void contentTypesComeFromTheResponseOptionsMap() throws IOException {
        // Falcon: resp_options.static_media_types (SOPT-04)
        Files.writeString(dir.resolve("notes.falcon"), "notes");
        App app = new App();
        app.addStaticRoute("/static", dir);
        app.getRespOptions().staticMediaTypes.put(".falcon", "text/x-falcon; charset=utf-8");
        app.getRespOptions().getStaticMediaTypes().put(".txt", "text/x-ten");
        TestClient custom = new TestClient(app);
        assertThat(custom.simulateGet("/static/notes.falcon").getHeader("Content-Type"))
                .isEqualTo("text/x-falcon; charset=utf-8");
        assertThat(custom.simulateGet("/static/ten.txt").getHeader("Content-Type")).isEqualTo("text/x-ten");
        assertThat(custom.simulateGet("/static/sub/a.css").getHeader("Content-Type")).isEqualTo("text/css");
        // another App keeps the defaults: each has its own copy of the map
        assertThat(client.simulateGet("/static/ten.txt").getHeader("Content-Type")).isEqualTo("text/plain");
        assertThat(client.simulateGet("/static/notes.falcon").getHeader("Content-Type"))
                .isEqualTo("application/octet-stream");
    }

    @Test
    void aReplacedMediaTypesMapIsUsedAsIs() {
        App app = new App();
        app.addStaticRoute("/static", dir);
        app.getRespOptions().staticMediaTypes = java.util.Map.of(".html", "application/xhtml+xml");
        TestClient custom = new TestClient(app);
        assertThat(custom.simulateGet("/static/index.html").getHeader("Content-Type"))
                .isEqualTo("application/xhtml+xml");
        assertThat(custom.simulateGet("/static/ten.txt").getHeader("Content-Type"))
                .isEqualTo("application/octet-stream");
    }

    @Test
    void theDefaultMapStartsAsFalconsTable() {
        assertThat(new App().getRespOptions().getStaticMediaTypes())
                .isEqualTo(falcon.routing.StaticRoute.defaultStaticMediaTypes())
                .containsEntry(".css", "text/css").containsEntry(".html", "text/html");
    }


    @Test
    void everyLineOfTheSystemMimeTypesFileIsRead() throws IOException {
        Path system = Paths.get("/etc/mime.types");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isReadable(system), "no /etc/mime.types here");
        // the reference reading: Python's mimetypes splits each line on whitespace after '#'
        java.util.Map<String, String> expected = new java.util.HashMap<>();
        for (String line : Files.readAllLines(system, StandardCharsets.UTF_8)) {
            int hash = line.indexOf('#');
            String[] words = (hash >= 0 ? line.substring(0, hash) : line).trim().split("\\s+");
            for (int i = 1; i < words.length; i++) {
                expected.put("." + words[i], words[0]);
            }
        }
        assertThat(expected).isNotEmpty();
        assertThat(falcon.routing.StaticRoute.defaultStaticMediaTypes()).containsAllEntriesOf(expected);
    }
    @Test
    void staticRoutesAreTriedLastAddedFirst() throws IOException {
        Path other = Files.createDirectories(tmp.resolve("other"));
        Files.writeString(other.resolve("ten.txt"), "other");
        App app = new App();
        app.addStaticRoute("/s", dir);
        app.addStaticRoute("/s", other);
        assertThat(new TestClient(app).simulateGet("/s/ten.txt").getText()).isEqualTo("other");
    }

    @Test
    void routesMaskStaticRoutes() {
        App app = new App();
        app.addStaticRoute("/static", dir);
        app.addRoute("/static/ten.txt", new Object() {
            public void onGet(falcon.Request req, falcon.Response resp) {
                resp.setText("route");
            }
        });
        assertThat(new TestClient(app).simulateGet("/static/ten.txt").getText()).isEqualTo("route");
    }

    @Test
    void badArgumentsFailAtAddStaticRoute() {
        App app = new App();
        assertThatThrownBy(() -> app.addStaticRoute("static", dir)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("prefix must start with '/'");
        assertThatThrownBy(() -> app.addStaticRoute("/x", Paths.get("relative/dir")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("directory must be an absolute path");
        assertThatThrownBy(() -> app.addStaticRoute("/x", dir, false, "nope.html"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("fallback_filename is not a file");
    }

    @Test
    void bigFilesStreamWithTheirLength() throws IOException {
        byte[] data = new byte[3 * 1024 * 1024 + 7];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) i;
        }
        Files.write(dir.resolve("big.bin"), data);
        Result r = client.simulateGet("/static/big.bin");
        assertThat(r.getContent()).isEqualTo(data);
        assertThat(r.getHeader("Content-Length")).isEqualTo(Integer.toString(data.length));
        Result tail = client.simulateGet("/static/big.bin", Simulate.with().header("Range", "bytes=-7"));
        assertThat(tail.getContent()).isEqualTo(java.util.Arrays.copyOfRange(data, data.length - 7, data.length));
        assertThat(new String(tail.getContent(), StandardCharsets.ISO_8859_1)).hasSize(7);
    }
}
