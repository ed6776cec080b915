/**
 * The manual's "A More Complex Example" ({@code examples/things_advanced.py}), ported class for
 * class: reading headers and query parameters, handling errors, and working with request and
 * response bodies through middleware, a hook, an error handler and a sink.
 *
 * <p>Run it with {@code ./mvnw -q -pl examples exec:java
 * -Dexec.mainClass=examples.thingsadvanced.Main}, then {@code curl -H 'Authorization: custom-token'
 * localhost:8000/1/things}.
 */
package examples.thingsadvanced;
