package falcon.media.msgpack;

import static org.assertj.core.api.Assertions.assertThat;

import falcon.App;
import falcon.MediaMalformedError;
import falcon.Request;
import falcon.Response;
import falcon.WebSocket;
import falcon.WebSocketPayloadType;
import falcon.media.Handlers;
import falcon.testing.Result;
import falcon.testing.Simulate;
import falcon.testing.TestClient;
import falcon.testing.WebSocketSimulator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** MessagePack in the test client (Falcon 4's msgpack=), WebSocket BINARY media and the simulator. */
class MessagePackTestingTest {

    record Line(String sku, int quantity) {
    }

    private static TestClient client() {
        App app = new App();
        MessagePackHandler.register(app.getReqOptions().getMediaHandlers(), app.getRespOptions().getMediaHandlers());
        MessagePackHandlerWS.register(app.getWsOptions());
        app.addRoute("/lines", new Object() {
            public void onPost(Request req, Response resp) {
                Line line = req.getMedia(Line.class);
                resp.setText(req.getContentType() + " " + line.sku() + line.quantity());
            }

            public void onWebsocket(Request req, WebSocket ws) {
                ws.accept();
                while (true) {
                    try {
                        Line line = ws.receiveMedia(Line.class);
                        ws.sendMedia(Map.of("sku", line.sku(), "doubled", line.quantity() * 2),
                                WebSocketPayloadType.BINARY);
                    } catch (MediaMalformedError ex) {
                        ws.sendMedia(Map.of("error", ex.getDescription()), WebSocketPayloadType.BINARY);
                    }
                }
            }
        });
        return new TestClient(app);
    }

    @Test
    void theTestClientSendsMessagePack() {
        Result r = client().simulatePost("/lines", Simulate.with().msgpack(Map.of("sku", "m", "quantity", 3)));
        assertThat(r.getText()).isEqualTo(Handlers.MEDIA_MSGPACK + " m3");
    }

    @Test
    void msgpackTakesPrecedenceOverJson() {
        Result r = client().simulatePost("/lines",
                Simulate.with().msgpack(Map.of("sku", "m", "quantity", 3)).json(List.of(1)));
        assertThat(r.getText()).isEqualTo(Handlers.MEDIA_MSGPACK + " m3");
    }

    @Test
    void webSocketBinaryMediaIsMessagePack() {
        try (WebSocketSimulator ws = client().simulateWs("/lines")) {
            ws.sendMsgpack(Map.of("sku", "w", "quantity", 4));
            assertThat(ws.receiveMsgpack()).isEqualTo(Map.of("sku", "w", "doubled", 8));
            ws.sendMsgpack(Map.of("sku", "w", "quantity", "many"));
            assertThat(ws.receiveMsgpack()).isEqualTo(Map.of("error",
                    "Could not parse MessagePack body - field 'quantity': expected an integer, got \"many\""));
        }
    }
}
