/**
 * JUnit 5 support: {@link falcon.testing.junit.FalconTest} gives a test method a {@code
 * TestClient} or a {@code Conductor} for the App under test, as Falcon's pytest fixtures ({@code
 * client}, {@code conductor}) do for its tests.
 *
 * <p>JUnit Jupiter's API is an optional dependency of falcon-testing: a project that tests with
 * JUnit 5 has it already; another does not get it from here.
 */
package falcon.testing.junit;
