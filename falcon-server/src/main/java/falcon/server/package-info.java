/**
 * The embedded HTTP server: {@link falcon.server.Server#serve(falcon.gateway.Handler, int)} runs an
 * {@link falcon.App} on Netty.
 *
 * <p>Falcon itself needs a WSGI or ASGI server; Falcon for Java ships one. It speaks HTTP/1.1 with
 * keep-alive and pipelining, {@code Expect: 100-continue}, chunked request and response bodies
 * and streamed responses; TLS, with HTTP/2 negotiated by ALPN; cleartext HTTP/2 (h2c) on request;
 * enforces the limits of {@link falcon.server.ServerOptions} and shuts down gracefully. Responders run on virtual threads on JDK 21+ and on a bounded pool on JDK 17.
 */
package falcon.server;
