/** The in-memory test client: {@code TestClient}, {@code Simulate}, {@code Result}; no socket. */
module falcon.testing {
    requires transitive falcon.core;
    requires com.fasterxml.jackson.databind;
    // Optional: only falcon.testing.junit uses it, and a JUnit 5 project has it already.
    requires static org.junit.jupiter.api;

    exports falcon.testing;
    exports falcon.testing.junit;
}
