package falcon.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import falcon.App;
import falcon.CORSMiddleware;
import falcon.Middleware;
import falcon.Request;
import falcon.Response;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * CORS in a real browser: headless Chromium loads a page from one origin whose script
 * calls the API on another origin, served with {@code CORSMiddleware}; a page from an origin the
 * policy does not list is blocked. Skipped when {@code /usr/bin/chromium} is absent ({@code
 * .ci/run} installs Debian's {@code chromium}).
 *
 * <p>Origins: the allowed page on {@code http://127.0.0.1:A}, the API on {@code
 * http://localhost:B} (cross-site) and also called as {@code http://127.0.0.1:B} (same-site but
 * cross-origin, where a cookie is first-party, for the credentialed case), the disallowed page on
 * {@code http://127.0.0.1:C}. The browser's results are written into the DOM, read with {@code
 * --dump-dom}.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
@ExtendWith(NoLeaks.class)
class BrowserCorsTest {

    private static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
    private static final Pattern OUT = Pattern.compile("<pre id=\"out\">(.*?)</pre>", Pattern.DOTALL);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path tmp;

    private static Server pageA;
    private static Server api;
    private static Server pageC;
    private static String originA;
    private static String originC;
    /** What the API saw: "METHOD path origin [requested method] [requested headers]". */
    private static final Queue<String> seen = new ConcurrentLinkedQueue<>();
    private static JsonNode fromA;
    private static JsonNode fromC;

    @BeforeAll
    static void startServersAndRunTheBrowser() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), "needs /usr/bin/chromium (Debian package chromium)");

        App apiApp = App.builder().middleware(new Middleware() {
            @Override
            public void processRequest(Request req, Response resp) {
                seen.add(req.getMethod() + " " + req.getPath() + " " + req.getHeader("Origin") + " "
                        + req.getHeader("Access-Control-Request-Method") + " "
                        + req.getHeader("Access-Control-Request-Headers"));
            }
        }).build();
        api = Server.builder(apiApp).host("127.0.0.1").port(0).build().start();
        String apiOrigin = "http://localhost:" + api.port();
        // The same API by another name, same-site with the pages (cookies are first-party there).
        String apiSameSite = "http://127.0.0.1:" + api.port();

        App appA = new App();
        pageA = Server.builder(appA).host("127.0.0.1").port(0).build().start();
        originA = "http://127.0.0.1:" + pageA.port();
        App appC = new App();
        pageC = Server.builder(appC).host("127.0.0.1").port(0).build().start();
        originC = "http://127.0.0.1:" + pageC.port();

        apiApp.addMiddleware(new CORSMiddleware(List.of(originA), List.of("X-Total"), List.of(originA)));
        apiApp.addRoute("/api/simple", new Simple());
        apiApp.addRoute("/api/things", new Things());
        apiApp.addRoute("/api/login", new Login());
        apiApp.addRoute("/api/whoami", new WhoAmI());
        appA.addRoute("/page", new Page(apiOrigin, apiSameSite));
        appC.addRoute("/page", new Page(apiOrigin, apiSameSite));

        fromA = runPage(originA + "/page", "a");
        fromC = runPage(originC + "/page", "c");
    }

    @AfterAll
    static void stop() {
        for (Server s : new Server[] {pageA, api, pageC}) {
            if (s != null) {
                s.close();
            }
        }
    }

    /** GET /api/simple: a simple request; sets an exposed and an unexposed header. */
    public static final class Simple {
        public void onGet(Request req, Response resp) {
            resp.setHeader("X-Total", "42");
            resp.setHeader("X-Hidden", "nope");
            resp.setMedia(Map.of("hello", "cors"));
        }
    }

    /** PUT /api/things: needs a preflight (method, custom header, JSON body). */
    public static final class Things {
        public void onPut(Request req, Response resp) {
            // A LinkedHashMap: the page compares the JSON text, so the key order must be fixed.
            Map<String, Object> doc = new java.util.LinkedHashMap<>();
            doc.put("custom", req.getHeader("X-Custom"));
            doc.put("body", req.getMedia());
            resp.setMedia(doc);
        }
    }

    /** POST /api/login: sets a cookie the browser may send back on credentialed requests. */
    public static final class Login {
        public void onPost(Request req, Response resp) {
            resp.setCookie("sid", "s3cret", null, null, null, "/", false, true, "Lax");
            resp.setMedia(Map.of("ok", true));
        }
    }

    /** GET /api/whoami: the cookie the browser sent, if any. */
    public static final class WhoAmI {
        public void onGet(Request req, Response resp) {
            String sid = req.getCookies().getOrDefault("sid", "none");
            resp.setMedia(Map.of("sid", sid));
        }
    }

    /** GET /page: an HTML page whose script calls the API and writes what happened into the DOM. */
    public static final class Page {
        private final String html;

        Page(String api, String apiSameSite) {
            html = """
                    <!doctype html>
                    <html><head><title>pending</title></head><body>
                    <pre id="out">pending</pre>
                    <script>
                    const API = '%s';
                    const API_SAME_SITE = '%s';
                    async function attempt(name, url, init, read) {
                      try {
                        const r = await fetch(url, init);
                        results[name] = r.status + ' ' + await read(r);
                      } catch (e) {
                        results[name] = 'blocked ' + e.name;
                      }
                    }
                    const results = {};
                    (async () => {
                      await attempt('simple', API + '/api/simple', {}, async r =>
                          (await r.text()) + ' total=' + r.headers.get('X-Total')
                          + ' hidden=' + r.headers.get('X-Hidden'));
                      await attempt('preflighted', API + '/api/things', {method: 'PUT',
                          headers: {'X-Custom': 'abc', 'Content-Type': 'application/json'},
                          body: JSON.stringify({n: 1})}, r => r.text());
                      await attempt('login', API_SAME_SITE + '/api/login', {method: 'POST', credentials: 'include'},
                          r => r.text());
                      await attempt('credentialed', API_SAME_SITE + '/api/whoami', {credentials: 'include'},
                          r => r.text());
                      await attempt('uncredentialed', API_SAME_SITE + '/api/whoami', {}, r => r.text());
                      await attempt('crossSiteCredentialed', API + '/api/whoami', {credentials: 'include'},
                          r => r.text());
                      document.getElementById('out').textContent = JSON.stringify(results);
                      document.title = 'done';
                    })();
                    </script>
                    </body></html>
                    """.formatted(api, apiSameSite);
        }

        public void onGet(Request req, Response resp) {
            resp.setContentType("text/html; charset=utf-8");
            resp.setText(html);
        }
    }

    /** Loads {@code url} in headless Chromium and returns the results the page wrote. */
    private static JsonNode runPage(String url, String name) throws Exception {
        Path profile = Files.createDirectories(tmp.resolve("profile-" + name));
        Path log = tmp.resolve("chromium-" + name + ".log");
        Process chromium = new ProcessBuilder(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--virtual-time-budget=5000", "--dump-dom", url)
                .redirectError(log.toFile()).start();
        try (InputStream out = chromium.getInputStream()) {
            CompletableFuture<String> dom = CompletableFuture.supplyAsync(() -> {
                try {
                    return new String(out.readAllBytes(), StandardCharsets.UTF_8);
                } catch (IOException ex) {
                    return "";
                }
            });
            if (!chromium.waitFor(90, TimeUnit.SECONDS)) {
                throw new AssertionError("chromium did not finish in 90 s; log: " + tail(log));
            }
            String text = dom.get(10, TimeUnit.SECONDS);
            Matcher m = OUT.matcher(text);
            assertThat(m.find()).as("the page's results in the DOM; chromium log: %s; DOM: %s", tail(log), text)
                    .isTrue();
            assertThat(text).as("the script finished").contains("<title>done</title>");
            return JSON.readTree(unescapeHtml(m.group(1)));
        } finally {
            chromium.descendants().forEach(ProcessHandle::destroyForcibly);
            chromium.destroyForcibly();
            chromium.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static String unescapeHtml(String s) {
        return s.replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    private static String tail(Path log) {
        try {
            String s = Files.readString(log, StandardCharsets.UTF_8);
            return s.length() > 4000 ? s.substring(s.length() - 4000) : s;
        } catch (IOException ex) {
            return "(no log)";
        }
    }

    @Test
    void aSimpleGetFromTheAllowedOriginIsReadableWithItsExposedHeaders() {
        assertThat(fromA.get("simple").asText())
                .isEqualTo("200 {\"hello\": \"cors\"} total=42 hidden=null");
    }

    @Test
    void aPreflightedPutFromTheAllowedOriginGoesThrough() {
        assertThat(fromA.get("preflighted").asText()).isEqualTo("200 {\"custom\": \"abc\", \"body\": {\"n\": 1}}");
        assertThat(seen).contains("OPTIONS /api/things " + originA + " PUT content-type,x-custom",
                "PUT /api/things " + originA + " null null");
    }

    @Test
    void credentialedRequestsFromTheAllowedOriginAreReadableAndCarryTheCookie() {
        // A same-site, cross-origin API: the cookie set by a credentialed response is first-party.
        assertThat(fromA.get("login").asText()).isEqualTo("200 {\"ok\": true}");
        assertThat(fromA.get("credentialed").asText()).isEqualTo("200 {\"sid\": \"s3cret\"}");
        // Without credentials: 'include', a cross-origin fetch sends no cookie.
        assertThat(fromA.get("uncredentialed").asText()).isEqualTo("200 {\"sid\": \"none\"}");
        // Cross-site, the browser withholds its third-party cookie, but the credentialed response
        // (Access-Control-Allow-Credentials, the exact origin) is still readable.
        assertThat(fromA.get("crossSiteCredentialed").asText()).isEqualTo("200 {\"sid\": \"none\"}");
    }

    @Test
    void aDisallowedOriginIsBlockedByTheBrowser() {
        assertThat(fromC.get("simple").asText()).isEqualTo("blocked TypeError");
        assertThat(fromC.get("preflighted").asText()).isEqualTo("blocked TypeError");
        assertThat(fromC.get("login").asText()).isEqualTo("blocked TypeError");
        assertThat(fromC.get("credentialed").asText()).isEqualTo("blocked TypeError");
        assertThat(fromC.get("uncredentialed").asText()).isEqualTo("blocked TypeError");
        assertThat(fromC.get("crossSiteCredentialed").asText()).isEqualTo("blocked TypeError");
        // The simple GET reached the API (only its response was withheld); the PUT never did:
        // its preflight got no Access-Control-Allow-Origin.
        assertThat(seen).contains("GET /api/simple " + originC + " null null",
                "OPTIONS /api/things " + originC + " PUT content-type,x-custom");
        assertThat(seen).doesNotContain("PUT /api/things " + originC + " null null");
    }
}
