/**
 * The Netty side of the embedded server: pipeline, TLS and ALPN, the HTTP/1.1 connection handler
 * (which also serves each HTTP/2 stream), the HTTP/2 connection handler, the exchange and
 * request-body stream handed to the App, and the worker threads. Not API: it may change freely.
 *
 * <p>See {@code CONCURRENCY.md} in the module for which thread runs what.
 */
package falcon.server.internal;
