package falcon.server;

import falcon.App;
import falcon.Request;
import falcon.Response;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** The small Falcon app the server tests run against. */
public final class TestApp {

    /** Bytes of the lazily produced stream served by {@code /stream}. */
    static final int STREAM_BYTES = 5 * 1024 * 1024;

    final App app = new App();
    final CountDownLatch slowStarted = new CountDownLatch(1);
    final CountDownLatch slowRelease = new CountDownLatch(1);
    final CountDownLatch uploadStarted = new CountDownLatch(1);

    TestApp() {
        app.addRoute("/hello", new Hello());
        app.addRoute("/echo", new Echo());
        app.addRoute("/count", new Count());
        app.addRoute("/info", new Info());
        app.addRoute("/stream", new Stream());
        app.addRoute("/slow", new Slow());
        app.addRoute("/big", new Big());
        app.addRoute("/header", new Object() {
            // GET /header?name=N&value=V: a response header the App takes from the client, as is
            public void onGet(Request req, Response resp) {
                resp.setHeader(req.getParam("name"), req.getParam("value"));
                resp.setText("set");
            }
        });
    }

    /** How many times {@code /big} was answered. */
    final java.util.concurrent.atomic.AtomicInteger bigServed = new java.util.concurrent.atomic.AtomicInteger();

    /** Bytes of {@code /big}'s body, sent as one full response. */
    static final int BIG_BYTES = 1024 * 1024;

    /** GET /big: a 1 MiB body set at once (not streamed). */
    public final class Big {
        public void onGet(Request req, Response resp) {
            bigServed.incrementAndGet();
            resp.setContentType("application/octet-stream");
            resp.setData(new byte[BIG_BYTES]);
        }
    }

    /** The byte at {@code i} of {@code /stream}. */
    /** Reads {@code in} to its end, checks every byte against {@link #streamByte}, returns the count. */
    static long readStream(java.io.InputStream in) throws java.io.IOException {
        long n = 0;
        try (in) {
            byte[] buf = new byte[65536];
            for (int k; (k = in.read(buf)) != -1;) {
                for (int i = 0; i < k; i++, n++) {
                    if (buf[i] != streamByte(n)) {
                        throw new AssertionError("byte " + n + " differs");
                    }
                }
            }
        }
        return n;
    }

    static byte streamByte(long i) {
        return (byte) ('a' + (i * 7 + i / 1024) % 26);
    }

    /** GET /hello: a short text. */
    public static final class Hello {
        public void onGet(Request req, Response resp) {
            resp.setContentType("text/plain");
            resp.setText("Hello, world!");
        }

        public void onHead(Request req, Response resp) {
            onGet(req, resp);
        }
    }

    /** POST /echo: the JSON body back. */
    public static final class Echo {
        public void onPost(Request req, Response resp) {
            resp.setMedia(req.getMedia());
        }
    }

    /** POST /count: how many bytes the body had and their sum, read as a stream. */
    public final class Count {
        public void onPost(Request req, Response resp) throws IOException {
            uploadStarted.countDown();
            InputStream in = req.getStream();
            byte[] buf = new byte[4096];
            long count = 0;
            long sum = 0;
            for (int n; (n = in.read(buf)) != -1;) {
                count += n;
                for (int i = 0; i < n; i++) {
                    sum += buf[i] & 0xff;
                }
            }
            resp.setMedia(Map.of("count", count, "sum", sum));
        }
    }

    /** GET /info: what the request saw of the exchange. */
    public static final class Info {
        public void onGet(Request req, Response resp) {
            Map<String, Object> info = new LinkedHashMap<>();
            info.put("method", req.getMethod());
            info.put("path", req.getPath());
            info.put("query", req.getQueryString());
            info.put("protocol", req.getProtocol());
            info.put("scheme", req.getScheme());
            info.put("host", req.getHost());
            info.put("port", req.getPort());
            info.put("remoteAddr", req.getRemoteAddr());
            info.put("multi", req.getHeader("x-multi"));
            resp.setMedia(info);
        }
    }

    /** GET /stream: 5 MB produced lazily, never held in memory. */
    public static final class Stream {
        public void onGet(Request req, Response resp) {
            resp.setContentType("application/octet-stream");
            resp.setStream(new InputStream() {
                private long pos;

                @Override
                public int read() {
                    return pos < STREAM_BYTES ? streamByte(pos++) & 0xff : -1;
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    if (pos >= STREAM_BYTES) {
                        return -1;
                    }
                    int n = (int) Math.min(len, Math.min(STREAM_BYTES - pos, 10_000));
                    for (int i = 0; i < n; i++) {
                        b[off + i] = streamByte(pos++);
                    }
                    return n;
                }
            });
        }
    }

    /** GET /slow: answers once the test releases it. */
    public final class Slow {
        public void onGet(Request req, Response resp) throws InterruptedException {
            slowStarted.countDown();
            if (!slowRelease.await(20, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
            resp.setText("finally");
        }
    }
}
