/** The in-memory test client: {@code TestClient}, {@code Simulate}, {@code Result}; no socket. */
module falcon.testing {
    requires transitive falcon.core;
    requires com.fasterxml.jackson.databind;

    exports falcon.testing;
}
