/**
 * The embedded HTTP server: {@code Server.serve(app, port)} on Netty, with HTTP/1.1, HTTP/2, TLS
 * and WebSocket. Only {@code falcon.server} is API; the Netty pipeline is internal.
 */
module falcon.server {
    requires transitive falcon.core;
    requires io.netty.buffer;
    requires io.netty.codec;
    requires io.netty.codec.http;
    requires io.netty.codec.http2;
    requires io.netty.common;
    requires io.netty.handler;
    requires io.netty.transport;
    requires io.netty.transport.classes.epoll;

    exports falcon.server;
}
