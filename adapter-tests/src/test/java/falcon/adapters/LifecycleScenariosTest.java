package falcon.adapters;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The App's lifespan and after-response work, on every adapter: start-up runs before the first
 * request, shut-down when the adapter stops, and a scheduled callback after the response.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class LifecycleScenariosTest {

    @RegisterExtension
    static final SharedServers SERVERS = new SharedServers();

    @ParameterizedTest(name = "{0}")
    @EnumSource(Adapter.class)
    void startUpRunsBeforeTheFirstRequest(Adapter adapter) throws Exception {
        SharedServers.Running running = SERVERS.on(adapter);
        assertThat(running.app().lifespan.started).isTrue();
        assertThat(running.app().lifespan.stopped).isFalse();
        assertThat(running.client().send(ClientRequest.get("/hello")).status()).isEqualTo(200);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Adapter.class)
    void shutDownRunsWhenTheAdapterStops(Adapter adapter) throws Exception {
        ScenarioApp own = new ScenarioApp();
        try (Adapter.Served served = adapter.serve(own.app)) {
            assertThat(served.client().send(ClientRequest.get("/hello")).status()).isEqualTo(200);
            assertThat(own.lifespan.started).isTrue();
            assertThat(own.lifespan.stopped).isFalse();
        }
        assertThat(own.lifespan.stopped).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Adapter.class)
    void aScheduledCallbackRunsAfterTheResponse(Adapter adapter) throws Exception {
        SharedServers.Running running = SERVERS.on(adapter);
        ClientResponse r = running.client().send(ClientRequest.get("/scheduled?probe=after"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.text()).isEqualTo("scheduled");
        assertThat(running.app().afterSent.of("after").await(5, TimeUnit.SECONDS)).isTrue();
    }
}
