package falcon.testing.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives each test method of the class (and of its {@code @Nested} classes) a {@code TestClient},
 * a {@code Conductor} or the {@code App} itself as a parameter, for the App the test builds or
 * names.
 *
 * <pre>{@code
 * @FalconTest(Main.class)                  // Main.createApp() builds the App for each test
 * class ThingsTest {
 *     @Test
 *     void listsThings(TestClient client) {
 *         assertThat(client.simulateGet("/things").getStatusCode()).isEqualTo(200);
 *     }
 * }
 * }</pre>
 *
 * <p>Where the App comes from, first match wins: a field or a method without parameters annotated
 * {@link TestApp} in the test class (its superclasses, then its enclosing classes), returning an
 * {@code App} or any {@code falcon.gateway.Handler}; else {@link #value()}: a class with a
 * static {@code createApp()} method, or an {@code App}/{@code Handler} class with a public
 * constructor taking no arguments. Each test method gets its own App, client and conductor;
 * a conductor is closed ({@code processShutdown}) after its test.
 *
 * <p>Falcon: the {@code client} and {@code conductor} fixtures of its test suite.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(FalconExtension.class)
public @interface FalconTest {

    /**
     * Returns the class that builds the App when the test declares no {@link TestApp} member.
     *
     * @return a class with a static {@code createApp()}, an App class, or {@code void.class} (none)
     */
    Class<?> value() default void.class;
}
