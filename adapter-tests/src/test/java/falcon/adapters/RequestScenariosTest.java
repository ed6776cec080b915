package falcon.adapters;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What a responder sees of a request, on every adapter: a JSON body parsed (and a malformed one
 * refused as the client's fault), the query string as sent, the path decoded by Falcon, repeated
 * headers in order, and the peer, scheme and protocol of the connection; also what becomes of a
 * percent-encoded slash and of a WebSocket upgrade sent to a plain resource, where the adapters
 * legitimately differ.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class RequestScenariosTest {

    @RegisterExtension
    static final SharedServers SERVERS = new SharedServers();

    private static Client client(Adapter adapter) throws Exception {
        return SERVERS.on(adapter).client();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Adapter.class)
    void aPostedJsonBodyReachesTheResponderParsed(Adapter adapter) throws Exception {
        ClientResponse r = client(adapter).send(ClientRequest.post("/things")
                .header("Content-Type", "application/json").body("{\"name\": \"ünïcode\", \"n\": 3}"));
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.json()).isEqualTo(Map.of("echo", Map.of("name", "ünïcode", "n", 3)));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Adapter.class)
    void malformedJsonIsA400NotA500(Adapter adapter) throws Exception {
        ClientResponse r = client(adapter).send(ClientRequest.post("/things")
                .header("Content-Type", "application/json").body("{\"name\": "));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.header("content-type")).hasValue("application/json");
        assertThat(r.json()).containsEntry("title", "Invalid JSON");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Adapter.class)
    void theQueryStringReachesTheResponderUndecoded(Adapter adapter) throws Exception {
        ClientResponse r = client(adapter).send(ClientRequest.get("/query?q=a%20b+c%2Bd&amp=%26%3D"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json()).containsEntry("raw", "q=a%20b+c%2Bd&amp=%26%3D")
                .containsEntry("q", "a b c+d")
                .containsEntry("amp", "&=");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Adapter.class)
    void percentEncodedPathCharactersAreDecodedByFalcon(Adapter adapter) throws Exception {
        ClientResponse r = client(adapter).send(ClientRequest.get("/things/caf%C3%A9%20au%20lait"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json()).containsEntry("id", "café au lait").containsEntry("path", "/things/café au lait");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Adapter.class)
    void anEncodedSlashIsRefusedByTheContainersAndASeparatorToFalcon(Adapter adapter) throws Exception {
        ClientResponse r = client(adapter).send(ClientRequest.get("/things/a%2Fb"));
        switch (adapter) {
            // Jetty's default UriCompliance rejects an ambiguous path separator, and Tomcat's
            // default encodedSolidusHandling is "reject": the App never sees the request.
            case JETTY, TOMCAT -> assertThat(r.status()).isEqualTo(400);
            // Falcon gets the raw path and decodes all of it before routing, as a WSGI server
            // decodes PATH_INFO: %2F becomes a separator, and /things/a/b matches no route.
            case IN_MEMORY, NETTY -> {
                assertThat(r.status()).isEqualTo(404);
                assertThat(r.json()).isEqualTo(Map.of("title", "404 Not Found"));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Adapter.class)
    void repeatedRequestHeadersKeepEveryValueInOrder(Adapter adapter) throws Exception {
        ClientResponse r = client(adapter).send(ClientRequest.get("/headers")
                .header("X-Tag", "first").header("X-Tag", "second"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json()).containsEntry("tag", "first,second").containsEntry("all", List.of("first", "second"));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Adapter.class)
    void peerSchemeAndProtocolComeFromTheConnection(Adapter adapter) throws Exception {
        ClientResponse r = client(adapter).send(ClientRequest.get("/peer"));
        // In memory these are Simulate's defaults, which are those of a plain local HTTP/1.1 client.
        assertThat(r.json()).isEqualTo(Map.of("remoteAddr", "127.0.0.1", "scheme", "http", "protocol", "HTTP/1.1",
                "rootPath", ""));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Adapter.class)
    void aWebSocketUpgradeToAPlainResourceIsRefusedOnlyWhereWebSocketsAreServed(Adapter adapter) throws Exception {
        ClientResponse r = client(adapter).send(ClientRequest.get("/hello")
                .header("Connection", "Upgrade").header("Upgrade", "websocket")
                .header("Sec-WebSocket-Version", "13").header("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ=="));
        switch (adapter) {
            // The embedded server serves WebSockets: the upgrade goes to the App's WebSocket flow,
            // which finds no onWebsocket and closes (3405) before accepting; the server answers
            // such a handshake 403, as ASGI servers do.
            case NETTY -> {
                assertThat(r.status()).isEqualTo(403);
                assertThat(r.body()).isEmpty();
            }
            // The servlet adapter has no WebSocket support, and TestClient opens a WebSocket only
            // through simulateWs: to both, an upgrade request is a plain GET.
            case IN_MEMORY, JETTY, TOMCAT -> {
                assertThat(r.status()).isEqualTo(200);
                assertThat(r.headers("upgrade")).isEmpty();
                assertThat(r.text()).isEqualTo(ScenarioApp.HELLO);
            }
        }
    }
}
