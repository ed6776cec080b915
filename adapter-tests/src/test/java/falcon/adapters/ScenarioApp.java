package falcon.adapters;

import falcon.App;
import falcon.Middleware;
import falcon.Request;
import falcon.Response;
import falcon.SSEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.CRC32;

/**
 * The one App every scenario talks to, with every route the scenarios need, and the probes
 * through which a scenario sees what happened inside it. A request that a probe watches names
 * itself with {@code ?probe=NAME}, so that scenarios sharing the App never share a probe.
 */
final class ScenarioApp {

    /** The text of {@code GET /hello}: 15 bytes. */
    static final String HELLO = "Hello, adapter!";

    final App app = new App();
    final Lifespan lifespan = new Lifespan();
    /** Counted down when a probed upload's first bytes reached the responder. */
    final Signals firstRead = new Signals();
    /** Counted down by a scenario when the first event of a probed SSE stream reached it. */
    final Signals clientSawFirstEvent = new Signals();
    /** Counted down by a probed response's after-response callback. */
    final Signals afterSent = new Signals();
    /** Counted down when a probed upload reached the responder, before it reads anything. */
    final Signals uploadEntered = new Signals();
    /** The stages that parked probed async responders wait for, by probe. */
    private final Map<String, BlockingQueue<CompletableFuture<String>>> parked = new ConcurrentHashMap<>();

    /** The size of {@code /static/big.bin}: large enough for a container's sendfile path. */
    static final int STATIC_FILE_BYTES = 256 * 1024;

    /** The bytes of {@code /static/big.bin}: byte {@code i} is {@code i * 31 % 251}. */
    static byte[] staticFileBytes() {
        byte[] b = new byte[STATIC_FILE_BYTES];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) (i * 31 % 251);
        }
        return b;
    }

    ScenarioApp() {
        app.addMiddleware(lifespan);
        try {
            Path dir = Files.createTempDirectory("adapter-tests-static");
            dir.toFile().deleteOnExit();
            Path big = Files.write(dir.resolve("big.bin"), staticFileBytes());
            big.toFile().deleteOnExit();
            app.addStaticRoute("/static", dir);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        app.addRoute("/hello", new Object() {
            public void onGet(Request req, Response resp) {
                resp.setContentType("text/plain; charset=utf-8");
                resp.setText(HELLO);
            }

            public void onHead(Request req, Response resp) {
                onGet(req, resp);
            }
        });
        app.addRoute("/things", new Object() {
            public void onGet(Request req, Response resp) {
                resp.setMedia(Map.of("things", List.of("a", "b")));
            }

            public void onPost(Request req, Response resp) {
                resp.setStatus(201);
                resp.setMedia(Map.of("echo", req.getMedia()));
            }
        });
        app.addRoute("/things/{id}", new Object() {
            public void onGet(Request req, Response resp, String id) {
                resp.setMedia(Map.of("id", id, "path", req.getPath()));
            }
        });
        app.addRoute("/query", new Object() {
            public void onGet(Request req, Response resp) {
                resp.setMedia(Map.of("raw", req.getQueryString(), "q", req.getParam("q"), "amp", req.getParam("amp")));
            }
        });
        app.addRoute("/headers", new Object() {
            public void onGet(Request req, Response resp) {
                resp.setMedia(Map.of("tag", req.getHeader("X-Tag"),
                        "all", req.getExchange().headers().getAll("X-Tag")));
            }
        });
        app.addRoute("/upload", new Object() {
            /** Counts and checksums the body as it reads it, in chunks. */
            public void onPost(Request req, Response resp) throws IOException {
                String probe = req.getParam("probe");
                if (probe != null) {
                    uploadEntered.of(probe).countDown();
                }
                CRC32 crc = new CRC32();
                long total = 0;
                byte[] buf = new byte[8192];
                try (InputStream in = req.getBoundedStream()) {
                    int n;
                    while ((n = in.read(buf)) >= 0) {
                        if (probe != null) {
                            firstRead.of(probe).countDown();
                        }
                        crc.update(buf, 0, n);
                        total += n;
                    }
                }
                resp.setMedia(Map.of("bytes", total, "crc", crc.getValue()));
            }
        });
        app.addRoute("/download", new Object() {
            public void onGet(Request req, Response resp) {
                resp.setContentType("application/octet-stream");
                resp.setStream(new Pattern(Integer.parseInt(req.getParam("bytes"))));
            }
        });
        app.addRoute("/cookies", new Object() {
            public void onGet(Request req, Response resp) {
                resp.setCookie("a", "1");
                resp.setCookie("b", "2");
                resp.setText("cookies");
            }
        });
        app.addRoute("/async", new Object() {
            /** Parks until the scenario completes the stage it finds under the probe. */
            public CompletionStage<?> onGet(Request req, Response resp) {
                CompletableFuture<String> later = new CompletableFuture<>();
                parked(req.getParam("probe")).add(later);
                return later.thenAccept(resp::setText);
            }
        });
        app.addRoute("/events", new Object() {
            /** Sends "one", waits until the scenario saw it, then sends "two" and "three". */
            public void onGet(Request req, Response resp) {
                CountDownLatch sawFirst = clientSawFirstEvent.of(req.getParam("probe"));
                resp.setSse(emitter -> {
                    emitter.send(SSEvent.ofText("one"));
                    if (!sawFirst.await(10, TimeUnit.SECONDS)) {
                        emitter.send(SSEvent.ofText("the first event never reached the client"));
                        return;
                    }
                    emitter.send(SSEvent.ofText("two"));
                    emitter.send(SSEvent.ofText("three"));
                });
            }
        });
        app.addRoute("/peer", new Object() {
            public void onGet(Request req, Response resp) {
                resp.setMedia(Map.of("remoteAddr", req.getRemoteAddr(), "scheme", req.getScheme(),
                        "protocol", req.getProtocol(), "rootPath", req.getRootPath()));
            }
        });
        app.addRoute("/boom", new Object() {
            public void onGet(Request req, Response resp) {
                throw new IllegalStateException("a bug in a responder");
            }
        });
        app.addRoute("/scheduled", new Object() {
            public void onGet(Request req, Response resp) {
                CountDownLatch sent = afterSent.of(req.getParam("probe"));
                resp.setText("scheduled");
                resp.scheduleSync(sent::countDown);
            }
        });
    }

    /**
     * The stages of the async responders parked under {@code probe}, each added when its request
     * reached the responder: {@code poll} with a timeout waits for the next one to arrive.
     */
    BlockingQueue<CompletableFuture<String>> parked(String probe) {
        return parked.computeIfAbsent(probe, p -> new LinkedBlockingQueue<>());
    }

    /** Records the App's lifespan events. */
    static final class Lifespan implements Middleware {
        final AtomicBoolean started = new AtomicBoolean();
        final AtomicBoolean stopped = new AtomicBoolean();

        @Override
        public void processStartup() {
            started.set(true);
        }

        @Override
        public void processShutdown() {
            stopped.set(true);
        }
    }

    /** One-shot latches by probe name, created by whichever side asks first. */
    static final class Signals {
        private final Map<String, CountDownLatch> latches = new ConcurrentHashMap<>();

        CountDownLatch of(String probe) {
            return latches.computeIfAbsent(probe, p -> new CountDownLatch(1));
        }
    }
}
