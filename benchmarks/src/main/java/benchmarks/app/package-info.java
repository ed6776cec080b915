/**
 * The benchmark app of {@code benchmarks/ENDPOINTS.md}: the 40 routes of {@code routes.txt},
 * JSON through Falcon's media handling, and three app-wide middleware components for {@code /mw},
 * written as the benchmark kit's Python Falcon app writes it for Python's Falcon.
 */
package benchmarks.app;
