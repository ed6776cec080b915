package falcon.asgi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import falcon.App;
import falcon.HTTPForbidden;
import falcon.Middleware;
import falcon.Request;
import falcon.Response;
import falcon.WebSocket;
import falcon.WebSocketDisconnected;
import falcon.WebSocketOptions;
import falcon.gateway.WebSocketChannel;
import falcon.WebSocketHandlerNotFound;
import falcon.WebSocketPathNotFound;
import falcon.WebSocketPayloadType;
import falcon.WebSocketServerError;
import falcon.routing.RouteParams;
import falcon.testing.Simulate;
import falcon.testing.TestClient;
import falcon.testing.WebSocketSimulator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Falcon: tests/asgi/test_ws.py */
class WebSocketTest {

    public static final class Echo {
        final AtomicReference<Integer> disconnectCode = new AtomicReference<>();
        final CountDownLatch finished = new CountDownLatch(1);

        public void onWebsocket(Request req, WebSocket ws) {
            ws.accept();
            try {
                while (true) {
                    String text = ws.receiveText();
                    ws.sendText("echo: " + text);
                }
            } catch (WebSocketDisconnected ex) {
                disconnectCode.set(ex.getCode());
            } finally {
                finished.countDown();
            }
        }

        public void onWebsocketMedia(Request req, WebSocket ws) {
            ws.accept();
            Object doc = ws.receiveMedia();
            ws.sendMedia(Map.of("got", doc));
        }

        public void onGet(Request req, Response resp) {
            resp.setText("plain");
        }
    }

    private static TestClient echoClient(Echo echo) {
        App app = new App();
        app.addRoute("/echo", echo);
        app.addRoute("/media", echo, "media");
        return new TestClient(app);
    }

    @Test
    void echoesTextAndSeesTheClientClose() throws Exception {
        Echo echo = new Echo();
        try (WebSocketSimulator ws = echoClient(echo).simulateWs("/echo")) {
            assertThat(ws.isReady()).isTrue();
            ws.sendText("hello");
            assertThat(ws.receiveText()).isEqualTo("echo: hello");
            ws.sendText("again");
            assertThat(ws.receiveText()).isEqualTo("echo: again");
            ws.close(4001);
        }
        assertThat(echo.finished.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(echo.disconnectCode.get()).isEqualTo(4001);
    }

    @Test
    void mediaIsJsonOverText() {
        try (WebSocketSimulator ws = echoClient(new Echo()).simulateWs("/media")) {
            ws.sendJson(Map.of("a", 1));
            assertThat(ws.receiveJson()).isEqualTo(Map.of("got", Map.of("a", 1)));
        }
    }

    @Test
    void httpStillWorksOnTheSameResource() {
        assertThat(echoClient(new Echo()).simulateGet("/echo").getText()).isEqualTo("plain");
    }

    @Test
    void noRouteDeniesWith3404() {
        assertThatThrownBy(() -> echoClient(new Echo()).simulateWs("/nowhere"))
                .isInstanceOf(WebSocketPathNotFound.class)
                .extracting(ex -> ((WebSocketDisconnected) ex).getCode()).isEqualTo(3404);
    }

    @Test
    void noOnWebsocketDeniesWith3405() {
        App app = new App();
        app.addRoute("/plain", new Object() {
            public void onGet(Request req, Response resp) {
            }
        });
        assertThatThrownBy(() -> new TestClient(app).simulateWs("/plain"))
                .isInstanceOf(WebSocketHandlerNotFound.class);
    }

    @Test
    void anHttpMethodWebsocketIsABadRequest() {
        assertThat(echoClient(new Echo()).simulateRequest("WEBSOCKET", "/echo").getStatusCode()).isEqualTo(400);
    }

    public static final class Failing {
        public void onWebsocket(Request req, WebSocket ws, String how) {
            if (how.equals("forbidden-early")) {
                throw new HTTPForbidden();
            }
            ws.accept();
            if (how.equals("forbidden-late")) {
                throw new HTTPForbidden();
            }
            if (how.equals("boom")) {
                throw new IllegalStateException("boom");
            }
            if (how.equals("deny")) {
                return;
            }
        }
    }

    private static TestClient failing() {
        App app = new App();
        app.addRoute("/fail/{how}", new Failing());
        return new TestClient(app);
    }

    @Test
    void anHttpErrorBeforeAcceptDeniesWith3000PlusStatus() {
        assertThatThrownBy(() -> failing().simulateWs("/fail/forbidden-early"))
                .isInstanceOf(WebSocketDisconnected.class)
                .extracting(ex -> ((WebSocketDisconnected) ex).getCode()).isEqualTo(3403);
    }

    @Test
    void anHttpErrorAfterAcceptClosesWith3000PlusStatus() {
        WebSocketSimulator ws = failing().simulateWs("/fail/forbidden-late");
        assertThatThrownBy(ws::receiveText).isInstanceOf(WebSocketDisconnected.class);
        assertThat(ws.getCloseCode()).isEqualTo(3403);
        assertThat(ws.getCloseReason()).isEqualTo("Forbidden");
    }

    @Test
    void anUnexpectedErrorClosesWith1011() {
        WebSocketSimulator ws = failing().simulateWs("/fail/boom");
        assertThatThrownBy(ws::receiveText).isInstanceOf(WebSocketDisconnected.class);
        assertThat(ws.getCloseCode()).isEqualTo(1011);
        assertThat(ws.getCloseReason()).isEqualTo("Internal Server Error");
    }

    @Test
    void theErrorCloseCodeIsConfigurable() {
        App app = new App();
        app.getWsOptions().errorCloseCode = 4500;
        app.addRoute("/fail/{how}", new Failing());
        WebSocketSimulator ws = new TestClient(app).simulateWs("/fail/boom");
        assertThatThrownBy(ws::receiveText).isInstanceOf(WebSocketDisconnected.class);
        assertThat(ws.getCloseCode()).isEqualTo(4500);
    }

    @Test
    void returningClosesWith1000() {
        WebSocketSimulator ws = failing().simulateWs("/fail/deny");
        assertThatThrownBy(ws::receiveText).isInstanceOf(WebSocketDisconnected.class);
        assertThat(ws.getCloseCode()).isEqualTo(1000);
        assertThat(ws.getCloseReason()).isEqualTo("Normal Closure");
    }

    @Test
    void closingBeforeAcceptDenies() {
        App app = new App();
        app.addRoute("/deny", new Object() {
            public void onWebsocket(Request req, WebSocket ws) {
                ws.close(3001);
            }
        });
        assertThatThrownBy(() -> new TestClient(app).simulateWs("/deny"))
                .isInstanceOf(WebSocketDisconnected.class)
                .extracting(ex -> ((WebSocketDisconnected) ex).getCode()).isEqualTo(3001);
    }

    @Test
    void sendingBeforeAcceptIsNotAllowed() {
        AtomicReference<Throwable> raised = new AtomicReference<>();
        App app = new App();
        app.addRoute("/early", new Object() {
            public void onWebsocket(Request req, WebSocket ws) {
                try {
                    ws.sendText("too early");
                } catch (RuntimeException ex) {
                    raised.set(ex);
                }
                ws.accept();
            }
        });
        new TestClient(app).simulateWs("/early").close();
        assertThat(raised.get()).isInstanceOf(falcon.OperationNotAllowed.class);
    }

    @Test
    void invalidCloseCodesAreRefused() {
        App app = new App();
        List<Throwable> raised = new CopyOnWriteArrayList<>();
        app.addRoute("/codes", new Object() {
            public void onWebsocket(Request req, WebSocket ws) {
                ws.accept();
                for (int code : new int[] {999, 1005, 1015, 1999}) {
                    try {
                        ws.close(code);
                    } catch (IllegalArgumentException ex) {
                        raised.add(ex);
                    }
                }
            }
        });
        new TestClient(app).simulateWs("/codes").close();
        assertThat(raised).hasSize(4);
    }

    @Test
    void subprotocolAndAcceptHeadersReachTheClient() {
        App app = new App();
        app.addRoute("/proto", new Object() {
            public void onWebsocket(Request req, WebSocket ws) {
                assertThat(ws.getSubprotocols()).containsExactly("wamp", "chat");
                ws.accept("chat", Map.of("X-Hello", "there"));
            }
        });
        try (WebSocketSimulator ws = new TestClient(app).simulateWs("/proto",
                Simulate.with().header("Sec-WebSocket-Protocol", "wamp, chat"))) {
            assertThat(ws.getSubprotocol()).isEqualTo("chat");
            assertThat(ws.getHeaders()).containsEntry("x-hello", "there");
        }
    }

    @Test
    void binaryAndTextAreTold() {
        App app = new App();
        app.addRoute("/bin", new Object() {
            public void onWebsocket(Request req, WebSocket ws) {
                ws.accept();
                byte[] data = ws.receiveData();
                ws.sendData(new byte[] {data[0], (byte) (data[0] + 1)});
                try {
                    ws.receiveData();
                } catch (falcon.PayloadTypeError ex) {
                    ws.sendText(ex.getMessage());
                }
            }
        });
        try (WebSocketSimulator ws = new TestClient(app).simulateWs("/bin")) {
            ws.sendData(new byte[] {7});
            assertThat(ws.receiveData()).containsExactly(7, 8);
            ws.sendText("not binary");
            assertThat(ws.receiveText()).isEqualTo("Missing BINARY (0x02) payload");
        }
    }

    @Test
    void wsMiddlewareRunsInsteadOfHttpMiddleware() {
        List<String> calls = new CopyOnWriteArrayList<>();
        App app = App.builder().middleware(new Middleware() {
            @Override
            public void processRequest(Request req, Response resp) {
                calls.add("request");
            }

            @Override
            public void processRequestWs(Request req, WebSocket ws) {
                calls.add("request_ws");
            }

            @Override
            public void processResourceWs(Request req, WebSocket ws, Object resource, RouteParams params) {
                calls.add("resource_ws " + req.getUriTemplate());
            }
        }).build();
        app.addRoute("/echo", new Echo());
        new TestClient(app).simulateWs("/echo").close();
        assertThat(calls).containsExactly("request_ws", "resource_ws /echo");
    }

    @Test
    void middlewareCanDenyTheHandshake() {
        App app = App.builder().middleware(new Middleware() {
            @Override
            public void processRequestWs(Request req, WebSocket ws) {
                throw new HTTPForbidden();
            }
        }).build();
        app.addRoute("/echo", new Echo());
        assertThatThrownBy(() -> new TestClient(app).simulateWs("/echo"))
                .extracting(ex -> ((WebSocketDisconnected) ex).getCode()).isEqualTo(3403);
    }

    @Test
    void anAsyncResponderIsClosedWhenItsStageCompletes() {
        App app = new App();
        app.addRoute("/async", new Object() {
            public CompletionStage<Void> onWebsocket(Request req, WebSocket ws) {
                return ws.acceptAsync(null, null)
                        .thenCompose(v -> ws.receiveTextAsync())
                        .thenCompose(text -> ws.sendTextAsync(text.toUpperCase(java.util.Locale.ROOT)));
            }
        });
        WebSocketSimulator ws = new TestClient(app).simulateWs("/async");
        ws.sendText("shout");
        assertThat(ws.receiveText()).isEqualTo("SHOUT");
        assertThatThrownBy(ws::receiveText).isInstanceOf(WebSocketDisconnected.class);
        assertThat(ws.getCloseCode()).isEqualTo(1000);
    }

    @Test
    void aCustomErrorHandlerMayCloseTheSocket() {
        App app = new App();
        app.addErrorHandler(IllegalStateException.class, new falcon.ErrorHandler<IllegalStateException>() {
            @Override
            public void handle(Request req, Response resp, IllegalStateException ex, RouteParams params) {
            }

            @Override
            public void handleWs(Request req, WebSocket ws, IllegalStateException ex, RouteParams params) {
                ws.close(4321);
            }
        });
        app.addRoute("/fail/{how}", new Failing());
        WebSocketSimulator ws = new TestClient(app).simulateWs("/fail/boom");
        assertThatThrownBy(ws::receiveText).isInstanceOf(WebSocketDisconnected.class);
        assertThat(ws.getCloseCode()).isEqualTo(4321);
    }

    /** An App whose "/fail/boom" raises IllegalStateException after accept, handled by {@code handler}. */
    private static int closeCodeAfter(falcon.ErrorHandler<IllegalStateException> handler) {
        App app = new App();
        app.addErrorHandler(IllegalStateException.class, handler);
        app.addRoute("/fail/{how}", new Failing());
        WebSocketSimulator ws = new TestClient(app).simulateWs("/fail/boom");
        assertThatThrownBy(ws::receiveText).isInstanceOf(WebSocketDisconnected.class);
        return ws.getCloseCode();
    }

    /** An error handler for WebSocket errors only. */
    private interface WsHandler extends falcon.ErrorHandler<IllegalStateException> {
        void onWs(WebSocket ws) throws Exception;

        @Override
        default void handle(Request req, Response resp, IllegalStateException ex, RouteParams params) {
        }

        @Override
        default void handleWs(Request req, WebSocket ws, IllegalStateException ex, RouteParams params)
                throws Exception {
            onWs(ws);
        }
    }

    @Test
    void whatTheErrorHandlerRaisesDecidesTheCloseCode() {
        assertThat(closeCodeAfter((WsHandler) ws -> {
            throw new falcon.HTTPNotFound();
        })).as("an HTTPError: 3000 + its status").isEqualTo(3404);
        assertThat(closeCodeAfter((WsHandler) ws -> {
            throw new RuntimeException("handler failed");
        })).as("anything else: the error close code").isEqualTo(1011);
        assertThat(closeCodeAfter((WsHandler) ws -> {
        })).as("a handler that does not close: a normal close").isEqualTo(1000);
    }

    @Test
    void anHttpStatusRaisedByTheErrorHandlerClosesWith3000PlusItsStatus() {
        assertThat(closeCodeAfter((WsHandler) ws -> {
            throw new falcon.HTTPStatus(409);
        })).isEqualTo(3409);
        assertThat(closeCodeAfter((WsHandler) ws -> {
            throw new falcon.HTTPStatus("202 Accepted");
        })).isEqualTo(3202);
    }

    // NOTE: WebSocketFlow's paths for a close that fails (closeNormally handing the failure to the
    // error handlers, closeQuietly's warning) stay untested: the simulator's channel never fails a
    // close.

    /** Records what the logger "falcon" logs at SEVERE (System.Logger's ERROR) while it is open. */
    private static final class LoggedErrors extends java.util.logging.Handler implements AutoCloseable {
        private static final java.util.logging.Logger FALCON = java.util.logging.Logger.getLogger("falcon");
        final List<String> messages = new CopyOnWriteArrayList<>();

        LoggedErrors() {
            FALCON.addHandler(this);
        }

        @Override
        public void publish(java.util.logging.LogRecord r) {
            if (r.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue()) {
                messages.add(r.getMessage() + " / " + r.getThrown());
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
            FALCON.removeHandler(this);
        }
    }

    @Test
    void anErrorNoHandlerTakesIsLoggedWithItsPath() {
        App app = new App();
        app.addRoute("/oops", new Object() {
            public void onWebsocket(Request req, WebSocket ws) {
                ws.accept();
                throw new AssertionError("no handler takes it");
            }
        });
        try (LoggedErrors logged = new LoggedErrors()) {
            WebSocketSimulator ws = new TestClient(app).simulateWs("/oops");
            assertThatThrownBy(ws::receiveText).isInstanceOf(WebSocketDisconnected.class);
            assertThat(logged.messages).anySatisfy(m -> assertThat(m)
                    .startsWith("unhandled error in WebSocket /oops").contains("no handler takes it"));
        }
    }

    @Test
    void anErrorHandlerThatFailsIsLoggedWithItsPath() {
        try (LoggedErrors logged = new LoggedErrors()) {
            assertThat(closeCodeAfter((WsHandler) ws -> {
                throw new RuntimeException("handler failed");
            })).isEqualTo(1011);
            assertThat(logged.messages).anySatisfy(m -> assertThat(m)
                    .startsWith("error handler failed for WebSocket /fail/boom").contains("handler failed"));
        }
    }

    @Test
    void anAsyncErrorHandlerClosesWhenItsStageCompletes() {
        for (boolean fail : new boolean[] {false, true}) {
            App app = new App();
            app.addAsyncErrorHandler(IllegalStateException.class, (req, resp, ex, params) ->
                    CompletableFuture.supplyAsync(() -> {
                        if (fail) {
                            throw new HTTPForbidden();
                        }
                        return null;
                    }));
            app.addRoute("/fail/{how}", new Failing());
            WebSocketSimulator ws = new TestClient(app).simulateWs("/fail/boom");
            assertThatThrownBy(ws::receiveText).isInstanceOf(WebSocketDisconnected.class);
            assertThat(ws.getCloseCode()).as("stage failed: %s", fail).isEqualTo(fail ? 3403 : 1000);
        }
    }

    @Test
    void anAsyncResponderThatFailsIsClosedWithTheErrorsCode() {
        App app = new App();
        app.addRoute("/later", new Object() {
            public CompletionStage<Void> onWebsocket(Request req, WebSocket ws) {
                ws.accept();
                return CompletableFuture.runAsync(() -> {
                    throw new HTTPForbidden();
                });
            }
        });
        WebSocketSimulator ws = new TestClient(app).simulateWs("/later");
        assertThatThrownBy(ws::receiveText).isInstanceOf(WebSocketDisconnected.class);
        assertThat(ws.getCloseCode()).isEqualTo(3403);
    }

    @Test
    void anErrorNoHandlerTakesClosesWithTheErrorCloseCode() {
        App app = new App();
        app.addRoute("/oops", new Object() {
            public void onWebsocket(Request req, WebSocket ws) {
                ws.accept();
                throw new AssertionError("not an Exception: no handler takes it");
            }
        });
        WebSocketSimulator ws = new TestClient(app).simulateWs("/oops");
        assertThatThrownBy(ws::receiveText).isInstanceOf(WebSocketDisconnected.class);
        assertThat(ws.getCloseCode()).isEqualTo(1011);
    }

    @Test
    void aLostClientIsNoticedBySend() throws Exception {
        CompletableFuture<Throwable> raised = new CompletableFuture<>();
        CountDownLatch clientGone = new CountDownLatch(1);
        App app = new App();
        app.addRoute("/push", new Object() {
            public void onWebsocket(Request req, WebSocket ws) throws InterruptedException {
                ws.accept();
                clientGone.await();
                try {
                    ws.sendText("anyone?");
                } catch (WebSocketDisconnected ex) {
                    raised.complete(ex);
                }
            }
        });
        WebSocketSimulator ws = new TestClient(app).simulateWs("/push");
        Thread closer = new Thread(() -> ws.close(1001));
        closer.start();
        Thread.sleep(50);
        clientGone.countDown();
        closer.join();
        assertThat(raised.get(5, TimeUnit.SECONDS)).isInstanceOf(WebSocketDisconnected.class)
                .extracting(ex -> ((WebSocketDisconnected) ex).getCode()).isEqualTo(1001);
    }

    /** An adapter's channel that records what the App does and lets a test push messages. */
    static final class RecordingChannel implements WebSocketChannel {
        final List<String> flow = new CopyOnWriteArrayList<>();
        final List<String> calls = new CopyOnWriteArrayList<>();
        volatile WebSocketChannel.Listener listener;
        volatile boolean failWrites;
        volatile boolean failAccept;

        @Override
        public List<String> subprotocols() {
            return List.of("wamp", "mqtt");
        }

        @Override
        public CompletionStage<Void> accept(String subprotocol, List<String> headers) {
            calls.add("accept " + subprotocol + " " + headers);
            return failAccept ? CompletableFuture.failedFuture(new java.io.IOException("gone"))
                    : CompletableFuture.completedFuture(null);
        }

        @Override
        public void deny(int closeCode) {
            calls.add("deny " + closeCode);
        }

        @Override
        public void start(WebSocketChannel.Listener l) {
            listener = l;
        }

        @Override
        public CompletionStage<Void> sendText(String text) {
            return write("text " + text);
        }

        @Override
        public CompletionStage<Void> sendBinary(byte[] data) {
            return write("binary " + java.util.Arrays.toString(data));
        }

        private CompletionStage<Void> write(String what) {
            if (failWrites) {
                return CompletableFuture.failedFuture(new java.io.IOException("reset"));
            }
            calls.add(what);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletionStage<Void> close(int code, String reason) {
            calls.add("close " + code + " " + reason);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void pause() {
            flow.add("pause");
        }

        @Override
        public void resume() {
            flow.add("resume");
        }
    }

    private static WebSocket accepted(RecordingChannel channel) {
        WebSocket ws = new WebSocket(channel, new WebSocketOptions());
        ws.accept();
        return ws;
    }

    @Test
    void theStatesFollowTheConnection() {
        RecordingChannel channel = new RecordingChannel();
        WebSocket ws = new WebSocket(channel, new WebSocketOptions());
        assertThat(ws.isUnaccepted()).isTrue();
        assertThat(ws.isReady()).isFalse();
        assertThat(ws.isClosed()).isFalse();
        assertThat(ws.getCloseCode()).isEqualTo(-1);
        assertThat(ws.getSubprotocols()).containsExactly("wamp", "mqtt");
        assertThat(ws.supportsAcceptHeaders()).isTrue();

        ws.accept("wamp", Map.of("X-Trace", "1"));
        assertThat(channel.calls).containsExactly("accept wamp [x-trace, 1]");
        assertThat(ws.isUnaccepted()).isFalse();
        assertThat(ws.isReady()).isTrue();
        assertThat(ws.isClosed()).isFalse();
        assertThat(ws.getCloseCode()).isEqualTo(-1);

        channel.listener.onClose(4001, "bye");
        assertThat(ws.isReady()).isFalse();
        assertThat(ws.isClosed()).isTrue();
        assertThat(ws.getCloseCode()).isEqualTo(4001);
        assertThat(ws.toString()).isEqualTo("WebSocket{ACCEPTED, code 4001}");
        assertThatThrownBy(ws::receiveText).isInstanceOf(WebSocketDisconnected.class)
                .extracting(ex -> ((WebSocketDisconnected) ex).getCode()).isEqualTo(4001);
        assertThat(ws.toString()).isEqualTo("WebSocket{CLOSED, code 4001}");
    }

    @Test
    void acceptIsOnceAndNeverNamesTheSubprotocolInHeaders() {
        RecordingChannel channel = new RecordingChannel();
        WebSocket ws = new WebSocket(channel, new WebSocketOptions());
        assertThatThrownBy(() -> ws.accept(null, Map.of("Sec-WebSocket-Protocol", "wamp")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("subprotocol argument");
        assertThat(ws.isUnaccepted()).isTrue();
        ws.accept();
        assertThat(channel.calls).containsExactly("accept null []");
        assertThatThrownBy(ws::accept).isInstanceOf(falcon.OperationNotAllowed.class)
                .hasMessage("accept() may only be called once on an open WebSocket connection");
        ws.close();
        assertThatThrownBy(ws::accept).isInstanceOf(falcon.OperationNotAllowed.class)
                .hasMessage("accept() may not be called on a closed WebSocket connection");
    }

    @Test
    void aFailedAcceptIsADisconnect() {
        RecordingChannel channel = new RecordingChannel();
        channel.failAccept = true;
        WebSocket ws = new WebSocket(channel, new WebSocketOptions());
        assertThatThrownBy(ws::accept).isInstanceOf(WebSocketDisconnected.class)
                .extracting(ex -> ((WebSocketDisconnected) ex).getCode()).isEqualTo(1006);
        assertThat(ws.isClosed()).isTrue();
        assertThat(ws.getCloseCode()).isEqualTo(1006);
    }

    @Test
    void closeSendsTheCodeWithItsDefaultReasonOnce() {
        RecordingChannel channel = new RecordingChannel();
        WebSocket ws = accepted(channel);
        ws.close(3404);
        ws.close(4000, "again");
        assertThat(channel.calls).containsExactly("accept null []", "close 3404 Not Found");
        assertThat(ws.isClosed()).isTrue();
        assertThat(ws.isReady()).isFalse();
        assertThat(ws.getCloseCode()).isEqualTo(3404);
        assertThatThrownBy(() -> ws.sendText("late")).isInstanceOf(WebSocketDisconnected.class)
                .extracting(ex -> ((WebSocketDisconnected) ex).getCode()).isEqualTo(3404);
        assertThatThrownBy(ws::receiveText).isInstanceOf(WebSocketDisconnected.class);

        RecordingChannel other = new RecordingChannel();
        WebSocket second = accepted(other);
        second.close(4000, "custom");
        second.close();
        assertThat(other.calls).containsExactly("accept null []", "close 4000 custom");
        RecordingChannel third = new RecordingChannel();
        accepted(third).close();
        assertThat(third.calls).containsExactly("accept null []", "close 1000 Normal Closure");
        RecordingChannel fourth = new RecordingChannel();
        accepted(fourth).close(4000);
        assertThat(fourth.calls).as("no default reason").containsExactly("accept null []", "close 4000 ");
    }

    @Test
    void closeBeforeAcceptDeniesWithTheCode() {
        RecordingChannel channel = new RecordingChannel();
        WebSocket ws = new WebSocket(channel, new WebSocketOptions());
        ws.close(3403);
        assertThat(channel.calls).containsExactly("deny 3403");
        assertThat(ws.isClosed()).isTrue();
        assertThat(ws.getCloseCode()).isEqualTo(3403);
    }

    @Test
    void closeCodesAtTheEdgesOfTheReservedRanges() {
        for (int code : new int[] {999, 1004, 1005, 1006, 1015, 1999}) {
            WebSocket ws = accepted(new RecordingChannel());
            assertThatThrownBy(() -> ws.close(code)).as("code %d", code)
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(ws.isReady()).isTrue();
        }
        for (int code : new int[] {1000, 1003, 1007, 1014, 2000, 4999}) {
            RecordingChannel channel = new RecordingChannel();
            WebSocket ws = accepted(channel);
            ws.close(code, "r");
            assertThat(channel.calls).as("code %d", code).endsWith("close " + code + " r");
        }
    }

    @Test
    void aClientCloseIsNoticedBySendEvenWhileMessagesWait() {
        RecordingChannel channel = new RecordingChannel();
        WebSocket ws = accepted(channel);
        channel.listener.onText("last words");
        channel.listener.onClose(1001, "");
        assertThat(ws.isClosed()).isTrue();
        assertThatThrownBy(() -> ws.sendText("hello?")).isInstanceOf(WebSocketDisconnected.class)
                .extracting(ex -> ((WebSocketDisconnected) ex).getCode()).isEqualTo(1001);
        assertThat(channel.calls).containsExactly("accept null []");
    }

    @Test
    void theMessagesSentBeforeTheCloseAreStillReceived() {
        RecordingChannel channel = new RecordingChannel();
        WebSocket ws = accepted(channel);
        channel.listener.onText("one");
        channel.listener.onBinary(new byte[] {2});
        channel.listener.onClose(1000, "");
        assertThat(ws.receiveText()).isEqualTo("one");
        assertThat(ws.receiveData()).containsExactly(2);
        assertThatThrownBy(ws::receiveText).isInstanceOf(WebSocketDisconnected.class)
                .extracting(ex -> ((WebSocketDisconnected) ex).getCode()).isEqualTo(1000);
        assertThat(ws.getCloseCode()).isEqualTo(1000);
    }

    @Test
    void aFailedWriteIsADisconnect() {
        RecordingChannel channel = new RecordingChannel();
        WebSocket ws = accepted(channel);
        channel.failWrites = true;
        assertThatThrownBy(() -> ws.sendData(new byte[] {1})).isInstanceOf(WebSocketDisconnected.class)
                .extracting(ex -> ((WebSocketDisconnected) ex).getCode()).isEqualTo(1006);
        assertThat(ws.isClosed()).isTrue();
        assertThat(ws.isReady()).isFalse();
        assertThat(ws.getCloseCode()).isEqualTo(1006);
    }

    @Test
    void sendsReachTheChannelAndDataIsCopied() {
        RecordingChannel channel = new RecordingChannel();
        WebSocket ws = accepted(channel);
        byte[] data = {1, 2};
        ws.sendData(data);
        data[0] = 9;
        ws.sendText("hi");
        ws.sendMedia(Map.of("n", 1));
        assertThat(channel.calls).containsExactly("accept null []", "binary [1, 2]", "text hi", "text {\"n\": 1}");
        assertThatThrownBy(() -> ws.sendText(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("payload must be a string");
        assertThatThrownBy(() -> ws.sendData(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("payload must be a byte string");
    }

    @Test
    void receivesCheckThePayloadTypeAndWaitOneAtATime() throws Exception {
        RecordingChannel channel = new RecordingChannel();
        WebSocket ws = accepted(channel);
        channel.listener.onBinary(new byte[] {1});
        assertThatThrownBy(ws::receiveText).isInstanceOf(falcon.PayloadTypeError.class)
                .hasMessage("Missing TEXT (0x01) payload");
        channel.listener.onText("t");
        assertThatThrownBy(ws::receiveData).isInstanceOf(falcon.PayloadTypeError.class)
                .hasMessage("Missing BINARY (0x02) payload");

        CompletableFuture<String> first = ws.receiveTextAsync();
        assertThat(first).isNotDone();
        assertThatThrownBy(ws::receiveText).isInstanceOf(falcon.OperationNotAllowed.class)
                .hasMessage("another receive is already waiting");
        channel.listener.onText("{\"a\": [1]}");
        assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("{\"a\": [1]}");
        channel.listener.onText("{\"b\": true}");
        assertThat(ws.receiveMedia()).isEqualTo(Map.of("b", true));
    }

    @Test
    void nothingButCloseBeforeAccept() {
        WebSocket ws = new WebSocket(new RecordingChannel(), new WebSocketOptions());
        assertThatThrownBy(ws::receiveText).isInstanceOf(falcon.OperationNotAllowed.class)
                .hasMessage("WebSocket connection has not yet been accepted");
        assertThatThrownBy(() -> ws.sendMedia("x")).isInstanceOf(falcon.OperationNotAllowed.class);
    }

    @Test
    void theReceiveQueueIsBounded() {
        WebSocketOptions options = new WebSocketOptions();
        options.maxReceiveQueue = 2;
        RecordingChannel channel = new RecordingChannel();
        WebSocket ws = new WebSocket(channel, options);
        ws.accept();

        channel.listener.onText("0");
        assertThat(channel.flow).as("one message waits: room for another").isEmpty();
        channel.listener.onText("1");
        assertThat(channel.flow).as("the queue is full: the adapter stops reading").containsExactly("pause");

        assertThat(ws.receiveText()).isEqualTo("0");
        assertThat(channel.flow).as("room again: the adapter reads on").containsExactly("pause", "resume");
        assertThat(ws.receiveText()).isEqualTo("1");
        assertThat(channel.flow).containsExactly("pause", "resume");
    }

    @Test
    void theDefaultReceiveQueueHoldsFourMessages() {
        RecordingChannel channel = new RecordingChannel();
        WebSocket ws = new WebSocket(channel, new WebSocketOptions());
        ws.accept();
        for (int i = 0; i < WebSocketOptions.DEFAULT_MAX_RECEIVE_QUEUE - 1; i++) {
            channel.listener.onBinary(new byte[] {(byte) i});
        }
        assertThat(channel.flow).isEmpty();
        channel.listener.onBinary(new byte[] {9});
        assertThat(channel.flow).containsExactly("pause");
        assertThat(ws.receiveData()).containsExactly(0);
        assertThat(channel.flow).containsExactly("pause", "resume");
    }

    @Test
    void messagesHeldBackByAFullQueueArriveInOrder() throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        App app = new App();
        app.getWsOptions().maxReceiveQueue = 2;
        app.addRoute("/slow", new Object() {
            public void onWebsocket(Request req, WebSocket ws) throws InterruptedException {
                ws.accept();
                go.await();
                for (int i = 0; i < 5; i++) {
                    ws.sendText("got " + ws.receiveText());
                }
            }
        });
        try (WebSocketSimulator ws = new TestClient(app).simulateWs("/slow")) {
            for (int i = 0; i < 5; i++) {
                ws.sendText(Integer.toString(i)); // the simulator holds what the App cannot take yet
            }
            go.countDown();
            for (int i = 0; i < 5; i++) {
                assertThat(ws.receiveText()).isEqualTo("got " + i);
            }
        }
    }

    @Test
    void unusedPayloadTypeHasAHelpfulError() {
        App app = new App();
        AtomicReference<Throwable> raised = new AtomicReference<>();
        app.addRoute("/mp", new Object() {
            public void onWebsocket(Request req, WebSocket ws) {
                ws.accept();
                try {
                    ws.sendMedia(Map.of(), WebSocketPayloadType.BINARY);
                } catch (RuntimeException ex) {
                    raised.set(ex);
                }
            }
        });
        new TestClient(app).simulateWs("/mp").close();
        assertThat(raised.get()).hasMessageContaining("falcon-msgpack");
    }

    @Test
    void serverErrorMapsTo1011OnDenial() {
        App app = new App();
        app.addRoute("/boom", new Object() {
            public void onWebsocket(Request req, WebSocket ws) {
                throw new IllegalStateException("before accept");
            }
        });
        assertThatThrownBy(() -> new TestClient(app).simulateWs("/boom")).isInstanceOf(WebSocketServerError.class);
    }

    /** A sink that takes WebSockets too (Falcon 4.1: a sink with a {@code ws} argument). */
    public static final class ProxySink implements falcon.Sink {
        @Override
        public void handle(Request req, Response resp, RouteParams params) {
            resp.setText("http " + params.get("rest"));
        }

        @Override
        public void handleWs(Request req, WebSocket ws, RouteParams params) {
            ws.accept();
            ws.sendText("ws " + params.get("rest") + " " + ws.receiveText());
        }
    }

    @Test
    void aSinkThatTakesWebSocketsGetsTheConnectionsNoRouteMatches() {
        App app = new App();
        ProxySink sink = new ProxySink();
        List<Object> seen = new CopyOnWriteArrayList<>();
        app.addMiddleware(new Middleware() {
            @Override
            public void processResourceWs(Request req, WebSocket ws, Object resource, RouteParams params) {
                seen.add(String.valueOf(resource) + " " + params);
            }
        });
        app.addSink(sink, "/proxy/(?<rest>.*)");
        TestClient client = new TestClient(app);
        try (WebSocketSimulator ws = client.simulateWs("/proxy/a/b")) {
            ws.sendText("hi");
            assertThat(ws.receiveText()).isEqualTo("ws a/b hi");
        }
        assertThat(seen).containsExactly("null {rest=a/b}");
        assertThat(client.simulateGet("/proxy/c").getText()).isEqualTo("http c");
    }

    @Test
    void aSinkWithoutWebSocketSupportRefusesAsAMissingRoute() {
        App app = new App();
        app.addSink((req, resp, params) -> resp.setText("http only"), "/");
        assertThatThrownBy(() -> new TestClient(app).simulateWs("/anything"))
                .isInstanceOf(WebSocketPathNotFound.class)
                .extracting(ex -> ((WebSocketDisconnected) ex).getCode()).isEqualTo(3404);
    }
}
