package falcon.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The server as the JDK's HttpClient sees it. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
@org.junit.jupiter.api.extension.ExtendWith(NoLeaks.class)
class HttpClientTest {

    private static Server server;
    private static HttpClient client;

    @BeforeAll
    static void start() {
        server = Server.serve(new TestApp().app, 0);
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    @Test
    void getReturnsTheResponderText() throws Exception {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(uri("/hello")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("Hello, world!");
        assertThat(r.headers().firstValue("content-type")).hasValue("text/plain");
    }

    @Test
    void postedJsonIsEchoed() throws Exception {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(uri("/echo"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"falcon\",\"n\":[1,2]}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("{\"name\": \"falcon\", \"n\": [1, 2]}");
    }

    @Test
    void malformedJsonIsA400NotA500() throws Exception {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(uri("/echo"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{not json")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(400);
    }

    @Test
    void unknownPathIsA404WithFalconsBody() throws Exception {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(uri("/missing")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.body()).contains("\"title\": \"404 Not Found\"");
    }

    @Test
    void connectionsAreKeptAlive() throws Exception {
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(uri("/hello")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("connection")).isEmpty();
        }
    }

    @Test
    void streamedResponseArrivesIntact() throws Exception {
        HttpResponse<InputStream> r = client.send(HttpRequest.newBuilder(uri("/stream")).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(TestApp.readStream(r.body())).isEqualTo(TestApp.STREAM_BYTES);
    }

    @Test
    void largeUploadIsStreamedToTheApp() throws Exception {
        byte[] body = new byte[3 * 1024 * 1024];
        java.util.Arrays.fill(body, (byte) 1);
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(uri("/count"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.body()).contains("\"count\": " + body.length, "\"sum\": " + body.length);
    }
}
