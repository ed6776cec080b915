package falcon.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import falcon.App;
import falcon.Request;
import falcon.Response;
import falcon.SSEvent;
import falcon.WebSocket;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A real browser: headless Chromium loads a page that opens an {@code EventSource} and a {@code
 * WebSocket} to the server and writes what it receives into the page, which the test reads back
 * with {@code --dump-dom}. Skipped when {@code /usr/bin/chromium} is absent.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class BrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    private static final String PAGE = "<!doctype html><html><head><title>falcon</title></head><body>"
            + "<ul id=\"log\"></ul><script>\n"
            + "var lines=[],pending=2;\n"
            + "function log(s){lines.push(s);var li=document.createElement('li');li.textContent=s;"
            + "document.getElementById('log').appendChild(li);}\n"
            + "function done(){if(--pending===0){fetch('/report',{method:'POST',body:lines.join('\\n')});}}\n"
            + "var es=new EventSource('/events');\n"
            + "es.addEventListener('greeting',function(e){log('sse '+e.data+' id='+e.lastEventId);});\n"
            + "es.onmessage=function(e){log('sse '+e.data);if(e.data==='last'){es.close();done();}};\n"
            + "var ws=new WebSocket('ws://'+location.host+'/ws','chat');\n"
            + "ws.onopen=function(){log('ws open '+ws.protocol);ws.send('hello');};\n"
            + "ws.onmessage=function(e){log('ws '+e.data);ws.send('bye');};\n"
            + "ws.onclose=function(e){log('ws closed '+e.code);done();};\n"
            + "</script></body></html>";

    @Test
    void aBrowserReceivesServerSentEventsAndWebSocketMessages() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM), "no /usr/bin/chromium");
        App app = new App();
        app.addRoute("/", new Object() {
            public void onGet(Request req, Response resp) {
                resp.setContentType("text/html; charset=utf-8");
                resp.setText(PAGE);
            }
        });
        app.addRoute("/events", new Object() {
            public void onGet(Request req, Response resp) {
                resp.setSse(emitter -> {
                    emitter.send(SSEvent.ofText("hi").setEvent("greeting").setEventId("1"));
                    emitter.send(SSEvent.ofJson(java.util.Map.of("n", 2)));
                    emitter.send(SSEvent.ofText("last"));
                    Thread.sleep(2000); // keep the stream open: no reconnect before the page closes it
                });
            }
        });
        app.addRoute("/ws", new Object() {
            public void onWebsocket(Request req, WebSocket ws) {
                ws.accept(ws.getSubprotocols().contains("chat") ? "chat" : null);
                String text = ws.receiveText();
                ws.sendText("echo " + text);
                ws.receiveText(); // "bye"
                ws.close(4000);
            }
        });
        java.util.concurrent.CompletableFuture<String> report = new java.util.concurrent.CompletableFuture<>();
        app.addRoute("/report", new Object() {
            public void onPost(Request req, Response resp) {
                report.complete(req.getBodyText());
                resp.setStatus(204);
            }
        });
        try (Server server = Server.serve(app, 0)) {
            Path profile = Files.createTempDirectory("falcon-chromium");
            List<String> cmd = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox",
                    "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                    "--user-data-dir=" + profile, "--remote-debugging-port=0",
                    "http://127.0.0.1:" + server.port() + "/"));
            Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String log;
            try {
                // The page posts what it saw once the SSE stream and the WebSocket are done.
                log = report.get(60, TimeUnit.SECONDS);
            } finally {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                deleteQuietly(profile);
            }
            assertThat(log.split("\n")).contains("sse hi id=1", "sse {\"n\": 2}", "sse last",
                    "ws open chat", "ws echo hello", "ws closed 4000");
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException ex) {
            // a temp directory left behind
        }
    }
}
