package falcon.media.msgpack;

import static org.assertj.core.api.Assertions.assertThat;

import falcon.App;
import falcon.Request;
import falcon.Response;
import falcon.media.Handlers;
import falcon.media.TypeRef;
import falcon.testing.Result;
import falcon.testing.Simulate;
import falcon.testing.TestClient;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Typed MessagePack media: records in and out, and a body that does not fit is a 400. */
class TypedMessagePackTest {

    record Line(String sku, int quantity) {
    }

    record Blob(String name, byte[] data) {
    }

    static TestClient client(Object resource) {
        App app = new App();
        MessagePackHandler.register(app.getReqOptions().getMediaHandlers(), app.getRespOptions().getMediaHandlers());
        app.addRoute("/m", resource);
        return new TestClient(app);
    }

    private static Result post(Object resource, String hex) {
        return client(resource).simulatePost("/m",
                Simulate.with().body(HexFormat.of().parseHex(hex)).contentType(Handlers.MEDIA_MSGPACK));
    }

    public static class LineEcho {
        public void onPost(Request req, Response resp) {
            Line line = req.getMedia(Line.class);
            resp.setContentType(Handlers.MEDIA_MSGPACK);
            resp.setMedia(new Line(line.sku() + "!", line.quantity() * 2));
        }
    }

    @Test
    void aRecordIsReadAndWritten() {
        // msgpack.packb({'sku': 'a', 'quantity': 2})
        Result r = post(new LineEcho(), "82a3736b75a161a87175616e7469747902");
        assertThat(r.getStatusCode()).isEqualTo(200);
        // msgpack.packb({'sku': 'a!', 'quantity': 4})
        assertThat(HexFormat.of().formatHex(r.getContent())).isEqualTo("82a3736b75a26121a87175616e7469747904");
    }

    @Test
    void aFieldThatDoesNotFitIsA400TitledMessagePack() {
        // msgpack.packb({'sku': 'a', 'quantity': 'two'})
        Result r = post(new LineEcho(), "82a3736b75a161a87175616e74697479a374776f");
        assertThat(r.getStatusCode()).isEqualTo(400);
        assertThat(r.getJsonMap()).containsEntry("title", "Invalid MessagePack").containsEntry("description",
                "Could not parse MessagePack body - field 'quantity': expected an integer, got \"two\"");
    }

    @Test
    void binDataIsReadIntoAByteArrayComponent() {
        // msgpack.packb({'name': 'n', 'data': b'\x01\x02'}, use_bin_type=True)
        Result r = post(new Object() {
            public void onPost(Request req, Response resp) {
                Blob blob = req.getMedia(Blob.class);
                resp.setText(blob.name() + blob.data().length + blob.data()[1]);
            }
        }, "82a46e616d65a16ea464617461c4020102");
        assertThat(r.getText()).isEqualTo("n22");
    }

    @Test
    void aTypeRefAndAConversionAfterTheUntypedRead() {
        // msgpack.packb([{'sku': 'a', 'quantity': 1}, {'sku': 'b', 'quantity': 'x'}])
        Result r = post(new Object() {
            public void onPost(Request req, Response resp) {
                Object raw = req.getMedia();
                List<Map<String, Object>> untyped = req.getMedia(new TypeRef<List<Map<String, Object>>>() {
                });
                resp.setText(raw.getClass().getSimpleName() + " " + untyped.get(1).get("quantity") + " ");
                req.getMedia(new TypeRef<List<Line>>() {
                });
            }
        }, "9282a3736b75a161a87175616e746974790182a3736b75a162a87175616e74697479a178");
        assertThat(r.getStatusCode()).isEqualTo(400);
        assertThat(r.getJsonMap()).containsEntry("description",
                "Could not parse MessagePack body - field '[1].quantity': expected an integer, got \"x\"");
    }
}
