/**
 * The benchmark app of {@code ../shared/bench/ENDPOINTS.md}: the 40 routes of {@code routes.txt},
 * JSON through Falcon's media handling, and three app-wide middleware components for {@code /mw},
 * written as {@code ../shared/bench/targets/python-falcon/app.py} writes it for Python's Falcon.
 */
package benchmarks.app;
