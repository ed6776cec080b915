package falcon.asgi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import falcon.App;
import falcon.AsyncBeforeHook;
import falcon.Before;
import falcon.HTTPForbidden;
import falcon.HTTPNotFound;
import falcon.Middleware;
import falcon.Request;
import falcon.Response;
import falcon.gateway.Exchange;
import falcon.gateway.Reply;
import falcon.gateway.RequestHeaders;
import falcon.routing.RouteParams;
import falcon.testing.Conductor;
import falcon.testing.Result;
import falcon.testing.Simulate;
import falcon.testing.TestClient;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.SubmissionPublisher;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Async responders, middleware, hooks, error handlers and sinks on one App; Falcon: tests/asgi/test_asgi_servers.py et al. */
class AsyncFlowTest {

    /** Completes stages later, on another thread, so that the App really has to park. */
    private static final Executor LATER = CompletableFuture.delayedExecutor(20, TimeUnit.MILLISECONDS);

    private static <T> CompletableFuture<T> later(java.util.function.Supplier<T> value) {
        return CompletableFuture.supplyAsync(value, LATER);
    }

    public static final class Things {
        public CompletionStage<Void> onGet(Request req, Response resp) {
            return later(() -> {
                resp.setMedia(java.util.Map.of("async", true));
                return null;
            });
        }

        public void onPost(Request req, Response resp) {
            resp.setText("blocking");
        }

        public CompletionStage<Void> onPut(Request req, Response resp) {
            return later(() -> {
                throw new HTTPForbidden();
            });
        }

        public CompletionStage<Void> onPatch(Request req, Response resp) {
            return req.readAllAsync().thenAccept(body ->
                    resp.setText("read " + new String(body, StandardCharsets.UTF_8)));
        }
    }

    @Test
    void anAsyncResponderCompletesLater() {
        App app = new App();
        app.addRoute("/things", new Things());
        TestClient client = new TestClient(app);
        assertThat(client.simulateGet("/things").getText()).isEqualTo("{\"async\": true}");
        assertThat(client.simulatePost("/things").getText()).isEqualTo("blocking");
    }

    @Test
    void aFailedStageGoesToTheErrorHandlers() {
        App app = new App();
        app.addRoute("/things", new Things());
        assertThat(new TestClient(app).simulatePut("/things").getStatusCode()).isEqualTo(403);
    }

    @Test
    void theBodyCanBeReadAsynchronously() {
        App app = new App();
        app.addRoute("/things", new Things());
        assertThat(new TestClient(app).simulatePatch("/things", Simulate.with().body("hi")).getText())
                .isEqualTo("read hi");
    }

    @Test
    void asyncMiddlewareRunsInFalconsOrder() {
        List<String> calls = new CopyOnWriteArrayList<>();
        Middleware async = new Middleware() {
            @Override
            public CompletionStage<?> processRequestAsync(Request req, Response resp) {
                return later(() -> calls.add("req-async"));
            }

            @Override
            public CompletionStage<?> processResourceAsync(Request req, Response resp, Object resource,
                    RouteParams params) {
                return later(() -> calls.add("rsrc-async"));
            }

            @Override
            public CompletionStage<?> processResponseAsync(Request req, Response resp, Object resource,
                    boolean ok) {
                return later(() -> calls.add("resp-async " + ok));
            }
        };
        Middleware blocking = new Middleware() {
            @Override
            public void processRequest(Request req, Response resp) {
                calls.add("req");
            }

            @Override
            public void processResponse(Request req, Response resp, Object resource, boolean ok) {
                calls.add("resp " + ok);
            }
        };
        App app = App.builder().middleware(async, blocking).build();
        app.addRoute("/things", new Things());
        assertThat(new TestClient(app).simulateGet("/things").getStatusCode()).isEqualTo(200);
        assertThat(calls).containsExactly("req-async", "req", "rsrc-async", "resp true", "resp-async true");
    }

    @Test
    void asyncMiddlewareCanShortCircuit() {
        App app = App.builder().middleware(new Middleware() {
            @Override
            public CompletionStage<?> processRequestAsync(Request req, Response resp) {
                return later(() -> {
                    resp.setText("cached");
                    resp.setComplete(true);
                    return null;
                });
            }
        }).build();
        app.addRoute("/things", new Things());
        assertThat(new TestClient(app).simulateGet("/things").getText()).isEqualTo("cached");
    }

    @Test
    void dependentMiddlewareWorksAsynchronously() {
        List<String> calls = new CopyOnWriteArrayList<>();
        Middleware failing = new Middleware() {
            @Override
            public CompletionStage<?> processRequestAsync(Request req, Response resp) {
                return later(() -> {
                    throw new HTTPNotFound();
                });
            }

            @Override
            public void processResponse(Request req, Response resp, Object resource, boolean ok) {
                calls.add("failing resp");
            }
        };
        Middleware first = new Middleware() {
            @Override
            public void processRequest(Request req, Response resp) {
                calls.add("first req");
            }

            @Override
            public void processResponse(Request req, Response resp, Object resource, boolean ok) {
                calls.add("first resp " + ok);
            }
        };
        App app = App.builder().independentMiddleware(false).middleware(first, failing).build();
        app.addRoute("/things", new Things());
        assertThat(new TestClient(app).simulateGet("/things").getStatusCode()).isEqualTo(404);
        assertThat(calls).containsExactly("first req", "first resp false");
    }

    @Test
    void asyncErrorHandlersAndSinks() {
        App app = new App();
        app.addAsyncErrorHandler(IllegalArgumentException.class, (req, resp, ex, params) ->
                later(() -> {
                    resp.setStatus(422);
                    resp.setText("handled " + ex.getMessage());
                    return null;
                }));
        app.addAsyncSink((req, resp, params) -> later(() -> {
            throw new IllegalArgumentException(params.get("name").toString());
        }), "/sink/(?<name>[a-z]+)");
        Result result = new TestClient(app).simulateGet("/sink/abc");
        assertThat(result.getStatusCode()).isEqualTo(422);
        assertThat(result.getText()).isEqualTo("handled abc");
    }

    public static final class Authorize implements AsyncBeforeHook {
        @Override
        public CompletionStage<?> beforeAsync(Request req, Response resp, Object resource, RouteParams params) {
            return later(() -> {
                if (req.getHeader("Authorization") == null) {
                    throw new HTTPForbidden();
                }
                params.put("user", "alice");
                return null;
            });
        }
    }

    public static final class Hooked {
        @Before(Authorize.class)
        public CompletionStage<Void> onGet(Request req, Response resp, String user) {
            return later(() -> {
                resp.setText("hello " + user);
                return null;
            });
        }
    }

    @Test
    void asyncHooksRunBeforeTheResponder() {
        App app = new App();
        app.addRoute("/hooked", new Hooked());
        TestClient client = new TestClient(app);
        assertThat(client.simulateGet("/hooked").getStatusCode()).isEqualTo(403);
        assertThat(client.simulateGet("/hooked", Simulate.with().header("Authorization", "x")).getText())
                .isEqualTo("hello alice");
    }

    @Test
    void parkedRequestsHoldNoThreadAndRunConcurrently() throws Exception {
        CompletableFuture<Void> gate = new CompletableFuture<>();
        App app = new App();
        app.addRoute("/wait", new Object() {
            public CompletionStage<Void> onGet(Request req, Response resp) {
                return gate.thenRun(() -> resp.setText("released"));
            }
        });
        app.addRoute("/open", new Object() {
            public void onGet(Request req, Response resp) {
                gate.complete(null);
                resp.setText("opened");
            }
        });
        TestClient client = new TestClient(app);
        CompletableFuture<Result> waiting = client.simulateGetAsync("/wait");
        CompletableFuture<Result> opening = client.simulateGetAsync("/open");
        assertThat(opening.get(5, TimeUnit.SECONDS).getText()).isEqualTo("opened");
        assertThat(waiting.get(5, TimeUnit.SECONDS).getText()).isEqualTo("released");
    }

    /** The smallest exchange: a GET whose reply a test can wait for. */
    static final class GetExchange implements Exchange {
        final String path;
        final CompletableFuture<Reply> reply = new CompletableFuture<>();

        GetExchange(String path) {
            this.path = path;
        }

        // CHECKSTYLE:OFF the SPI's plain accessors
        @Override public String method() { return "GET"; }
        @Override public String rawPath() { return path; }
        @Override public String queryString() { return ""; }
        @Override public String protocol() { return "HTTP/1.1"; }
        @Override public String scheme() { return "http"; }
        @Override public String serverHost() { return "localhost"; }
        @Override public int serverPort() { return 80; }
        @Override public String remoteAddr() { return "127.0.0.1"; }
        @Override public InputStream body() { return InputStream.nullInputStream(); }
        @Override public void respond(Reply r) { reply.complete(r); }
        // CHECKSTYLE:ON

        @Override
        public RequestHeaders headers() {
            return new RequestHeaders() {
                @Override
                public String get(String name) {
                    return null;
                }

                @Override
                public List<String> getAll(String name) {
                    return List.of();
                }

                @Override
                public int size() {
                    return 0;
                }

                @Override
                public Iterator<Map.Entry<String, String>> iterator() {
                    return Collections.emptyIterator();
                }
            };
        }
    }

    @Test
    void aPendingStageParksTheRequestAndFreesTheAdaptersThread() throws Exception {
        CompletableFuture<Void> gate = new CompletableFuture<>();
        App app = new App();
        app.addRoute("/wait", new Object() {
            public CompletionStage<Void> onGet(Request req, Response resp) {
                return gate.thenRun(() -> resp.setText("released"));
            }
        });
        GetExchange exchange = new GetExchange("/wait");
        try {
            // The adapter's thread gets back from handle() while the stage is still pending: the
            // flow parked on the stage instead of blocking the thread until it completes.
            CompletableFuture.runAsync(() -> app.handle(exchange)).get(5, TimeUnit.SECONDS);
            assertThat(exchange.reply).as("no reply before the stage completes").isNotDone();
        } finally {
            gate.complete(null);
        }
        Reply reply = exchange.reply.get(5, TimeUnit.SECONDS);
        assertThat(reply.status()).isEqualTo(200);
    }

    @Test
    void aStreamPublisherIsTheBody() {
        App app = new App();
        app.addRoute("/stream", new Object() {
            public void onGet(Request req, Response resp) {
                SubmissionPublisher<ByteBuffer> pub = new SubmissionPublisher<>();
                resp.setStreamPublisher(pub);
                resp.setContentType("text/plain");
                new Thread(() -> {
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException ex) {
                        return;
                    }
                    pub.submit(ByteBuffer.wrap("a".getBytes(StandardCharsets.UTF_8)));
                    pub.submit(ByteBuffer.wrap("b".getBytes(StandardCharsets.UTF_8)));
                    pub.close();
                }).start();
            }
        });
        Result result = new TestClient(app).simulateGet("/stream");
        assertThat(result.getText()).isEqualTo("ab");
        assertThat(result.getHeader("content-length")).isNull();
    }

    @Test
    void scheduledCallbacksRunAfterTheResponse() throws Exception {
        List<String> events = new CopyOnWriteArrayList<>();
        CountDownLatch ran = new CountDownLatch(2);
        App app = new App();
        app.addRoute("/cb", new Object() {
            public void onGet(Request req, Response resp) {
                resp.scheduleSync(() -> {
                    events.add("sync callback");
                    ran.countDown();
                });
                resp.schedule(() -> CompletableFuture.runAsync(() -> {
                    events.add("async callback");
                    ran.countDown();
                }));
                resp.setText("body");
            }
        });
        GetExchange exchange = new GetExchange("/cb");
        app.handle(exchange);
        Reply reply = exchange.reply.get(5, TimeUnit.SECONDS);
        assertThat(reply.hasAfterSent()).isTrue();
        assertThat(events).as("nothing runs before the adapter says the response is out").isEmpty();
        reply.afterSent();
        assertThat(ran.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(events).containsExactlyInAnyOrder("sync callback", "async callback");
    }

    @Test
    void theTestClientRunsScheduledCallbacksAfterReadingTheWholeBody() {
        List<String> events = new CopyOnWriteArrayList<>();
        App app = new App();
        app.addRoute("/cb", new Object() {
            public void onGet(Request req, Response resp) {
                resp.scheduleSync(() -> events.add("callback"));
                byte[] body = "body".getBytes(StandardCharsets.UTF_8);
                resp.setStream(new InputStream() {
                    private int next;

                    @Override
                    public int read() {
                        if (next < body.length) {
                            return body[next++];
                        }
                        if (!events.contains("body sent")) {
                            events.add("body sent");
                        }
                        return -1;
                    }
                });
            }
        });
        assertThat(new TestClient(app).simulateGet("/cb").getText()).isEqualTo("body");
        assertThat(events).containsExactly("body sent", "callback");
    }

    @Test
    void scheduledCallbacksDoNotRunAfterAnUnhandledError() {
        List<String> ran = new CopyOnWriteArrayList<>();
        App app = new App();
        app.addRoute("/cb", new Object() {
            public void onGet(Request req, Response resp) {
                resp.scheduleSync(() -> ran.add("callback"));
                throw new AssertionError("no handler takes an Error");
            }
        });
        assertThat(new TestClient(app).simulateGet("/cb").getStatusCode()).isEqualTo(500);
        assertThat(ran).isEmpty();
    }

    @Test
    void aHandledErrorStillRunsScheduledCallbacks() {
        List<String> ran = new CopyOnWriteArrayList<>();
        App app = new App();
        app.addRoute("/cb", new Object() {
            public void onGet(Request req, Response resp) {
                resp.scheduleSync(() -> ran.add("callback"));
                throw new HTTPForbidden();
            }
        });
        assertThat(new TestClient(app).simulateGet("/cb").getStatusCode()).isEqualTo(403);
        assertThat(ran).containsExactly("callback");
    }

    static final class Lifespan implements Middleware {
        final List<String> events;
        final String name;
        final boolean failStartup;

        Lifespan(String name, boolean failStartup) {
            this(name, failStartup, new CopyOnWriteArrayList<>());
        }

        Lifespan(String name, boolean failStartup, List<String> events) {
            this.name = name;
            this.failStartup = failStartup;
            this.events = events;
        }

        @Override
        public void processStartup() {
            if (failStartup) {
                throw new IllegalStateException("no database");
            }
            events.add(name + " startup");
        }

        @Override
        public void processShutdown() {
            events.add(name + " shutdown");
        }
    }

    @Test
    void theConductorRunsStartupAndShutdownInFalconsOrder() {
        List<String> events = new CopyOnWriteArrayList<>();
        Lifespan a = new Lifespan("a", false, events);
        Lifespan b = new Lifespan("b", false, events);
        Lifespan c = new Lifespan("c", false, events);
        App app = App.builder().middleware(a, b, c).build();
        app.addRoute("/things", new Things());
        try (Conductor conductor = new TestClient(app).conductor()) {
            assertThat(events).as("startup in order, before any request")
                    .containsExactly("a startup", "b startup", "c startup");
            assertThat(conductor.simulateGet("/things").getStatusCode()).isEqualTo(200);
            assertThat(events).as("no shutdown while the conductor is open").hasSize(3);
        }
        // Falcon runs process_shutdown in the reverse order of the middleware list.
        assertThat(events).containsExactly(
                "a startup", "b startup", "c startup", "c shutdown", "b shutdown", "a shutdown");
    }

    @Test
    void aStartupFailureStopsTheComponentsAfterIt() {
        List<String> events = new CopyOnWriteArrayList<>();
        App app = App.builder().middleware(new Lifespan("a", false, events), new Lifespan("bad", true, events),
                new Lifespan("c", false, events)).build();
        assertThatThrownBy(app::startup)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("startup failed: " + Lifespan.class.getName()
                        + ".processStartup raised java.lang.IllegalStateException: no database")
                .hasCauseInstanceOf(IllegalStateException.class);
        assertThat(events).containsExactly("a startup");
    }

    @Test
    void aShutdownFailureIsReportedAndSkipsTheComponentsBeforeIt() {
        List<String> events = new CopyOnWriteArrayList<>();
        Middleware failing = new Middleware() {
            @Override
            public void processShutdown() throws Exception {
                events.add("bad shutdown");
                throw new java.io.IOException("disk gone");
            }
        };
        App app = App.builder().middleware(new Lifespan("a", false, events), failing,
                new Lifespan("c", false, events)).build();
        app.startup();
        assertThatThrownBy(app::shutdown)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("shutdown failed: ")
                .hasMessageEndingWith(".processShutdown raised java.io.IOException: disk gone")
                .hasRootCauseMessage("disk gone");
        // reverse order: c, then the failing one; a is skipped
        assertThat(events).containsExactly("a startup", "c startup", "c shutdown", "bad shutdown");
    }

    @Test
    void aStartupFailureIsReported() {
        App app = App.builder().middleware(new Lifespan("bad", true)).build();
        assertThatThrownBy(() -> new TestClient(app).conductor())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("processStartup")
                .hasRootCauseMessage("no database");
    }
}
