package falcon.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The server as {@code curl} sees it; skipped where curl is not installed. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
@org.junit.jupiter.api.extension.ExtendWith(NoLeaks.class)
class CurlTest {

    private static Server server;

    @BeforeAll
    static void start() {
        assumeTrue(curlPresent(), "curl is not installed");
        server = Server.serve(new TestApp().app, 0);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static boolean curlPresent() {
        try {
            return new ProcessBuilder("curl", "--version").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException | InterruptedException ex) {
            return false;
        }
    }

    private static String curl(String... args) throws Exception {
        return CurlSupport.run(args);
    }

    private static String url(String path) {
        return "http://127.0.0.1:" + server.port() + path;
    }

    @Test
    void getsText() throws Exception {
        assertThat(curl(url("/hello"))).isEqualTo("Hello, world!");
    }

    @Test
    void postsJson() throws Exception {
        assertThat(curl("-H", "Content-Type: application/json", "-d", "{\"a\":[1,2]}", url("/echo")))
                .isEqualTo("{\"a\": [1, 2]}");
    }

    @Test
    void sendsAChunkedBody() throws Exception {
        assertThat(curl("-H", "Transfer-Encoding: chunked", "--data-binary", "abc", url("/count")))
                .contains("\"count\": 3");
    }

    @Test
    void usesExpectContinueForLargeUploads() throws Exception {
        String big = "x".repeat(2 * 1024 * 1024);
        java.nio.file.Path file = java.nio.file.Files.createTempFile("falcon", ".txt");
        try {
            java.nio.file.Files.writeString(file, big);
            // curl sends Expect: 100-continue for bodies over 1 MiB
            assertThat(curl("--data-binary", "@" + file, url("/count"))).contains("\"count\": " + big.length());
        } finally {
            java.nio.file.Files.delete(file);
        }
    }

    @Test
    void headShowsTheLength() throws Exception {
        assertThat(curl("-I", url("/hello")).toLowerCase(java.util.Locale.ROOT)).contains("content-length: 13");
    }

    @Test
    void reusesTheConnection() throws Exception {
        String out = curl("-v", url("/hello"), url("/hello"));
        assertThat(out).contains("Re-using existing connection");
    }
}
