package falcon.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import falcon.HTTPError;
import falcon.HTTPNotFound;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import org.junit.jupiter.api.Test;

/** The wrappers around an adapter's exchange and the App's handler, and the replies they pass. */
class ForwardingTest {

    /** A header table of fixed lines. */
    static final class Headers implements RequestHeaders {
        private final Map<String, String> map;

        Headers(Map<String, String> map) {
            this.map = map;
        }

        @Override
        public String get(String name) {
            return map.get(name.toLowerCase());
        }

        @Override
        public List<String> getAll(String name) {
            String v = get(name);
            return v == null ? List.of() : List.of(v);
        }

        @Override
        public int size() {
            return map.size();
        }

        @Override
        public Iterator<Map.Entry<String, String>> iterator() {
            return map.entrySet().iterator();
        }
    }

    /** An exchange whose every answer is distinct, and that records what it is told. */
    static class Fixed implements Exchange {
        final RequestHeaders headers = new Headers(Map.of("host", "example.com"));
        final InputStream body = new ByteArrayInputStream(new byte[0]);
        final Flow.Publisher<ByteBuffer> publisher = s -> { };
        final Executor executor = Runnable::run;
        final WebSocketChannel channel = null;
        final List<Reply> replies = new ArrayList<>();

        @Override
        public String method() {
            return "PATCH";
        }

        @Override
        public String rawPath() {
            return "/a%20b";
        }

        @Override
        public String queryString() {
            return "x=1";
        }

        @Override
        public String protocol() {
            return "HTTP/2";
        }

        @Override
        public String scheme() {
            return "https";
        }

        @Override
        public String serverHost() {
            return "server.local";
        }

        @Override
        public int serverPort() {
            return 8443;
        }

        @Override
        public String remoteAddr() {
            return "10.0.0.7";
        }

        @Override
        public String rootPath() {
            return "/root";
        }

        @Override
        public RequestHeaders headers() {
            return headers;
        }

        @Override
        public InputStream body() {
            return body;
        }

        @Override
        public Flow.Publisher<ByteBuffer> bodyPublisher() {
            return publisher;
        }

        @Override
        public Executor executor() {
            return executor;
        }

        @Override
        public WebSocketChannel webSocket() {
            return channel;
        }

        @Override
        public void respond(Reply reply) {
            replies.add(reply);
        }
    }

    @Test
    void aForwardingExchangeAnswersAsItsDelegate() {
        Fixed fixed = new Fixed();
        Exchange wrapped = new ForwardingExchange(fixed) { };
        assertThat(wrapped.method()).isEqualTo("PATCH");
        assertThat(wrapped.rawPath()).isEqualTo("/a%20b");
        assertThat(wrapped.queryString()).isEqualTo("x=1");
        assertThat(wrapped.protocol()).isEqualTo("HTTP/2");
        assertThat(wrapped.scheme()).isEqualTo("https");
        assertThat(wrapped.serverHost()).isEqualTo("server.local");
        assertThat(wrapped.serverPort()).isEqualTo(8443);
        assertThat(wrapped.remoteAddr()).isEqualTo("10.0.0.7");
        assertThat(wrapped.rootPath()).isEqualTo("/root");
        assertThat(wrapped.headers()).isSameAs(fixed.headers);
        assertThat(wrapped.body()).isSameAs(fixed.body);
        assertThat(wrapped.bodyPublisher()).isSameAs(fixed.publisher);
        assertThat(wrapped.executor()).isSameAs(fixed.executor);
        Reply reply = new Reply(204, "No Content", List.of(), null, null);
        wrapped.respond(reply);
        assertThat(fixed.replies).containsExactly(reply);
    }

    @Test
    void aForwardingExchangePassesOnTheWebSocket() {
        Exchange plain = new Fixed() {
            @Override
            public WebSocketChannel webSocket() {
                throw new UnsupportedOperationException("not a WebSocket");
            }
        };
        Exchange wrapped = new ForwardingExchange(plain) { };
        assertThatThrownBy(wrapped::webSocket)
                .hasMessage("not a WebSocket");
    }

    @Test
    void aForwardingHandlerPassesOnEveryCall() {
        List<String> calls = new ArrayList<>();
        Reply custom = new Reply(418, "I'm a teapot", List.of(), null, null);
        Handler inner = new Handler() {
            @Override
            public void handle(Exchange exchange) {
                calls.add("handle " + exchange.method());
            }

            @Override
            public Reply errorReply(Exchange exchange, HTTPError error) {
                calls.add("errorReply " + error.getStatusCode());
                return custom;
            }

            @Override
            public void startup() {
                calls.add("startup");
            }

            @Override
            public void draining() {
                calls.add("draining");
            }

            @Override
            public void shutdown() {
                calls.add("shutdown");
            }
        };
        Handler wrapped = new ForwardingHandler(inner) { };
        wrapped.startup();
        wrapped.handle(new Fixed());
        assertThat(wrapped.errorReply(new Fixed(), new HTTPNotFound())).isSameAs(custom);
        wrapped.draining();
        wrapped.shutdown();
        assertThat(calls).containsExactly("startup", "handle PATCH", "errorReply 404", "draining", "shutdown");
    }

    @Test
    void theDefaultErrorReplyIsTheErrorAsJson() {
        Handler handler = exchange -> { };
        Reply reply = handler.errorReply(new Fixed(), new HTTPNotFound());
        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.reason()).isEqualTo("Not Found");
        assertThat(reply.header("Content-Type")).isEqualTo("application/json");
        byte[] json = new HTTPNotFound().toJson();
        assertThat(reply.header("content-length")).isEqualTo(Integer.toString(json.length));
        assertThat(((ReplyBody.Bytes) reply.body()).bytes()).isEqualTo(json);
        assertThat(new String(json, StandardCharsets.UTF_8)).contains("404 Not Found");
        assertThat(reply.hasAfterSent()).isFalse();
    }

    @Test
    void anErrorReplyKeepsTheErrorsHeadersAndReason() {
        HTTPError error = new HTTPError("499");
        Reply noReason = Reply.error(error);
        assertThat(noReason.status()).isEqualTo(499);
        assertThat(noReason.reason()).isEmpty();
        HTTPError withSpace = new HTTPError("299 A B");
        assertThat(Reply.error(withSpace).reason()).isEqualTo("A B");
    }

    @Test
    void headerFindsTheFirstValueInAnyCase() {
        Reply reply = new Reply(200, "OK", List.of("a", "1", "b", "2", "b", "3"), null, null);
        assertThat(reply.header("a")).isEqualTo("1");
        assertThat(reply.header("B")).isEqualTo("2");
        assertThat(reply.header("c")).isNull();
        assertThat(new Reply(200, "OK", List.of(), null, null).header("a")).isNull();
    }

    @Test
    void afterSentCallbacksAreTold() {
        int[] runs = {0};
        Reply with = new Reply(200, "OK", List.of(), null, () -> runs[0]++);
        assertThat(with.hasAfterSent()).isTrue();
        with.afterSent();
        assertThat(runs[0]).isEqualTo(1);
        Reply without = new Reply(200, "OK", List.of(), null, null);
        assertThat(without.hasAfterSent()).isFalse();
        without.afterSent();
    }

    @Test
    void containsIsWhetherTheHeaderWasSent() {
        RequestHeaders headers = new Headers(Map.of("host", "example.com"));
        assertThat(headers.contains("Host")).isTrue();
        assertThat(headers.contains("accept")).isFalse();
    }
}
