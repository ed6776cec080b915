/**
 * The quickstart app of Falcon's manual ("Learning by Example", {@code examples/things.py}):
 * one resource answering {@code GET /things} with a line of Kant, served on port 8000.
 *
 * <p>Run it from the project root with {@code ./mvnw -q install -DskipTests && ./mvnw -q -pl
 * examples exec:java}, then {@code curl localhost:8000/things}.
 */
package examples.things;
