package falcon.testing;

import falcon.Request;
import falcon.RequestOptions;
import falcon.Response;
import falcon.ResponseOptions;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Factories of requests and responses, to unit-test middleware and hooks without an App, and the
 * small helpers of Falcon's {@code falcon.testing}: random strings, a free port, a charset.
 *
 * <p>Falcon: {@code falcon.testing.create_req}, {@code create_asgi_req}, {@code create_resp},
 * {@code rand_string}, {@code get_unused_port}, {@code get_encoding_from_headers}, {@code
 * redirected}.
 */
public final class Testing {

    private Testing() {
    }

    /**
     * Creates a GET request for {@code path} with default options.
     *
     * @param path the path, possibly with a query string and percent-escapes
     * @return the request
     */
    public static Request createReq(String path) {
        return createReq("GET", path, Simulate.with());
    }

    /**
     * Creates a request as a simulated request would make it.
     *
     * @param method the method, e.g. {@code GET}
     * @param path the path, possibly with a query string and percent-escapes
     * @param options the other parts of the request
     * @return the request
     */
    public static Request createReq(String method, String path, Simulate options) {
        return new Request(new InMemoryExchange(method, path, options), new RequestOptions());
    }

    /**
     * Creates a request with the given request options.
     *
     * @param method the method, e.g. {@code GET}
     * @param path the path, possibly with a query string and percent-escapes
     * @param options the other parts of the request
     * @param reqOptions the options the request is created with
     * @return the request
     */
    public static Request createReq(String method, String path, Simulate options, RequestOptions reqOptions) {
        return new Request(new InMemoryExchange(method, path, options), reqOptions);
    }

    /**
     * Creates a response with default options.
     *
     * @return the response
     */
    public static Response createResp() {
        return new Response(new ResponseOptions());
    }

    /**
     * Creates a response with the given options.
     *
     * @param options the options the response is created with
     * @return the response
     */
    public static Response createResp(ResponseOptions options) {
        return new Response(options);
    }

    /**
     * Creates a request for an asynchronous responder; the same as {@link #createReq(String,
     * String, Simulate)}, since one {@link Request} type serves blocking and asynchronous code
     * ({@code req.getStreamAsync()}, {@code req.readAllAsync()} read its body without blocking).
     *
     * <p>Falcon: {@code falcon.testing.create_asgi_req(body, req_type, options, **kwargs)}.
     *
     * @param method the method, e.g. {@code GET}
     * @param path the path, possibly with a query string and percent-escapes
     * @param options the other parts of the request
     * @return the request
     */
    public static Request createAsgiReq(String method, String path, Simulate options) {
        return createReq(method, path, options);
    }

    /**
     * Creates a request for an asynchronous responder with the given request options.
     *
     * @param method the method, e.g. {@code GET}
     * @param path the path, possibly with a query string and percent-escapes
     * @param options the other parts of the request
     * @param reqOptions the options the request is created with
     * @return the request
     */
    public static Request createAsgiReq(String method, String path, Simulate options, RequestOptions reqOptions) {
        return createReq(method, path, options, reqOptions);
    }

    /**
     * Returns a random string of printable ASCII characters (space to {@code ~}), of a random
     * length between {@code min} and {@code max}, both inclusive.
     *
     * <p>Falcon: {@code falcon.testing.rand_string(min, max)}.
     *
     * @param min the shortest length
     * @param max the longest length
     * @return the string
     * @throws IllegalArgumentException when {@code min} is negative or greater than {@code max}
     */
    public static String randString(int min, int max) {
        if (min < 0 || min > max) {
            throw new IllegalArgumentException("0 <= min <= max is required, got min=" + min + ", max=" + max);
        }
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int length = random.nextInt(min, max + 1);
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = (char) random.nextInt(' ', '~' + 1);
        }
        return new String(chars);
    }

    /**
     * Returns a loopback TCP port that was free a moment ago, for a test server. Another process
     * may take it before the caller binds it: retry with a new port when binding fails.
     *
     * <p>Falcon: {@code falcon.testing.get_unused_port()}.
     *
     * @return the port number
     * @throws UncheckedIOException when no port can be bound at all
     */
    public static int getUnusedPort() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return socket.getLocalPort();
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot bind a loopback port", ex);
        }
    }

    /**
     * Returns the character encoding a response's headers declare: the Content-Type's {@code
     * charset}, else {@code UTF-8} for {@code application/json} and {@code text/event-stream},
     * else {@code ISO-8859-1} for a {@code text} type, else {@code null}.
     *
     * <p>Falcon: {@code falcon.testing.get_encoding_from_headers(headers)}.
     *
     * @param headers the headers, names in any case
     * @return the encoding's name, or {@code null} when the headers name none
     */
    public static String getEncodingFromHeaders(Map<String, String> headers) {
        String contentType = null;
        for (Map.Entry<String, String> e : headers.entrySet()) {
            if (e.getKey().equalsIgnoreCase("content-type")) {
                contentType = e.getValue();
                break;
            }
        }
        if (contentType == null || contentType.isEmpty()) {
            return null;
        }
        String[] parts = contentType.split(";");
        String type = parts[0].trim().toLowerCase(Locale.ROOT);
        for (int i = 1; i < parts.length; i++) {
            int eq = parts[i].indexOf('=');
            if (eq > 0 && parts[i].substring(0, eq).trim().equalsIgnoreCase("charset")) {
                return strip(parts[i].substring(eq + 1).trim());
            }
        }
        if (type.equals("text/event-stream") || type.equals("application/json")) {
            return "UTF-8";
        }
        if (type.contains("text")) {
            return "ISO-8859-1";
        }
        return null;
    }

    /**
     * Sends {@code System.out} and {@code System.err} to the given streams until the returned
     * object is closed, e.g. to check what a component prints:
     *
     * <pre>{@code
     * try (Testing.Redirected r = Testing.redirected(out, null)) {
     *     ...
     * }
     * }</pre>
     *
     * <p>The streams are the JVM's, so other threads' output is redirected too.
     *
     * <p>Falcon: {@code falcon.testing.redirected(stdout, stderr)}.
     *
     * @param stdout where {@code System.out} writes meanwhile, or {@code null} to leave it
     * @param stderr where {@code System.err} writes meanwhile, or {@code null} to leave it
     * @return closing it restores both streams
     */
    public static Redirected redirected(PrintStream stdout, PrintStream stderr) {
        Redirected redirected = new Redirected(System.out, System.err);
        if (stdout != null) {
            System.setOut(stdout);
        }
        if (stderr != null) {
            System.setErr(stderr);
        }
        return redirected;
    }

    /** What {@link #redirected} returns: closing it puts the previous streams back. */
    public static final class Redirected implements AutoCloseable {
        private final PrintStream out;
        private final PrintStream err;

        private Redirected(PrintStream out, PrintStream err) {
            this.out = out;
            this.err = err;
        }

        /** Restores the {@code System.out} and {@code System.err} of before. */
        @Override
        public void close() {
            System.setOut(out);
            System.setErr(err);
        }
    }

    // Python's str.strip('\'"'): quotes of either kind, from both ends.
    private static String strip(String value) {
        int start = 0;
        int end = value.length();
        while (start < end && (value.charAt(start) == '"' || value.charAt(start) == '\'')) {
            start++;
        }
        while (end > start && (value.charAt(end - 1) == '"' || value.charAt(end - 1) == '\'')) {
            end--;
        }
        return value.substring(start, end);
    }
}
