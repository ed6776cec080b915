package falcon.testing.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the field, or the method without parameters, that gives a {@link FalconTest} its App (an
 * {@code App} or any {@code falcon.gateway.Handler}). Static or not; a method is called once per
 * test method, so it may build the App on the test's fakes.
 *
 * <pre>{@code
 * private final FakeStore store = new FakeStore();
 *
 * @TestApp
 * App app() {
 *     return Main.createApp(store);
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD})
public @interface TestApp {
}
