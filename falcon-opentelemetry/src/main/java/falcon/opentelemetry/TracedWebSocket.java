package falcon.opentelemetry;

import falcon.gateway.WebSocketChannel;
import io.opentelemetry.context.Scope;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * A WebSocket channel whose listener runs with the session's span current; the span ends when the
 * session closes (either side) or the handshake is denied.
 */
final class TracedWebSocket implements WebSocketChannel {

    private final WebSocketChannel channel;
    private final TracedExchange traced;

    TracedWebSocket(WebSocketChannel channel, TracedExchange traced) {
        this.channel = channel;
        this.traced = traced;
    }

    @Override
    public List<String> subprotocols() {
        return channel.subprotocols();
    }

    @Override
    public CompletionStage<Void> accept(String subprotocol, List<String> headers) {
        traced.accepted();
        return channel.accept(subprotocol, headers);
    }

    @Override
    public void deny(int closeCode) {
        traced.denied();
        channel.deny(closeCode);
    }

    @Override
    public void start(Listener listener) {
        channel.start(new Listener() {
            @Override
            public void onText(String text) {
                try (Scope ignored = traced.context().makeCurrent()) {
                    listener.onText(text);
                }
            }

            @Override
            public void onBinary(byte[] data) {
                try (Scope ignored = traced.context().makeCurrent()) {
                    listener.onBinary(data);
                }
            }

            @Override
            public void onClose(int code, String reason) {
                try (Scope ignored = traced.context().makeCurrent()) {
                    listener.onClose(code, reason);
                } finally {
                    traced.end();
                }
            }
        });
    }

    @Override
    public CompletionStage<Void> sendText(String text) {
        return channel.sendText(text);
    }

    @Override
    public CompletionStage<Void> sendBinary(byte[] data) {
        return channel.sendBinary(data);
    }

    @Override
    public CompletionStage<Void> close(int code, String reason) {
        CompletionStage<Void> closed = channel.close(code, reason);
        closed.whenComplete((v, ex) -> traced.end());
        return closed;
    }

    @Override
    public void pause() {
        channel.pause();
    }

    @Override
    public void resume() {
        channel.resume();
    }
}
