/**
 * Falcon for Java's core: the App, requests and responses, routing, errors, middleware, hooks,
 * media handlers and the gateway SPI that adapters speak.
 *
 * <p>{@code falcon.internal} is not API: it is exported only to the framework's own adapters.
 *
 * <p>An application in a named module makes its resource classes reachable by the App, which
 * binds their {@code onGet}-style responders once at {@code addRoute}: export their package
 * ({@code exports com.example.api;} or {@code exports com.example.api to falcon.core;}) when the
 * classes and responders are public, or open it ({@code opens com.example.api to falcon.core;})
 * when they are not. Records and beans written as JSON media are read by Jackson: open their
 * package to {@code com.fasterxml.jackson.databind}.
 */
module falcon.core {
    requires transitive com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.datatype.jsr310;
    requires com.fasterxml.jackson.datatype.jdk8;

    exports falcon;
    exports falcon.gateway;
    exports falcon.inspect;
    exports falcon.media;
    exports falcon.routing;
    exports falcon.uri;
    exports falcon.util;
    exports falcon.internal to falcon.server, falcon.servlet, falcon.testing;
}
