package examples.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import falcon.inspect.InspectApp;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code bin/falcon-inspect-app examples.things.Main::createApp} (and thingsadvanced) prints
 * what Falcon 3.1.1's {@code falcon-inspect-app} prints for the manual's apps, recorded by
 * {@code inspect/falcon311/record.py}, with Java's names.
 */
class InspectExamplesTest {

    private static final Pattern SNAKE = Pattern.compile("\\b_?([a-z]+(?:_[a-z]+)+)\\b");

    /** Falcon's recorded output, Python's names turned into Java's. */
    private static String falcon(String file) throws IOException {
        String text;
        try (InputStream in = InspectExamplesTest.class.getResourceAsStream("/inspect/falcon311/" + file + ".txt")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        text = text.replace("(?P<", "(?<")
                // NOTE: one App serves HTTP and WebSocket here, so it has the default handler of
                // Falcon's ASGI App for WebSocketDisconnected (falcon/asgi/app.py).
                .replace("⇜ HTTPStatus _http_status_handler\n",
                        "⇜ HTTPStatus _http_status_handler\n    ⇜ WebSocketDisconnected wsDisconnectedErrorHandler\n")
                // NOTE: Main registers StorageError::handle; the JVM does not tell a method
                // reference's target, so it shows as a lambda (docs/inspect.md).
                .replace("⇜ StorageError handle", "⇜ StorageError <lambda>")
                // QUERY (Falcon 4.2's method) is among the methods answered with 405, after 3.1's
                .replaceAll("(?m)^( *)├── VERSION-CONTROL - method_not_allowed$",
                        "$0\n$1├── QUERY - method_not_allowed");
        Matcher m = SNAKE.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String[] words = m.group(1).split("_");
            StringBuilder camel = new StringBuilder(words[0]);
            for (int i = 1; i < words.length; i++) {
                camel.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
            }
            m.appendReplacement(sb, camel.toString());
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static String inspect(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = InspectApp.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(status).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @CsvSource({
        "things, examples.things.Main::createApp, ''",
        "things, examples.things.Main::createApp, -r",
        "things, examples.things.Main::createApp, -i",
        "things, examples.things.Main::createApp, -r -i",
        "thingsadvanced, examples.thingsadvanced.Main::createApp, ''",
        "thingsadvanced, examples.thingsadvanced.Main::createApp, -r",
        "thingsadvanced, examples.thingsadvanced.Main::createApp, -i",
        "thingsadvanced, examples.thingsadvanced.Main::createApp, -r -i",
    })
    void printsWhatFalconPrintsForTheSameApp(String name, String app, String flags) throws IOException {
        List<String> args = new ArrayList<>();
        for (String flag : flags.split(" ")) {
            if (!flag.isEmpty()) {
                args.add(flag);
            }
        }
        args.add(app);
        assertThat(inspect(args.toArray(new String[0]))).isEqualTo(falcon(name + flags.replace(" ", "")));
    }

    @org.junit.jupiter.api.Test
    void verboseNamesTheSourceFileAndLineOfEachPart() {
        String text = inspect("-v", "examples.thingsadvanced.Main::createApp").replaceAll("\\.java:\\d+\\)", ".java:N)");
        assertThat(text).isEqualTo(String.join("\n",
                "Falcon App (WSGI)",
                "• Routes:",
                "    ⇒ /{userId}/things - ThingsResource (examples/thingsadvanced/ThingsResource.java:N):",
                "       ├── GET - onGet (examples/thingsadvanced/ThingsResource.java:N)",
                "       └── POST - onPost (examples/thingsadvanced/ThingsResource.java:N)",
                "• Middleware (Middleware are independent):",
                "    → AuthMiddleware.processRequest",
                "      → RequireJSON.processRequest",
                "        → JSONTranslator.processRequest",
                "",
                "            ├── Process route responder",
                "",
                "        ↢ JSONTranslator.processResponse",
                "    - Middleware classes:",
                "        ↣ AuthMiddleware (examples/thingsadvanced/AuthMiddleware.java:N):",
                "           └── processRequest (examples/thingsadvanced/AuthMiddleware.java:N)",
                "        ↣ RequireJSON (examples/thingsadvanced/RequireJSON.java:N):",
                "           └── processRequest (examples/thingsadvanced/RequireJSON.java:N)",
                "        ↣ JSONTranslator (examples/thingsadvanced/JSONTranslator.java:N):",
                "           ├── processRequest (examples/thingsadvanced/JSONTranslator.java:N)",
                "           └── processResponse (examples/thingsadvanced/JSONTranslator.java:N)",
                "• Sinks:",
                "    ⇥ /search/(?<engine>ddg|y)\\Z SinkAdapter (examples/thingsadvanced/SinkAdapter.java:N)",
                "• Error handlers:",
                "    ⇜ StorageError <lambda> (examples/thingsadvanced/Main.java)",
                ""));
        assertThat(inspect("-v", "-r", "examples.things.Main::createApp").replaceAll("\\.java:\\d+\\)", ".java:N)"))
                .isEqualTo("⇒ /things - ThingsResource (examples/things/ThingsResource.java:N):\n"
                        + "   └── GET - onGet (examples/things/ThingsResource.java:N)\n");
    }

    @org.junit.jupiter.api.Test
    void explainAnswersForTheTutorialsRouteAndSink() {
        assertThat(inspect("--explain", "POST /alice/things", "examples.thingsadvanced.Main::createApp")
                .replaceAll("\\.java:\\d+\\)", ".java:N)")).isEqualTo(String.join("\n",
                "POST /alice/things",
                "• Route: /{userId}/things - ThingsResource (examples/thingsadvanced/ThingsResource.java:N)",
                "    userId = alice (String)",
                "• Responder: ThingsResource.onPost (examples/thingsadvanced/ThingsResource.java:N)",
                "• Hooks:",
                "    before MaxBody(\"65536\") (examples/thingsadvanced/MaxBody.java:N)",
                "• Middleware (Middleware are independent):",
                "    → AuthMiddleware.processRequest (examples/thingsadvanced/AuthMiddleware.java:N)",
                "    → RequireJSON.processRequest (examples/thingsadvanced/RequireJSON.java:N)",
                "    → JSONTranslator.processRequest (examples/thingsadvanced/JSONTranslator.java:N)",
                "    ├── ThingsResource.onPost",
                "    ↢ JSONTranslator.processResponse (examples/thingsadvanced/JSONTranslator.java:N)",
                "• Error handlers:",
                "    StorageError ⇜ StorageError <lambda> (examples/thingsadvanced/Main.java)",
                "    HTTPError ⇜ HTTPError httpErrorHandler (internal)",
                "    Exception ⇜ Exception pythonErrorHandler (internal)",
                ""));
        assertThat(inspect("--explain", "GET /search/ddg?q=falcon", "examples.thingsadvanced.Main::createApp"))
                .contains("• Sink: /search/(?<engine>ddg|y)\\Z - SinkAdapter (examples/thingsadvanced/SinkAdapter.java:")
                .contains("    engine = ddg (String)\n");
    }
}
