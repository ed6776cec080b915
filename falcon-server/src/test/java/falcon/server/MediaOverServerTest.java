package falcon.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import falcon.App;
import falcon.Request;
import falcon.Response;
import falcon.media.BodyPart;
import falcon.media.MultipartForm;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Media, multipart and static files over the embedded server: large parts stream
 * through, Range works on the wire, and every hostile body is a 4xx that leaves the connection
 * usable.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
@ExtendWith(NoLeaks.class)
class MediaOverServerTest {

    /** The size of the uploaded file part: more than the server's default body limit of 16 MiB. */
    private static final long PART_BYTES = 20L * 1024 * 1024;

    private static final int FILE_BYTES = 1024 * 1024 + 17;

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path tmp;

    private static Path dir;

    private static byte[] file;
    private static Server server;
    private static HttpClient client;

    /** Bytes the current upload's publisher produced; the responder samples it. */
    private static final AtomicLong produced = new AtomicLong();

    @BeforeAll
    static void start() throws IOException {
        dir = Files.createDirectories(tmp.resolve("static"));
        Files.writeString(tmp.resolve("secret.txt"), "secret");
        file = new byte[FILE_BYTES];
        for (int i = 0; i < file.length; i++) {
            file[i] = (byte) (i * 31 + i / 4096);
        }
        Files.write(dir.resolve("data.bin"), file);
        Files.writeString(dir.resolve("page.html"), "<p>hi</p>");

        App app = new App();
        app.addRoute("/hello", new Object() {
            public void onGet(Request req, Response resp) {
                resp.setContentType("text/plain");
                resp.setText("hello");
            }
        });
        app.addRoute("/echo", new Object() {
            public void onPost(Request req, Response resp) {
                resp.setMedia(req.getMedia());
            }
        });
        app.addRoute("/upload", new Upload());
        app.addRoute("/parts", new Parts());
        app.addStaticRoute("/files", dir);
        server = Server.builder(app).host("127.0.0.1").port(0).maxBodyBytes(64L * 1024 * 1024).build().start();
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** POST /upload: each file part counted and summed as it streams; how far the client was ahead. */
    public static final class Upload {
        public void onPost(Request req, Response resp) throws IOException {
            Map<String, Object> result = new LinkedHashMap<>();
            long maxAhead = 0;
            for (BodyPart part : (MultipartForm) req.getMedia()) {
                if (part.getFilename() == null) {
                    result.put(part.getName(), part.getText());
                    continue;
                }
                InputStream in = part.getStream();
                byte[] buf = new byte[32 * 1024];
                long count = 0;
                long sum = 0;
                for (int n; (n = in.read(buf)) != -1;) {
                    for (int i = 0; i < n; i++) {
                        sum += buf[i] & 0xff;
                    }
                    count += n;
                    maxAhead = Math.max(maxAhead, produced.get() - count);
                }
                result.put(part.getName(), Map.of("filename", part.getFilename(), "count", count, "sum", sum));
            }
            result.put("maxAhead", maxAhead);
            resp.setMedia(result);
        }
    }

    /** POST /parts: reads every part as text (or data) and lists the names. */
    public static final class Parts {
        public void onPost(Request req, Response resp) {
            List<String> names = new ArrayList<>();
            for (BodyPart part : (MultipartForm) req.getMedia()) {
                if (part.getText() == null) {
                    part.getData();
                }
                names.add(part.getName());
            }
            resp.setMedia(names);
        }
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    private static byte filePartByte(long i) {
        return (byte) ('a' + (i * 7 + i / 1000) % 26);
    }

    /** The part's content, produced as it is read and counted in {@link #produced}. */
    private static InputStream generatedPart() {
        return new InputStream() {
            private long pos;

            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (pos >= PART_BYTES) {
                    return -1;
                }
                int n = (int) Math.min(len, PART_BYTES - pos);
                for (int i = 0; i < n; i++) {
                    b[off + i] = filePartByte(pos++);
                }
                produced.addAndGet(n);
                return n;
            }
        };
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void aFilePartLargerThanTheBodyLimitDefaultStreamsToTheResponder(boolean chunked) throws Exception {
        byte[] head = ("--XyZ\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nholiday\r\n"
                + "--XyZ\r\nContent-Disposition: form-data; name=\"video\"; filename=\"../big.mp4\"\r\n"
                + "Content-Type: video/mp4\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] tail = "\r\n--XyZ--\r\n".getBytes(StandardCharsets.US_ASCII);
        long expectedSum = 0;
        for (long i = 0; i < PART_BYTES; i++) {
            expectedSum += filePartByte(i) & 0xff;
        }
        produced.set(0);
        // The body is produced lazily, as the client sends it: never held whole on either side.
        HttpRequest.BodyPublisher lazy = HttpRequest.BodyPublishers.ofInputStream(() -> new SequenceInputStream(
                Collections.enumeration(List.of(new ByteArrayInputStream(head), generatedPart(),
                        new ByteArrayInputStream(tail)))));
        HttpRequest.BodyPublisher body = chunked ? lazy
                : HttpRequest.BodyPublishers.fromPublisher(lazy, head.length + PART_BYTES + tail.length);

        HttpResponse<String> r = client.send(HttpRequest.newBuilder(uri("/upload"))
                .header("Content-Type", "multipart/form-data; boundary=XyZ").POST(body).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        com.fasterxml.jackson.databind.JsonNode json = JSON.readTree(r.body());
        assertThat(json.get("title").asText()).isEqualTo("holiday");
        assertThat(json.get("video").get("filename").asText()).isEqualTo("../big.mp4");
        assertThat(json.get("video").get("count").asLong()).isEqualTo(PART_BYTES);
        assertThat(json.get("video").get("sum").asLong()).isEqualTo(expectedSum);
        // The client never got more than socket and codec buffers ahead of the responder: the
        // part was not collected before the responder ran.
        assertThat(json.get("maxAhead").asLong()).isLessThan(PART_BYTES / 2);
    }

    @Test
    void aStaticFileIsDownloadedWholeWithItsLength() throws Exception {
        HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(uri("/files/data.bin")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("content-length")).hasValue(Integer.toString(FILE_BYTES));
        assertThat(r.headers().firstValue("accept-ranges")).hasValue("bytes");
        assertThat(r.headers().firstValue("content-type")).hasValue("application/octet-stream");
        assertThat(r.body()).isEqualTo(file);
    }

    @Test
    void aRangeOfAStaticFileIsA206WithThoseBytes() throws Exception {
        HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(uri("/files/data.bin"))
                .header("Range", "bytes=1000-300999").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(206);
        assertThat(r.headers().firstValue("content-range")).hasValue("bytes 1000-300999/" + FILE_BYTES);
        assertThat(r.headers().firstValue("content-length")).hasValue("300000");
        assertThat(r.body()).isEqualTo(Arrays.copyOfRange(file, 1000, 301000));

        HttpResponse<byte[]> suffix = client.send(HttpRequest.newBuilder(uri("/files/data.bin"))
                .header("Range", "bytes=-17").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(suffix.statusCode()).isEqualTo(206);
        assertThat(suffix.body()).isEqualTo(Arrays.copyOfRange(file, FILE_BYTES - 17, FILE_BYTES));
    }

    @Test
    void rangesOnOneConnectionKeepItUsableAndAnUnsatisfiableOneIsA416() throws Exception {
        try (RawHttp http = new RawHttp(server.port())) {
            RawHttp.Response part = http.send("GET /files/data.bin HTTP/1.1\r\nHost: a\r\nRange: bytes=5-9\r\n\r\n")
                    .read();
            assertThat(part.status()).isEqualTo(206);
            assertThat(part.header("content-range")).isEqualTo("bytes 5-9/" + FILE_BYTES);
            assertThat(part.body()).isEqualTo(Arrays.copyOfRange(file, 5, 10));

            RawHttp.Response past = http.send("GET /files/data.bin HTTP/1.1\r\nHost: a\r\nRange: bytes="
                    + FILE_BYTES + "-\r\n\r\n").read();
            assertThat(past.status()).isEqualTo(416);
            assertThat(past.header("content-range")).isEqualTo("bytes */" + FILE_BYTES);
            assertThat(past.text()).isEqualTo("{\"title\": \"416 Range Not Satisfiable\"}");

            RawHttp.Response head = http.send("HEAD /files/data.bin HTTP/1.1\r\nHost: a\r\nRange: bytes=0-99\r\n\r\n")
                    .read(true);
            assertThat(head.status()).isEqualTo(206);
            assertThat(head.header("content-length")).isEqualTo("100");

            RawHttp.Response whole = http.send("GET /files/page.html HTTP/1.1\r\nHost: a\r\n\r\n").read();
            assertThat(whole.status()).isEqualTo(200);
            assertThat(whole.header("content-type")).isEqualTo("text/html");
            assertThat(whole.text()).isEqualTo("<p>hi</p>");
        }
    }

    @Test
    void aCurrentCopyIsA304WithoutABodyAndTheConnectionStaysUsable() throws Exception {
        try (RawHttp http = new RawHttp(server.port())) {
            RawHttp.Response whole = http.send("GET /files/page.html HTTP/1.1\r\nHost: a\r\n\r\n").read();
            assertThat(whole.status()).isEqualTo(200);
            String etag = whole.header("etag");
            assertThat(etag).matches("\"[0-9a-f]+-9\"");
            String lastModified = whole.header("last-modified");
            assertThat(lastModified).endsWith(" GMT");

            RawHttp.Response byTag = http.send("GET /files/page.html HTTP/1.1\r\nHost: a\r\nIf-None-Match: "
                    + etag + "\r\n\r\n").read();
            assertThat(byTag.status()).isEqualTo(304);
            assertThat(byTag.header("etag")).isEqualTo(etag);
            assertThat(byTag.header("last-modified")).isEqualTo(lastModified);
            assertThat(byTag.header("content-length")).isNull();
            assertThat(byTag.body()).isEmpty();

            RawHttp.Response byDate = http.send("GET /files/page.html HTTP/1.1\r\nHost: a\r\nIf-Modified-Since: "
                    + lastModified + "\r\n\r\n").read();
            assertThat(byDate.status()).isEqualTo(304);

            // the 304s were framed right: the next answer on the connection is whole
            assertThat(http.send("GET /files/page.html HTTP/1.1\r\nHost: a\r\n\r\n").read().text())
                    .isEqualTo("<p>hi</p>");
        }
    }

    @Test
    void aPathEscapingTheDirectoryIsA404OnTheWire() throws Exception {
        try (RawHttp http = new RawHttp(server.port())) {
            for (String path : List.of("/files/../secret.txt", "/files/%2e%2e/secret.txt", "/files/..%2fsecret.txt",
                    "/files/..%5csecret.txt", "/files/sub/%2E%2E/%2E%2E/secret.txt")) {
                RawHttp.Response r = http.send("GET " + path + " HTTP/1.1\r\nHost: a\r\n\r\n").read();
                assertThat(r.status()).as(path).isIn(400, 404);
                assertThat(r.text()).doesNotContain("secret");
            }
            assertThat(http.send("GET /hello HTTP/1.1\r\nHost: a\r\n\r\n").read().text()).isEqualTo("hello");
        }
    }

    @Test
    void aLargeJsonBodyStreamedInChunksIsEchoed() throws Exception {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < 100_000; i++) {
            json.append(i == 0 ? "" : ",").append("{\"i\":").append(i).append(",\"s\":\"caf\u00e9 ").append(i)
                    .append("\"}");
        }
        byte[] bytes = json.append(']').toString().getBytes(StandardCharsets.UTF_8);
        HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(uri("/echo"))
                .header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(r.body())).isEqualTo(JSON.readTree(bytes));
        assertThat(JSON.readTree(r.body()).get(99_999).get("s").asText()).isEqualTo("caf\u00e9 99999");
    }

    // ---------------------------------------------------------------- hostile bodies

    /** Sends one request, reads its answer, then checks the same connection still serves a GET. */
    private static RawHttp.Response answerThenReuse(byte[] request) throws IOException {
        try (RawHttp http = new RawHttp(server.port())) {
            RawHttp.Response r = http.send(request).read();
            assertThat(r.header("connection")).as("connection header of %s", r.text()).isNull();
            RawHttp.Response next = http.send("GET /hello HTTP/1.1\r\nHost: a\r\n\r\n").read();
            assertThat(next.status()).isEqualTo(200);
            assertThat(next.text()).isEqualTo("hello");
            return r;
        }
    }

    private static byte[] post(String path, String contentType, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("POST " + path + " HTTP/1.1\r\nHost: a\r\nContent-Type: " + contentType + "\r\nContent-Length: "
                + body.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(body);
        return out.toByteArray();
    }

    private static byte[] postChunked(String path, String contentType, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("POST " + path + " HTTP/1.1\r\nHost: a\r\nContent-Type: " + contentType
                + "\r\nTransfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        for (int off = 0; off < body.length; off += 8000) {
            int n = Math.min(8000, body.length - off);
            out.writeBytes((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(body, off, n);
            out.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        }
        out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        return out.toByteArray();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void aTruncatedMultipartBodyIsA400() throws Exception {
        byte[] body = ascii("--B\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nfirst\r\n"
                + "--B\r\nContent-Disposition: form-data; name=\"b\"\r\n\r\nsecond, cut her");
        RawHttp.Response r = answerThenReuse(post("/parts", "multipart/form-data; boundary=B", body));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.text()).contains("\"title\": \"Malformed multipart/form-data request media\"");
    }

    @Test
    void aMultipartBodyCutInsidePartHeadersIsA400() throws Exception {
        byte[] body = ascii("--B\r\nContent-Disposition: form-data; na");
        RawHttp.Response r = answerThenReuse(postChunked("/parts", "multipart/form-data; boundary=B", body));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.text()).contains("Malformed multipart/form-data request media");
    }

    @Test
    void aMultipartBodyWithoutItsBoundaryParameterIsA400() throws Exception {
        byte[] body = ascii("--B\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nx\r\n--B--\r\n");
        RawHttp.Response r = answerThenReuse(post("/parts", "multipart/form-data", body));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.text()).contains("Content-Type");
    }

    @Test
    void aMultipartBodyWhoseBoundaryNeverAppearsIsA400() throws Exception {
        byte[] body = ascii("--other\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nx\r\n--other--\r\n");
        RawHttp.Response r = answerThenReuse(post("/parts", "multipart/form-data; boundary=B", body));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.text()).contains("Malformed multipart/form-data request media");
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void tenThousandPartsAreA400(boolean chunked) throws Exception {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 10_000; i++) {
            sb.append("--B\r\nContent-Disposition: form-data; name=\"p").append(i).append("\"\r\n\r\nv\r\n");
        }
        byte[] body = ascii(sb.append("--B--\r\n").toString());
        byte[] request = chunked ? postChunked("/parts", "multipart/form-data; boundary=B", body)
                : post("/parts", "multipart/form-data; boundary=B", body);
        RawHttp.Response r = answerThenReuse(request);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.text()).contains("Malformed multipart/form-data request media");
    }

    @Test
    void deeplyNestedJsonIsA400() throws Exception {
        byte[] body = ascii("[".repeat(100_000) + "]".repeat(100_000));
        RawHttp.Response r = answerThenReuse(post("/echo", "application/json", body));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.text()).contains("\"title\": \"Invalid JSON\"");
    }

    @Test
    void aHugeNumberIsA400() throws Exception {
        byte[] body = ascii("{\"n\": " + "9".repeat(200_000) + "}");
        RawHttp.Response r = answerThenReuse(postChunked("/echo", "application/json", body));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.text()).contains("\"title\": \"Invalid JSON\"");
    }

    @Test
    void jsonThatIsNotUtf8IsA400() throws Exception {
        byte[] body = "{\"name\": \"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);
        RawHttp.Response r = answerThenReuse(post("/echo", "application/json", body));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.text()).contains("\"title\": \"Invalid JSON\"");
    }

    @Test
    void aTextPartWithAnUnknownCharsetIsA400() throws Exception {
        byte[] body = ascii("--B\r\nContent-Disposition: form-data; name=\"a\"\r\n"
                + "Content-Type: text/plain; charset=no-such-charset\r\n\r\nx\r\n--B--\r\n");
        RawHttp.Response r = answerThenReuse(post("/parts", "multipart/form-data; boundary=B", body));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.text()).contains("invalid text or charset: no-such-charset");
    }

    @Test
    void aTextPartThatDoesNotDecodeInItsCharsetIsA400() throws Exception {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(ascii("--B\r\nContent-Disposition: form-data; name=\"a\"\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\n\r\ncaf"));
        body.write(0xe9); // Latin-1 'é', not UTF-8
        body.writeBytes(ascii("\r\n--B--\r\n"));
        RawHttp.Response r = answerThenReuse(post("/parts", "multipart/form-data; boundary=B", body.toByteArray()));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.text()).contains("invalid text or charset: utf-8");
    }

    @Test
    void aUrlEncodedFormThatIsNotAsciiIsA4xx() throws Exception {
        byte[] body = "name=caf\u00e9".getBytes(StandardCharsets.ISO_8859_1);
        RawHttp.Response r = answerThenReuse(post("/echo", "application/x-www-form-urlencoded", body));
        assertThat(r.status()).isBetween(400, 499);
    }
}
