package falcon.testing.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

import falcon.App;
import falcon.Middleware;
import falcon.Request;
import falcon.Response;
import falcon.gateway.Handler;
import falcon.testing.Conductor;
import falcon.testing.SimpleTestResource;
import falcon.testing.TestClient;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/** The {@code @FalconTest} extension: where it finds the App, what it gives, what it closes. */
class FalconExtensionTest {

    /** Builds the App the annotation names; counts how often, so each test can see it got its own. */
    public static final class Apps {
        static int built;

        private Apps() {
        }

        public static App createApp() {
            built++;
            App app = new App();
            app.addRoute("/hello", new SimpleTestResource(null, "hello " + built, null, null));
            return app;
        }
    }

    @FalconTest(Apps.class)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    @Nested
    class NamedByTheAnnotation {

        private TestClient fromBeforeEach;

        @BeforeEach
        void setUp(TestClient client) {
            fromBeforeEach = client;
        }

        @Test
        @Order(1)
        void aTestIsThreeLines(TestClient client) {
            assertThat(client.simulateGet("/hello").getText()).startsWith("hello ");
        }

        @Test
        @Order(2)
        void eachTestGetsItsOwnAppSharedByItsParameters(TestClient client, App app) {
            int before = Apps.built;
            assertThat(client).isSameAs(fromBeforeEach);
            assertThat(client.simulateGet("/hello").getText()).isEqualTo("hello " + before);
            app.addRoute("/more", new SimpleTestResource(null, "more", null, null));
            assertThat(client.simulateGet("/more").getText()).isEqualTo("more");
        }

        @Test
        @Order(3)
        void theNextTestDoesNotSeeTheLastOnesRoute(TestClient client) {
            assertThat(client.simulateGet("/more").getStatusCode()).isEqualTo(404);
        }
    }

    @FalconTest
    @Nested
    class FoundOnAMethod {

        private final List<String> events = new ArrayList<>();

        @TestApp
        App app() {
            App app = App.builder().middleware(new Middleware() {
                @Override
                public void processStartup() {
                    events.add("startup");
                }

                @Override
                public void processShutdown() {
                    events.add("shutdown");
                }
            }).build();
            app.addRoute("/events", new Object() {
                public void onGet(Request req, Response resp) {
                    resp.setMedia(events);
                }
            });
            return app;
        }

        @Test
        void aConductorRunsTheLifespan(Conductor conductor) {
            assertThat(conductor.simulateGet("/events").getJson()).isEqualTo(List.of("startup"));
        }

        @Test
        void aClientAloneDoesNot(TestClient client) {
            assertThat(client.simulateGet("/events").getJson()).isEqualTo(List.of());
        }
    }

    @FalconTest
    @Nested
    class FoundOnAField {

        private final App app = new App();

        @TestApp
        final Handler handler = exchange -> app.handle(exchange);

        FoundOnAField() {
            app.addRoute("/anything", new SimpleTestResource("204 No Content", null, null, null));
        }

        @Test
        void anyHandlerWillDo(TestClient client) {
            assertThat(client.simulateGet("/anything").getStatusCode()).isEqualTo(204);
        }
    }

    /** An App class with a constructor taking no arguments: {@code @FalconTest} makes one per test. */
    public static class HelloApp extends App {
        public HelloApp() {
            addRoute("/hello", new SimpleTestResource(null, "hello from an App class", null, null));
        }
    }

    @FalconTest(HelloApp.class)
    @Nested
    class BuiltFromAnAppClass {

        @Test
        void theClassIsInstantiated(TestClient client, App app) {
            assertThat(app).isInstanceOf(HelloApp.class);
            assertThat(client.simulateGet("/hello").getText()).isEqualTo("hello from an App class");
        }
    }

    /** Run through JUnit's own launcher: the conductor closed after the test, and the misconfigurations. */
    @Nested
    class Lifecycle {

        private TestExecutionSummary run(Class<?> testClass) {
            SummaryGeneratingListener listener = new SummaryGeneratingListener();
            LauncherFactory.create().execute(request().selectors(selectClass(testClass)).build(), listener);
            return listener.getSummary();
        }

        @Test
        void theConductorIsClosedAfterTheTest() {
            Closing.events.clear();

            TestExecutionSummary summary = run(Closing.class);

            assertThat(summary.getTestsSucceededCount()).isEqualTo(1);
            assertThat(Closing.events).containsExactly("startup", "test", "shutdown");
        }

        @Test
        void withoutAnAppTheTestFailsSayingWhatIsMissing() {
            TestExecutionSummary summary = run(NoApp.class);

            assertThat(summary.getTestsFailedCount()).isEqualTo(1);
            assertThat(summary.getFailures().get(0).getException()).hasMessageContaining(NoApp.class.getName()
                    + " has no @TestApp field or method and no @FalconTest(SomeClass.class) naming the App");
        }

        @Test
        void aClassThatCannotBuildAnAppIsNamed() {
            TestExecutionSummary summary = run(NamesNoFactory.class);

            assertThat(summary.getTestsFailedCount()).isEqualTo(1);
            assertThat(summary.getFailures().get(0).getException()).hasMessageContaining(
                    "@FalconTest(java.lang.String.class): java.lang.String has no public static createApp() and is not an App");
        }

        @Test
        void aTestAppMethodWithParametersIsRefused() {
            TestExecutionSummary summary = run(TestAppWithParameters.class);

            assertThat(summary.getTestsFailedCount()).isEqualTo(1);
            assertThat(summary.getFailures().get(0).getException()).hasMessageContaining(
                    "@TestApp method " + TestAppWithParameters.class.getName() + ".app must take no parameters");
        }

        @Test
        void aTestAppThatGivesNoHandlerIsRefused() {
            TestExecutionSummary summary = run(TestAppOfTheWrongType.class);

            assertThat(summary.getTestsFailedCount()).isEqualTo(1);
            assertThat(summary.getFailures().get(0).getException()).hasMessageContaining(
                    "@TestApp field " + TestAppOfTheWrongType.class.getName() + ".app gave a java.lang.String, not an App or Handler");
        }

        @Test
        void anAppParameterForAHandlerThatIsNoAppIsRefused() {
            TestExecutionSummary summary = run(NotAnApp.class);

            assertThat(summary.getTestsFailedCount()).isEqualTo(1);
            assertThat(summary.getFailures().get(0).getException()).hasMessageContaining("not a falcon.App");
        }
    }

    // Static, so neither JUnit nor surefire runs them with this class: Lifecycle's launcher does.
    @FalconTest
    static class Closing {
        static final List<String> events = new ArrayList<>();

        @TestApp
        static App app() {
            return App.builder().middleware(new Middleware() {
                @Override
                public void processStartup() {
                    events.add("startup");
                }

                @Override
                public void processShutdown() {
                    events.add("shutdown");
                }
            }).build();
        }

        @Test
        void uses(Conductor conductor) {
            events.add("test");
        }
    }

    @FalconTest
    static class NoApp {
        @Test
        void needsAClient(TestClient client) {
        }
    }

    @FalconTest
    static class NotAnApp {
        @TestApp
        static Handler handler() {
            return exchange -> { };
        }

        @Test
        void needsAnApp(App app) {
        }
    }

    @FalconTest(String.class)
    static class NamesNoFactory {
        @Test
        void needsAClient(TestClient client) {
        }
    }

    @FalconTest
    static class TestAppWithParameters {
        @TestApp
        App app(String name) {
            return new App();
        }

        @Test
        void needsAClient(TestClient client) {
        }
    }

    @FalconTest
    static class TestAppOfTheWrongType {
        @TestApp
        final Object app = "not an app";

        @Test
        void needsAClient(TestClient client) {
        }
    }
}
