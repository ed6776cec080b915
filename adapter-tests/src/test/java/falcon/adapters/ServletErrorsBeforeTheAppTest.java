package falcon.adapters;

import static org.assertj.core.api.Assertions.assertThat;

import falcon.App;
import falcon.Request;
import falcon.Response;
import falcon.servlet.FalconServlet;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A body over the adapter's limit never reaches the App, and is answered by the App's error
 * serializer as the same error raised by a responder: in XML when the client asks for XML, in a
 * custom serializer's form when the App has one. In Jetty and in Tomcat.
 */
class ServletErrorsBeforeTheAppTest {

    public static class Hello {
        public void onPost(Request req, Response resp) throws java.io.IOException {
            resp.setText("read " + req.getBoundedStream().readAllBytes().length);
        }
    }

    static Container start(String container, App app) throws Exception {
        List<Container.Mount> mounts = List.of(new Container.Mount("", "/*", new FalconServlet(app),
                Map.of(FalconServlet.MAX_BODY_BYTES_INIT_PARAM, "1024")));
        return "jetty".equals(container) ? JettyContainer.start(mounts, 8) : TomcatContainer.start(mounts, 8);
    }

    static HttpResponse<String> post(int port, String accept) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/hello"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[4096]));
        if (accept != null) {
            b.header("Accept", accept);
        }
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"jetty", "tomcat"})
    void aBodyOverTheLimitAskedForInXmlIsA413InXml(String container) throws Exception {
        try (Container c = start(container, new App())) {
            HttpResponse<String> r = post(c.port(), "application/xml");

            assertThat(r.statusCode()).isEqualTo(413);
            assertThat(r.headers().firstValue("content-type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/xml"));
            assertThat(r.headers().firstValue("vary")).contains("Accept");
            assertThat(r.body()).startsWith("<?xml").contains("<title>413 Payload Too Large</title>");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"jetty", "tomcat"})
    void aCustomErrorSerializerRendersIt(String container) throws Exception {
        App app = new App();
        app.setErrorSerializer((req, resp, error) -> {
            resp.setContentType("text/plain");
            resp.setText("custom " + error.getStatus());
        });
        try (Container c = start(container, app)) {
            HttpResponse<String> r = post(c.port(), null);

            assertThat(r.statusCode()).isEqualTo(413);
            assertThat(r.body()).isEqualTo("custom 413 Payload Too Large");
        }
    }
}
