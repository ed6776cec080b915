/**
 * OpenTelemetry for a Falcon App: {@link falcon.opentelemetry.FalconTelemetry} gives each request
 * a server span named by its route template, takes W3C {@code traceparent} and {@code baggage}
 * from the request, keeps the span current while middleware, hooks and responders run, and records
 * the {@code http.server.request.duration} histogram.
 *
 * <p>Falcon has no counterpart; its maintainers name a native OpenTelemetry integration as a goal
 * (falconry/falcon#1828).
 */
package falcon.opentelemetry;
