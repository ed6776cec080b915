/**
 * The manual's WebSocket example, ported: a resource with both an HTTP and a WebSocket
 * interface, WebSocket middleware, and an event feed that HTTP posts publish to.
 *
 * <p>Falcon: "WebSocket (ASGI Only)" in the API reference.
 */
package examples.ws;
