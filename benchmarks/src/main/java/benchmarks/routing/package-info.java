/** JMH benchmarks of {@code falcon.routing}. */
package benchmarks.routing;
