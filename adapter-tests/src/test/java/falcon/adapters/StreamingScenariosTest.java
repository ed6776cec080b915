package falcon.adapters;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Bodies and answers that take their time, on every adapter: large uploads and downloads arrive
 * whole, server-sent events arrive one by one, and an async responder answers once its stage
 * completes. Where only a socket adapter can show it, also: an upload streamed to the responder
 * while it is still being sent, a chunked upload, the default body limit, and parked responders
 * holding no request thread.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class StreamingScenariosTest {

    /** More parked requests than any socket adapter has request threads. */
    static final int PARKED_REQUESTS = Adapter.REQUEST_THREADS + 4;

    /** The default limit on a request body of both the embedded server and the servlet: 16 MiB. */
    static final long DEFAULT_BODY_LIMIT = 16L * 1024 * 1024;

    @RegisterExtension
    static final SharedServers SERVERS = new SharedServers();

    private static Client client(Adapter adapter) throws Exception {
        return SERVERS.on(adapter).client();
    }

    private static ScenarioApp app(Adapter adapter) throws Exception {
        return SERVERS.on(adapter).app();
    }

    /** The responder counted {@code size} bytes of the pattern, checksum included. */
    private static void assertReceivedWhole(ClientResponse r, long size) {
        assertThat(r.status()).isEqualTo(200);
        Map<String, Object> counted = r.json();
        assertThat(((Number) counted.get("bytes")).longValue()).as("bytes").isEqualTo(size);
        assertThat(((Number) counted.get("crc")).longValue()).as("crc").isEqualTo(Pattern.crc(size));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Adapter.class)
    void aLargeUploadReachesTheResponderWhole(Adapter adapter) throws Exception {
        int size = 3 << 20;
        ClientResponse r = client(adapter).send(ClientRequest.post("/upload")
                .header("Content-Type", "application/octet-stream").body(() -> new Pattern(size), size));
        assertReceivedWhole(r, size);
    }

    // TestClient takes the body as a byte array, whole, before the App runs: nothing to stream.
    @ParameterizedTest(name = "{0}")
    @EnumSource(names = {"NETTY", "JETTY", "TOMCAT"})
    void anUploadIsStreamedToTheResponderWhileItIsStillBeingSent(Adapter adapter) throws Exception {
        int size = 3 << 20;
        String probe = "streamed";
        AtomicBoolean responderReadBeforeTheRestWasSent = new AtomicBoolean();
        // The client holds back the last 2 MiB until the responder has read something: an adapter
        // that buffered the whole body before calling the App would never see that happen.
        InputStream held = new InputStream() {
            private InputStream rest;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (rest == null) {
                    try {
                        responderReadBeforeTheRestWasSent.set(
                                app(adapter).firstRead.of(probe).await(10, TimeUnit.SECONDS));
                    } catch (Exception ex) {
                        throw new IOException(ex);
                    }
                    rest = new Pattern(size - (1 << 20), 1 << 20);
                }
                return rest.read(b, off, len);
            }
        };
        ClientResponse r = client(adapter).send(ClientRequest.post("/upload?probe=" + probe)
                .header("Content-Type", "application/octet-stream")
                .body(() -> new SequenceInputStream(new Pattern(1 << 20), held), size));
        assertReceivedWhole(r, size);
        assertThat(responderReadBeforeTheRestWasSent).isTrue();
    }

    // TestClient always gives a body its length (Simulate takes a byte array): it cannot send one
    // chunked.
    @ParameterizedTest(name = "{0}")
    @EnumSource(names = {"NETTY", "JETTY", "TOMCAT"})
    void aChunkedUploadReachesTheResponderWhole(Adapter adapter) throws Exception {
        int size = (1 << 20) + 12345;
        ClientResponse r = client(adapter).send(ClientRequest.post("/upload")
                .header("Content-Type", "application/octet-stream").body(() -> new Pattern(size), -1));
        assertReceivedWhole(r, size);
    }

    // The body limit is the server's (ServerOptions.maxBodyBytes, the servlet's init-param):
    // TestClient hands any body to the App.
    @ParameterizedTest(name = "{0}")
    @EnumSource(names = {"NETTY", "JETTY", "TOMCAT"})
    void aContentLengthOverTheDefaultBodyLimitIs413WithoutTheResponder(Adapter adapter) throws Exception {
        String probe = "over-the-limit";
        // Only the head is sent: the answer must come from the declared length alone.
        ClientResponse r = client(adapter).send(ClientRequest.post("/upload?probe=" + probe)
                .header("Content-Type", "application/octet-stream")
                .header("Content-Length", Long.toString(DEFAULT_BODY_LIMIT + 1)));
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.header("content-type")).hasValue("application/json");
        assertThat(r.json()).isEqualTo(Map.of("title", "413 Payload Too Large"));
        assertThat(app(adapter).uploadEntered.of(probe).getCount()).as("the responder was called").isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Adapter.class)
    void aLargeStreamedResponseArrivesIntact(Adapter adapter) throws Exception {
        int size = 5 << 20;
        try (StreamedResponse r = client(adapter).open(ClientRequest.get("/download?bytes=" + size))) {
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("content-length")).isEmpty(); // a stream of unknown length: chunked
            CRC32 crc = new CRC32();
            long total = 0;
            try (InputStream in = r.body()) {
                byte[] buf = new byte[65536];
                int n;
                while ((n = in.read(buf)) >= 0) {
                    crc.update(buf, 0, n);
                    total += n;
                }
            }
            assertThat(total).isEqualTo(size);
            assertThat(crc.getValue()).isEqualTo(Pattern.crc(size));
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Adapter.class)
    void serverSentEventsArriveOneByOne(Adapter adapter) throws Exception {
        String probe = "sse";
        try (StreamedResponse r = client(adapter).open(ClientRequest.get("/events?probe=" + probe));
                BufferedReader in = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("content-type")).hasValue("text/event-stream");
            // "two" is produced only after "one" got here: so each event was flushed on its own
            assertThat(in.readLine()).isEqualTo("data: one");
            assertThat(in.readLine()).isEmpty();
            app(adapter).clientSawFirstEvent.of(probe).countDown();
            assertThat(in.readLine()).isEqualTo("data: two");
            assertThat(in.readLine()).isEmpty();
            assertThat(in.readLine()).isEqualTo("data: three");
            assertThat(in.readLine()).isEmpty();
            assertThat(in.readLine()).isNull();
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Adapter.class)
    void anAsyncResponderAnswersOnceItsStageCompletes(Adapter adapter) throws Exception {
        BlockingQueue<CompletableFuture<String>> parked = app(adapter).parked("one");
        CompletableFuture<ClientResponse> response = client(adapter).sendAsync(ClientRequest.get("/async?probe=one"));
        CompletableFuture<String> stage = parked.poll(10, TimeUnit.SECONDS);
        assertThat(stage).as("the request reached the responder").isNotNull();
        assertThat(response).as("answered before the stage completed").isNotDone();
        new Thread(() -> stage.complete("later"), "completer").start();
        ClientResponse r = response.get(10, TimeUnit.SECONDS);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.text()).isEqualTo("later");
    }

    // TestClient has no request threads to hold: the App runs on the simulating thread.
    @ParameterizedTest(name = "{0}")
    @EnumSource(names = {"NETTY", "JETTY", "TOMCAT"})
    void parkedAsyncRespondersHoldNoRequestThread(Adapter adapter) throws Exception {
        BlockingQueue<CompletableFuture<String>> parked = app(adapter).parked("many");
        List<CompletableFuture<ClientResponse>> responses = new ArrayList<>();
        for (int i = 0; i < PARKED_REQUESTS; i++) {
            responses.add(client(adapter).sendAsync(ClientRequest.get("/async?probe=many")));
        }
        List<CompletableFuture<String>> stages = new ArrayList<>();
        for (int i = 0; i < PARKED_REQUESTS; i++) {
            CompletableFuture<String> stage = parked.poll(10, TimeUnit.SECONDS);
            assertThat(stage).as("parked request %d reached the responder", i).isNotNull();
            stages.add(stage);
        }
        // More parked requests than request threads: this one is served only if none is held.
        // (On JDK 21+ Netty runs the App on virtual threads, of which there is no shortage.)
        assertThat(client(adapter).send(ClientRequest.get("/hello")).status()).isEqualTo(200);
        new Thread(() -> {
            for (int i = 0; i < stages.size(); i++) {
                stages.get(i).complete("later " + i);
            }
        }, "completer").start();
        List<String> bodies = new ArrayList<>();
        for (CompletableFuture<ClientResponse> f : responses) {
            ClientResponse r = f.get(10, TimeUnit.SECONDS);
            assertThat(r.status()).isEqualTo(200);
            bodies.add(r.text());
        }
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < PARKED_REQUESTS; i++) {
            expected.add("later " + i);
        }
        assertThat(bodies).containsExactlyInAnyOrderElementsOf(expected);
    }
}
