package falcon.server;

import static org.assertj.core.api.Assertions.assertThat;

import falcon.App;
import falcon.Request;
import falcon.Response;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.InflaterInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Response compression and decompressed request bodies over the server, with curl ({@code
 * --compressed}) and the JDK's client.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
@ExtendWith(NoLeaks.class)
class CompressionTest {

    static final String TEXT = "All work and no play makes Jack a dull boy.\n".repeat(200); // 8800 bytes
    static final long LIMIT = 64 * 1024;

    static Server server;
    static Server plain;
    static String base;
    static final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    public static final class Docs {
        public void onGet(Request req, Response resp, String kind) {
            switch (kind) {
                case "big":
                    resp.setText(TEXT);
                    break;
                case "small":
                    resp.setText("tiny");
                    break;
                case "json":
                    resp.setMedia(Map.of("text", TEXT));
                    break;
                case "png":
                    resp.setContentType("image/png");
                    resp.setData(TEXT.getBytes(StandardCharsets.UTF_8));
                    break;
                case "range":
                    resp.setStatus("206 Partial Content");
                    resp.setHeader("Content-Range", "bytes 0-8799/10000");
                    resp.setText(TEXT);
                    break;
                case "notransform":
                    resp.setHeader("Cache-Control", "no-transform");
                    resp.setText(TEXT);
                    break;
                case "etag":
                    resp.setEtag("abc");
                    resp.setText(TEXT);
                    break;
                case "ranges":
                    resp.setAcceptRanges("bytes");
                    resp.setText(TEXT);
                    break;
                case "stream":
                    resp.setContentType("text/plain");
                    resp.setStream(new ByteArrayInputStream(TEXT.getBytes(StandardCharsets.UTF_8)));
                    break;
                default:
                    throw new falcon.HTTPNotFound();
            }
        }
    }

    public static final class Upload {
        public void onPost(Request req, Response resp) throws Exception {
            byte[] body = req.getBoundedStream().readAllBytes();
            resp.setText(body.length + " " + req.getHeader("Content-Encoding") + " " + req.getContentLength());
        }
    }

    static App app() {
        App app = new App();
        app.addRoute("/docs/{kind}", new Docs());
        app.addRoute("/upload", new Upload());
        return app;
    }

    @BeforeAll
    static void start() {
        server = Server.builder(app()).host("127.0.0.1").port(0).shutdownHook(false)
                .compression(true).decompressRequests(true).maxBodyBytes(LIMIT).build().start();
        plain = Server.builder(app()).host("127.0.0.1").port(0).shutdownHook(false).build().start();
        base = "http://127.0.0.1:" + server.port();
    }

    @AfterAll
    static void stop() {
        server.close();
        plain.close();
    }

    static HttpResponse<byte[]> get(String url, String acceptEncoding) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url));
        if (acceptEncoding != null) {
            b.header("Accept-Encoding", acceptEncoding);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static String gunzip(byte[] data) throws Exception {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(data))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static byte[] gzip(byte[] data) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }

    @Test
    void curlCompressedGetsGzipAndDecodesIt() throws Exception {
        String headers = CurlSupport.run("--compressed", "-D", "-", "-o", "/dev/null", base + "/docs/big");
        assertThat(headers.toLowerCase()).contains("content-encoding: gzip").contains("vary: accept-encoding");
        String body = CurlSupport.run("--compressed", base + "/docs/big");
        assertThat(body).isEqualTo(TEXT);
        // what went over the wire is the smaller gzip
        String size = CurlSupport.run("--compressed", "-o", "/dev/null", "-w", "%{size_download}", base + "/docs/big");
        assertThat(Long.parseLong(size.trim())).isLessThan(TEXT.length() / 10);
    }

    @Test
    void theJdkClientGetsGzipOrDeflateAsItAsks() throws Exception {
        HttpResponse<byte[]> gz = get(base + "/docs/big", "gzip, deflate");
        assertThat(gz.headers().firstValue("content-encoding")).hasValue("gzip");
        assertThat(gz.headers().firstValue("content-length")).hasValue(Integer.toString(gz.body().length));
        assertThat(gunzip(gz.body())).isEqualTo(TEXT);

        HttpResponse<byte[]> deflate = get(base + "/docs/big", "deflate, gzip;q=0.5");
        assertThat(deflate.headers().firstValue("content-encoding")).hasValue("deflate");
        try (InputStream in = new InflaterInputStream(new ByteArrayInputStream(deflate.body()))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(TEXT);
        }

        HttpResponse<byte[]> json = get(base + "/docs/json", "gzip");
        assertThat(json.headers().firstValue("content-encoding")).hasValue("gzip");
        assertThat(gunzip(json.body())).contains("All work");
    }

    @Test
    void withoutAcceptEncodingOrWithQZeroTheBodyGoesAsItIs() throws Exception {
        for (String accept : new String[] {null, "identity", "gzip;q=0, deflate;q=0", "br", "*;q=0"}) {
            HttpResponse<byte[]> r = get(base + "/docs/big", accept);
            assertThat(r.headers().firstValue("content-encoding")).as(accept).isEmpty();
            assertThat(new String(r.body(), StandardCharsets.UTF_8)).as(accept).isEqualTo(TEXT);
            assertThat(r.headers().firstValue("vary")).as(accept).hasValue("Accept-Encoding");
        }
        assertThat(get(base + "/docs/big", "*").headers().firstValue("content-encoding")).hasValue("gzip");
    }

    @Test
    void smallIncompressibleRangeNoTransformAndStreamsAreNotCompressed() throws Exception {
        for (String kind : new String[] {"small", "png", "range", "notransform", "stream"}) {
            HttpResponse<byte[]> r = get(base + "/docs/" + kind, "gzip");
            assertThat(r.headers().firstValue("content-encoding")).as(kind).isEmpty();
            assertThat(r.body()).as(kind).isNotEmpty();
        }
        assertThat(get(base + "/docs/small", "gzip").headers().firstValue("vary")).isEmpty();
    }

    @Test
    void aCompressedAnswerOffersNoRanges() throws Exception {
        // a range would be one of the uncompressed bytes: a resumed download would splice the two
        assertThat(get(base + "/docs/ranges", "gzip").headers().firstValue("accept-ranges")).isEmpty();
        assertThat(get(base + "/docs/ranges", null).headers().firstValue("accept-ranges")).hasValue("bytes");
    }

    @Test
    void aStrongEtagTurnsWeakWhenTheBytesChange() throws Exception {
        assertThat(get(base + "/docs/etag", "gzip").headers().firstValue("etag")).hasValue("W/\"abc\"");
        assertThat(get(base + "/docs/etag", null).headers().firstValue("etag")).hasValue("\"abc\"");
    }

    @Test
    void compressionIsOffUnlessTheServerTurnsItOn() throws Exception {
        HttpResponse<byte[]> r = get("http://127.0.0.1:" + plain.port() + "/docs/big", "gzip");
        assertThat(r.headers().firstValue("content-encoding")).isEmpty();
        assertThat(r.headers().firstValue("vary")).isEmpty();
    }

    @Test
    void aGzipRequestBodyIsDecompressedForTheApp() throws Exception {
        byte[] packed = gzip(TEXT.getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base + "/upload"))
                .header("Content-Encoding", "gzip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(packed)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo(TEXT.length() + " null null");

        // curl sends the file as it is; the server undoes the gzip
        java.nio.file.Path file = java.nio.file.Files.createTempFile("body", ".gz");
        try {
            java.nio.file.Files.write(file, packed);
            assertThat(CurlSupport.run("--data-binary", "@" + file, "-H", "Content-Encoding: gzip",
                    base + "/upload")).isEqualTo(TEXT.length() + " null null");
        } finally {
            java.nio.file.Files.delete(file);
        }
    }

    @Test
    void aZipBombIs413() throws Exception {
        // 64 MiB of zeros packs into about 64 KiB; the limit is 64 KiB decompressed
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 64; i++) {
                gz.write(zeros);
            }
        }
        byte[] bomb = out.toByteArray();
        assertThat((long) bomb.length).isLessThan(LIMIT);

        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base + "/upload"))
                .header("Content-Encoding", "gzip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bomb)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(r.body()).contains("413");
    }

    @Test
    void notGzipIs400() throws Exception {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base + "/upload"))
                .header("Content-Encoding", "gzip")
                .POST(HttpRequest.BodyPublishers.ofString("plainly not gzip")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(400);
    }

    @Test
    void withoutDecompressRequestsTheAppGetsTheBodyAsSent() throws Exception {
        byte[] packed = gzip(TEXT.getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + plain.port() + "/upload"))
                .header("Content-Encoding", "gzip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(packed)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.body()).isEqualTo(packed.length + " gzip " + packed.length);
    }
}
