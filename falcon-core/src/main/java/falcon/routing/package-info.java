/**
 * Routing: URI templates compiled into a tree, field converters, and responder binding.
 *
 * <p>Falcon: {@code falcon.routing}.
 */
package falcon.routing;
