package falcon.media.msgpack;

import static org.assertj.core.api.Assertions.assertThat;

import falcon.App;
import falcon.Request;
import falcon.Response;
import falcon.media.Handlers;
import falcon.testing.Result;
import falcon.testing.Simulate;
import falcon.testing.TestClient;
import java.io.ByteArrayInputStream;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Falcon: tests/test_media_handlers.py (msgpack cases); bytes recorded with Python's msgpack. */
class MessagePackHandlerTest {

    static TestClient client() {
        App app = new App();
        MessagePackHandler.register(app.getReqOptions().getMediaHandlers(), app.getRespOptions().getMediaHandlers());
        app.addRoute("/m", new Object() {
            public void onPost(Request req, Response resp) {
                resp.setContentType(Handlers.MEDIA_MSGPACK);
                resp.setMedia(req.getMedia());
            }

            public void onGet(Request req, Response resp) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("text", "h\u00e9");
                doc.put("bytes", new byte[] {1, 2});
                doc.put("n", List.of(1, -1, 2.5, true));
                resp.setContentType(Handlers.MEDIA_MSGPACK);
                resp.setMedia(doc);
            }
        });
        return new TestClient(app);
    }

    @Test
    void mediaIsWrittenWithStrAndBinTypesAsPythonsMsgpackDoes() {
        // msgpack.packb({'text': 'hé', 'bytes': b'\x01\x02', 'n': [1, -1, 2.5, True]}, use_bin_type=True)
        Result r = client().simulateGet("/m");
        assertThat(r.getHeader("Content-Type")).isEqualTo("application/msgpack");
        assertThat(HexFormat.of().formatHex(r.getContent()))
                .isEqualTo("83a474657874a368c3a9a56279746573c4020102a16e9401ffcb4004000000000000c3");
    }

    @Test
    void bodiesRoundTripAndBinStaysBytes() throws Exception {
        byte[] packed = HexFormat.of().parseHex("82a161c4020102a162a3787978");
        Object media = new MessagePackHandler().deserialize(new ByteArrayInputStream(packed), "application/msgpack", -1);
        assertThat(((Map<?, ?>) media).get("a")).isInstanceOf(byte[].class);
        assertThat((byte[]) ((Map<?, ?>) media).get("a")).containsExactly(1, 2);
        assertThat(((Map<?, ?>) media).get("b")).isEqualTo("xyx");
        Result r = client().simulatePost("/m", Simulate.with().body(packed).contentType("application/msgpack"));
        assertThat(r.getContent()).isEqualTo(packed);
    }

    @Test
    void anEmptyBodyIsMediaNotFound() {
        Result r = client().simulatePost("/m", Simulate.with().body(new byte[0]).contentType("application/msgpack"));
        assertThat(r.getStatusCode()).isEqualTo(400);
        assertThat(r.getJsonMap()).containsEntry("title", "Invalid MessagePack")
                .containsEntry("description", "Could not parse an empty MessagePack body");
    }

    @Test
    void truncatedOrHostileBodiesAreA400() {
        byte[] deep = new byte[100_000];
        Arrays.fill(deep, (byte) 0x91); // fixarray of one element, nested 100,000 times
        byte[] hugeString = HexFormat.of().parseHex("dbffffffff61"); // str32 claiming 4 GiB
        for (byte[] body : List.of(HexFormat.of().parseHex("82a161"), deep, hugeString, new byte[] {(byte) 0xc1},
                HexFormat.of().parseHex("a161a162"))) {
            Result r = client().simulatePost("/m", Simulate.with().body(body).contentType("application/x-msgpack"));
            assertThat(r.getStatusCode()).as(HexFormat.of().formatHex(body, 0, Math.min(8, body.length))).isEqualTo(400);
            assertThat(r.getJsonMap()).containsEntry("title", "Invalid MessagePack");
        }
    }

    @Test
    void theDefaultMapperPoolsJacksonsBuffersAcrossThreads() {
        assertThat(MessagePackHandler.defaultMapper().getFactory()._getRecyclerPool())
                .isSameAs(com.fasterxml.jackson.core.util.JsonRecyclerPools.sharedConcurrentDequePool());
    }
}
