/**
 * The quickstart app as it runs in production: health and readiness routes, an access log with
 * request IDs, response compression, and a drain delay after {@code SIGTERM}. The instance
 * {@code deploy/rolling-restart} starts three of behind nginx, and the one the Dockerfile and the
 * Kubernetes manifests in {@code deploy/} package.
 */
package examples.ops;
