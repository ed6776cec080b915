package examples.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import falcon.WebSocketDisconnected;
import falcon.testing.Conductor;
import falcon.testing.Simulate;
import falcon.testing.TestClient;
import falcon.testing.WebSocketSimulator;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The manual's WebSocket example and its conductor test, in memory. */
class WebSocketExampleTest {

    private final LoggingMiddleware middleware = new LoggingMiddleware();
    private final EventFeed feed = new EventFeed();
    private final TestClient client = new TestClient(Main.createApp(middleware, feed));

    private static Simulate wamp() {
        return Simulate.with().header("Sec-WebSocket-Protocol", "wamp");
    }

    @Test
    void aRequestResponseConversation() {
        try (WebSocketSimulator ws = client.simulateWs("/acct1/messages", wamp())) {
            assertThat(ws.getSubprotocol()).isEqualTo("wamp");
            ws.sendJson(Map.of("hello", "world"));
            assertThat(ws.receiveJson()).isEqualTo(Map.of("echo", Map.of("hello", "world"), "account", "acct1"));
            ws.sendText("not json");
            assertThat(ws.receiveJson()).isInstanceOf(Map.class).asString().contains("error");
            ws.sendJson("done");
            assertThatThrownBy(ws::receiveText).isInstanceOf(WebSocketDisconnected.class);
            assertThat(ws.getCloseCode()).isEqualTo(1000);
        }
        assertThat(middleware.seen()).containsExactly("request_ws /acct1/messages",
                "resource_ws /{accountId}/messages");
    }

    @Test
    void withoutWampTheHandshakeIsDenied() {
        assertThatThrownBy(() -> client.simulateWs("/acct1/messages"))
                .isInstanceOf(WebSocketDisconnected.class);
    }

    @Test
    void aRejectingHeaderDeniesTheHandshake() {
        assertThatThrownBy(() -> client.simulateWs("/acct1/messages", wamp().header("Some-Header", "reject")))
                .isInstanceOf(WebSocketDisconnected.class);
    }

    @Test
    void postedEventsReachAWebSocketSubscriber() throws Exception {
        // The manual's conductor example: post events while a WebSocket reads them.
        try (Conductor c = client.conductor(); WebSocketSimulator ws = c.simulateWs("/events")) {
            while (feed.subscriberCount() == 0) {
                Thread.onSpinWait();
            }
            CompletableFuture<Void> posts = CompletableFuture.runAsync(() -> {
                for (int i = 0; i < 10; i++) {
                    assertThat(c.simulatePost("/events", Simulate.with().json(Map.of("id", i))).getStatusCode())
                            .isEqualTo(202);
                }
            });
            for (int i = 0; i < 10; i++) {
                assertThat(ws.receiveJson()).isEqualTo(Map.of("id", i));
            }
            posts.join();
            assertThat(feed.subscriberCount()).isEqualTo(1);
        }
        // Closing the simulator waits for the responder to return: its subscription is gone.
        assertThat(feed.subscriberCount()).isZero();
        assertThat(client.simulateGet("/acct1/messages").getJsonMap().get("events")).asList().hasSize(10);
    }
}
