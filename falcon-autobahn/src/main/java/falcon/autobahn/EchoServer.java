package falcon.autobahn;

import falcon.App;
import falcon.Request;
import falcon.WebSocket;
import falcon.WebSocketDisconnected;
import falcon.WebSocketOptions;
import falcon.WebSocketPayloadType;
import falcon.media.BinaryBaseHandlerWS;
import falcon.media.TextBaseHandlerWS;
import falcon.server.Server;
import java.time.Duration;

/**
 * The echo server the Autobahn fuzzing client tests (RFC 6455 conformance, #6): every TEXT
 * message comes back as TEXT and every BINARY message as BINARY, through the blocking WebSocket
 * API on the embedded server. Pings, closes and protocol errors are the server's business.
 *
 * <p>Usage: {@code EchoServer PORT}; serves on every interface (the fuzzing client connects to
 * the host's address) until interrupted. The Maven plugin calls {@link #main} on a thread of its
 * own and interrupts it when the run is over.
 */
public final class EchoServer {

    /** The message and frame size limit: large enough for the fuzzing cases (9.* send 16 MiB). */
    static final int MAX_BYTES = 16 * 1024 * 1024;

    private EchoServer() {
    }

    /** The echo resource, on {@code /}. */
    public static final class Echo {
        /** Echoes each message with its own payload type until the client leaves. */
        public void onWebsocket(Request req, WebSocket ws) {
            ws.accept();
            try {
                while (true) {
                    Object message = ws.receiveMedia();
                    if (message instanceof byte[]) {
                        ws.sendMedia(message, WebSocketPayloadType.BINARY);
                    } else {
                        ws.sendMedia(message, WebSocketPayloadType.TEXT);
                    }
                }
            } catch (WebSocketDisconnected left) {
                // the client closed, or the server closed on a protocol error
            }
        }
    }

    /** The echo App: identity media handlers, so that receiveMedia gives the payload as it came. */
    public static App app() {
        App app = new App();
        WebSocketOptions ws = app.getWsOptions();
        ws.maxMessageBytes = MAX_BYTES;
        ws.maxFramePayloadBytes = MAX_BYTES;
        ws.mediaHandlers.put(WebSocketPayloadType.TEXT, new TextBaseHandlerWS() {
            @Override
            public String serialize(Object media) {
                return (String) media;
            }

            @Override
            public Object deserialize(String payload) {
                return payload;
            }
        });
        ws.mediaHandlers.put(WebSocketPayloadType.BINARY, new BinaryBaseHandlerWS() {
            @Override
            public byte[] serialize(Object media) {
                return (byte[]) media;
            }

            @Override
            public Object deserialize(byte[] payload) {
                return payload;
            }
        });
        app.addRoute("/", new Echo());
        return app;
    }

    /** Serves {@link #app()} on {@code args[0]} until interrupted. */
    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: falcon.autobahn.EchoServer PORT");
            System.exit(2);
        }
        int port = Integer.parseInt(args[0]);
        Server server = Server.builder(app()).port(port).shutdownGrace(Duration.ofSeconds(1)).build().start();
        System.err.println("autobahn echo server on ws://0.0.0.0:" + server.port() + "/");
        try {
            server.awaitTermination();
        } catch (InterruptedException done) {
            Thread.currentThread().interrupt();
        } finally {
            server.close();
        }
    }
}
