/**
 * The port of {@code conformance/falcon/app.py}: six Falcon 3.1.1 apps exercising most of
 * Falcon's observable HTTP behaviour, built with the project's public API only.
 *
 * <p>Each resource class keeps app.py's name and sits in a file named after app.py's section
 * ({@link conformance.Routing}, {@link conformance.Params}, ...); {@link conformance.ConformanceApps}
 * builds the six apps and {@link conformance.Main} serves them. The replay test compares their
 * answers with Falcon's, recorded under {@code src/test/resources/recorded/}.
 */
package conformance;
