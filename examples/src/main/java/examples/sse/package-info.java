/**
 * The manual's Server-Sent Events example, ported: an emitter that sends JSON events with a
 * retry hint, raw data events with IDs, and keep-alive pings when idle.
 *
 * <p>Falcon: {@code Response.sse} in the ASGI API reference.
 */
package examples.sse;
