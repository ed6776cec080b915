package falcon.adapters;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What a client receives, on every adapter: text and JSON bodies with their Content-Type and
 * Content-Length, every Set-Cookie line, HEAD without a body, and Falcon's own JSON answers for an
 * unknown path (404), an unsupported method (405 with Allow) and a responder's bug (500).
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ResponseScenariosTest {

    @RegisterExtension
    static final SharedServers SERVERS = new SharedServers();

    private static Client client(Adapter adapter) throws Exception {
        return SERVERS.on(adapter).client();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Adapter.class)
    void aTextBodyArrivesWithItsTypeAndLength(Adapter adapter) throws Exception {
        ClientResponse r = client(adapter).send(ClientRequest.get("/hello"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.text()).isEqualTo(ScenarioApp.HELLO);
        assertThat(r.header("content-length")).hasValue("15");
        // The responder sets "text/plain; charset=utf-8". Both servlet containers re-render the
        // type they are given through setContentType, without the space; the in-memory client and
        // the Netty server send the App's value as it is.
        String expectedType = switch (adapter) {
            case JETTY, TOMCAT -> "text/plain;charset=utf-8";
            case IN_MEMORY, NETTY -> "text/plain; charset=utf-8";
        };
        assertThat(r.header("content-type")).hasValue(expectedType);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Adapter.class)
    void aStaticFileArrivesWhole(Adapter adapter) throws Exception {
        // The file leaves the App as a file region: sendfile on the Netty server, Tomcat's
        // sendfile or a copy into the output stream in the containers, a read in memory.
        ClientResponse r = client(adapter).send(ClientRequest.get("/static/big.bin"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("content-length")).hasValue(Integer.toString(ScenarioApp.STATIC_FILE_BYTES));
        assertThat(r.body()).isEqualTo(ScenarioApp.staticFileBytes());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Adapter.class)
    void aRangeOfAStaticFileArrivesExactly(Adapter adapter) throws Exception {
        ClientResponse r = client(adapter).send(ClientRequest.get("/static/big.bin").header("Range", "bytes=70000-200000"));
        assertThat(r.status()).isEqualTo(206);
        assertThat(r.header("content-range")).hasValue("bytes 70000-200000/" + ScenarioApp.STATIC_FILE_BYTES);
        assertThat(r.body()).isEqualTo(Arrays.copyOfRange(ScenarioApp.staticFileBytes(), 70000, 200001));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Adapter.class)
    void mediaIsServedAsJson(Adapter adapter) throws Exception {
        ClientResponse r = client(adapter).send(ClientRequest.get("/things"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("content-type")).hasValue("application/json");
        assertThat(r.json()).isEqualTo(Map.of("things", List.of("a", "b")));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Adapter.class)
    void everySetCookieIsSentOnItsOwnLine(Adapter adapter) throws Exception {
        ClientResponse r = client(adapter).send(ClientRequest.get("/cookies"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.headers("set-cookie")).hasSize(2)
                .anySatisfy(c -> assertThat(c).startsWith("a=1"))
                .anySatisfy(c -> assertThat(c).startsWith("b=2"));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Adapter.class)
    void anUnknownPathIsFalconsJson404(Adapter adapter) throws Exception {
        ClientResponse r = client(adapter).send(ClientRequest.get("/nowhere"));
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.header("content-type")).hasValue("application/json");
        assertThat(r.json()).isEqualTo(Map.of("title", "404 Not Found"));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Adapter.class)
    void anUnsupportedMethodIsFalcons405WithAllow(Adapter adapter) throws Exception {
        ClientResponse r = client(adapter).send(ClientRequest.of("DELETE", "/hello"));
        assertThat(r.status()).isEqualTo(405);
        assertThat(r.header("allow")).hasValue("GET, HEAD, OPTIONS");
        assertThat(r.json()).isEqualTo(Map.of("title", "405 Method Not Allowed"));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Adapter.class)
    void headHasTheLengthOfTheGetButNoBody(Adapter adapter) throws Exception {
        ClientResponse r = client(adapter).send(ClientRequest.of("HEAD", "/hello"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("content-length")).hasValue("15");
        assertThat(r.body()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Adapter.class)
    void anUnhandledExceptionIsFalcons500WithoutItsDetails(Adapter adapter) throws Exception {
        ClientResponse r = client(adapter).send(ClientRequest.get("/boom"));
        assertThat(r.status()).isEqualTo(500);
        assertThat(r.header("content-type")).hasValue("application/json");
        assertThat(r.json()).isEqualTo(Map.of("title", "500 Internal Server Error"));
        assertThat(r.text()).doesNotContain("IllegalStateException").doesNotContain("a bug in a responder");
    }
}
