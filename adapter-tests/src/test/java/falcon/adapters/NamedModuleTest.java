package falcon.adapters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * An application in a named module serves an App on the embedded server, with falcon.core,
 * falcon.server, Jackson and Netty as modules on the module path (the published jars, with their
 * module descriptors): what the module-info of a user's application must say, as the docs tell
 * it, is enough, and the framework's internals are not readable from it.
 */
class NamedModuleTest {

    private static final String RESOURCE = """
            package demo.api;

            import falcon.Request;
            import falcon.Response;

            public class ThingsResource {
                public void onGet(Request req, Response resp, int thingId) {
                    resp.setText("thing " + thingId + " from " + getClass().getModule().getName());
                }
            }
            """;

    private static final String MAIN = """
            package demo;

            import demo.api.ThingsResource;
            import falcon.App;
            import falcon.server.Server;

            public class Main {
                public static void main(String[] args) throws Exception {
                    App app = new App();
                    try {
                        app.addRoute("/things/{thingId:int}", new ThingsResource());
                    } catch (RuntimeException ex) {
                        System.out.println("refused " + ex.getMessage());
                        return;
                    }
                    Server server = Server.builder(app).host("127.0.0.1").port(0).build().start();
                    System.out.println("port " + server.port());
                    System.out.flush();
                    server.awaitTermination();
                }
            }
            """;

    /** The framework's jars and what they need at run time, from this test's class path. */
    private static String modulePath() {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> entries = new ArrayList<>();
        for (String entry : classPath.split(File.pathSeparator)) {
            String name = Path.of(entry).getFileName().toString();
            if (name.startsWith("falcon-core") || name.startsWith("falcon-server") || name.startsWith("jackson-")
                    || name.startsWith("netty-")) {
                entries.add(entry);
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    /** Writes and compiles module {@code demo} with {@code moduleInfo}; returns its classes. */
    private static Path compile(Path dir, String moduleInfo) throws IOException {
        // The descriptors are compiled at prepare-package: a build that stops before (mvn test)
        // has the modules' class folders, not their jars, on the class path.
        assumeTrue(modulePath().contains("falcon-core") && modulePath().contains("falcon-server"),
                "needs the falcon-core and falcon-server jars: run with mvn verify");
        Path src = dir.resolve("src");
        Files.createDirectories(src.resolve("demo/api"));
        Files.writeString(src.resolve("module-info.java"), moduleInfo);
        Files.writeString(src.resolve("demo/Main.java"), MAIN);
        Files.writeString(src.resolve("demo/api/ThingsResource.java"), RESOURCE);
        Path out = dir.resolve("classes");
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> args = new ArrayList<>(List.of("-parameters", "--release", "17", "--module-path", modulePath(),
                "-d", out.toString()));
        try (var files = Files.walk(src)) {
            files.filter(p -> p.toString().endsWith(".java")).forEach(p -> args.add(p.toString()));
        }
        int status = javac.run(null, null, null, args.toArray(new String[0]));
        assertThat(status).as("javac of module demo").isZero();
        return out;
    }

    private static Process run(Path classes) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return new ProcessBuilder(java.toString(), "--module-path", classes + File.pathSeparator + modulePath(),
                "-m", "demo/demo.Main")
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    private static String firstLine(Process process) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        return line == null ? "" : line;
    }

    @Test
    @Timeout(60)
    void anAppInANamedModuleThatExportsItsResourcesIsServed(@TempDir Path dir) throws Exception {
        Path classes = compile(dir, """
                module demo {
                    requires falcon.server;
                    exports demo.api to falcon.core;
                }
                """);
        Process app = run(classes);
        try {
            String line = firstLine(app);
            assertThat(line).startsWith("port ");
            int port = Integer.parseInt(line.substring(5));

            HttpResponse<String> r = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/things/7")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).isEqualTo("thing 7 from demo");
        } finally {
            app.destroy();
            app.waitFor(20, TimeUnit.SECONDS);
        }
    }

    @Test
    @Timeout(60)
    void aResourcePackageTheModuleKeepsToItselfIsRefusedAtAddRoute(@TempDir Path dir) throws Exception {
        Path classes = compile(dir, """
                module demo {
                    requires falcon.server;
                }
                """);
        Process app = run(classes);
        try {
            String line = firstLine(app);
            assertThat(line).startsWith("refused ").contains("demo.api.ThingsResource.onGet").contains("\"exports demo.api\" to module falcon.core");
        } finally {
            app.destroy();
            app.waitFor(20, TimeUnit.SECONDS);
        }
    }

    @Test
    void theFrameworksInternalsAreNotExportedToApplications() throws Exception {
        assumeTrue(modulePath().contains("falcon-core"), "needs the falcon-core jar: run with mvn verify");
        String described;
        Path core = Path.of(modulePath().split(File.pathSeparator)[0]);
        for (String entry : modulePath().split(File.pathSeparator)) {
            if (Path.of(entry).getFileName().toString().startsWith("falcon-core")) {
                core = Path.of(entry);
            }
        }
        var finder = java.lang.module.ModuleFinder.of(core);
        var descriptor = finder.find("falcon.core").orElseThrow().descriptor();
        described = descriptor.exports().stream()
                .map(e -> e.source() + (e.isQualified() ? " to " + String.join(",", new java.util.TreeSet<>(e.targets())) : ""))
                .sorted().collect(Collectors.joining("; "));

        assertThat(described).contains("falcon; ", "falcon.gateway", "falcon.routing")
                .contains("falcon.internal to falcon.server,falcon.servlet,falcon.testing");
    }
}
