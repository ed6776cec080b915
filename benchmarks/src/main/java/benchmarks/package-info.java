/**
 * JMH benchmarks of Falcon for Java, mirroring the main packages: {@code benchmarks} for the App
 * ({@code falcon}), {@code benchmarks.routing} for the router; {@code benchmarks.app} is the app of
 * {@code benchmarks/ENDPOINTS.md}.
 *
 * <p>Run them with {@code java -jar benchmarks/target/benchmarks.jar} (JMH's own options apply,
 * e.g. {@code -f1 -wi 3 -i 3 -w 2s -r 2s -prof gc}).
 */
package benchmarks;
