package falcon.opentelemetry;

import falcon.HTTPError;
import falcon.gateway.Exchange;
import falcon.gateway.ForwardingHandler;
import falcon.gateway.Handler;
import falcon.gateway.Reply;
import falcon.gateway.RequestHeaders;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The App behind a span per exchange: what {@link FalconTelemetry#instrument} returns. */
final class TracedHandler extends ForwardingHandler {

    /** Reads propagation fields from the request headers (names compare without case). */
    static final TextMapGetter<RequestHeaders> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(RequestHeaders carrier) {
            List<String> names = new ArrayList<>(carrier.size());
            for (Map.Entry<String, String> h : carrier) {
                names.add(h.getKey());
            }
            return names;
        }

        @Override
        public String get(RequestHeaders carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private final FalconTelemetry telemetry;

    TracedHandler(Handler app, FalconTelemetry telemetry) {
        super(app);
        this.telemetry = telemetry;
    }

    @Override
    public void handle(Exchange exchange) {
        TracedExchange traced = TracedExchange.start(telemetry, exchange);
        try (Scope ignored = traced.context().makeCurrent()) {
            delegate.handle(traced);
        } catch (RuntimeException | Error ex) {
            traced.exception(ex);
            traced.end();
            throw ex;
        }
    }

    @Override
    public Reply errorReply(Exchange exchange, HTTPError error) {
        TracedExchange traced = TracedExchange.start(telemetry, exchange);
        Reply reply;
        try (Scope ignored = traced.context().makeCurrent()) {
            reply = delegate.errorReply(exchange, error);
        }
        traced.replied(reply);
        traced.end();
        return reply;
    }

    static Context extract(FalconTelemetry telemetry, Exchange exchange) {
        RequestHeaders headers = exchange.headers();
        if (headers == null) {
            return Context.root();
        }
        return telemetry.propagator.extract(Context.root(), headers, HEADERS);
    }
}
