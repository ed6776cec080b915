package falcon.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import falcon.App;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Falcon: tests/test_cmd_inspect_app.py. */
class InspectAppTest {

    /** A field holding the App, as Falcon's {@code module:app}. */
    public static final App APP = InspectTest.routesApp();

    /** A method returning the App. */
    static App createApp() {
        return InspectTest.fullApp(true);
    }

    /** Not static: refused. */
    App instanceApp() {
        return new App();
    }

    static String notAnApp() {
        return "app";
    }

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return InspectApp.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void printsTheAppOfAStaticMethod() {
        assertThat(run("falcon.inspect.InspectAppTest::createApp")).isZero();
        assertThat(out()).isEqualTo(InspectTest.falcon("full") + "\n");
    }

    @Test
    void printsTheAppOfAStaticFieldWithFalconsOneColon() {
        assertThat(run("falcon.inspect.InspectAppTest:APP")).isZero();
        assertThat(out()).isEqualTo(InspectTest.falcon("routes") + "\n");
    }

    @Test
    void routeOnlyPrintsTheRoutesAsFalconDoes() {
        assertThat(run("-r", "falcon.inspect.InspectAppTest::APP")).isZero();
        assertThat(out()).isEqualTo(InspectTest.falcon("routes-routes") + "\n");
        out.reset();
        assertThat(run("--route_only", "falcon.inspect.InspectAppTest::APP")).isZero();
        assertThat(out()).isEqualTo(InspectTest.falcon("routes-routes") + "\n");
    }

    @Test
    void internalAddsTheDefaultResponders() {
        assertThat(run("-r", "-i", "falcon.inspect.InspectAppTest::APP")).isZero();
        assertThat(out()).contains("   ├── OPTIONS - optionsResponder\n   ├── CONNECT - methodNotAllowed\n");
    }

    @Test
    void verboseAddsSourceInfo() {
        assertThat(run("--verbose", "-r", "falcon.inspect.InspectAppTest::APP")).isZero();
        assertThat(out()).startsWith("⇒ /things - ThingsResource (falcon/inspect/InspectTest.java:")
                .contains("   ├── GET - onGet (falcon/inspect/InspectTest.java:");
    }

    @Test
    void explainPrintsWhatARequestWouldDo() {
        assertThat(run("--explain", "GET /things/7", "falcon.inspect.InspectAppTest::APP")).isZero();
        assertThat(out()).startsWith("GET /things/7\n• Route: /things/{thingId:int} - ThingResource (")
                .contains("    thingId = 7 (Integer)\n");
    }

    @Test
    void openapiPrintsTheDocument() {
        assertThat(run("--openapi", "falcon.inspect.InspectAppTest::APP")).isZero();
        assertThat(out()).isEqualTo(OpenApi.toJson(APP, "Falcon App", "1.0.0") + "\n");
        assertThat(OpenApiTest.parse(out()).getMessages()).isEmpty();
    }

    @Test
    void helpIsPrinted() {
        assertThat(run("-h")).isZero();
        assertThat(out()).startsWith(InspectApp.USAGE).contains("-r, --route_only");
    }

    @Test
    void usageErrorsExitWith2() {
        assertThat(run()).isEqualTo(2);
        assertThat(err()).isEqualTo(InspectApp.USAGE
                + "falcon-inspect-app: error: the following arguments are required: app_module\n");
        err.reset();
        assertThat(run("-x", "a.B::c")).isEqualTo(2);
        assertThat(err()).endsWith("falcon-inspect-app: error: unrecognized arguments: -x\n");
        err.reset();
        assertThat(run("falcon.inspect.InspectAppTest")).isEqualTo(2);
        assertThat(err()).endsWith("error: The app_module must include a colon between the class and member"
                + " (e.g. com.example.Main::createApp)\n");
        err.reset();
        assertThat(run("falcon.inspect.InspectAppTest::missing")).isEqualTo(2);
        assertThat(err()).endsWith("error: 'missing' not found in class 'falcon.inspect.InspectAppTest'"
                + " (a static field, or a static method without parameters)\n");
        err.reset();
        assertThat(run("falcon.inspect.InspectAppTest::notAnApp")).isEqualTo(2);
        assertThat(err()).endsWith("error: falcon.inspect.InspectAppTest::notAnApp did not return a falcon.App"
                + " instance\n");
        err.reset();
        assertThat(run("falcon.inspect.InspectAppTest::instanceApp")).isEqualTo(2);
        assertThat(err()).contains("must be a static field");
        err.reset();
        assertThat(run("no.Such::app")).isEqualTo(2);
        assertThat(err()).contains("error: class no.Such not found");
        assertThat(out()).isEmpty();
    }
}
