package falcon.server.internal;

import falcon.server.ServerOptions;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.http2.Http2SecurityUtil;
import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.ApplicationProtocolNegotiationHandler;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.SupportedCipherSuiteFilter;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.net.ssl.SSLException;

/**
 * TLS for the server: the JDK's provider (no native library), ALPN for HTTP/2.
 *
 * <p>One {@link SslContext} per server, built at start-up; one {@link Negotiation} per connection,
 * which waits for the handshake and then installs the HTTP/2 or the HTTP/1.1 handlers.
 */
final class Tls {

    private static final System.Logger LOG = System.getLogger("falcon.server");

    private Tls() {
    }

    /**
     * Builds the server's TLS context from its options.
     *
     * @throws UncheckedIOException if the certificate chain or key cannot be read
     */
    static SslContext newContext(ServerOptions options) {
        SslContextBuilder builder;
        if (options.tlsKeyManagerFactory() != null) {
            builder = SslContextBuilder.forServer(options.tlsKeyManagerFactory());
        } else {
            try {
                builder = SslContextBuilder.forServer(options.tlsCertificateChain().toFile(),
                        options.tlsPrivateKey().toFile());
            } catch (IllegalArgumentException ex) { // Netty's answer to a missing or unparsable file
                throw new UncheckedIOException("cannot read the TLS certificate chain "
                        + options.tlsCertificateChain() + " or private key " + options.tlsPrivateKey(),
                        new IOException(ex.getMessage(), ex));
            }
        }
        builder.sslProvider(SslProvider.JDK);
        if (options.http2()) {
            // RFC 9113 9.2.2: HTTP/2 over TLS 1.2 only with the ciphers its appendix A does not ban
            builder.ciphers(Http2SecurityUtil.CIPHERS, SupportedCipherSuiteFilter.INSTANCE)
                    .applicationProtocolConfig(new ApplicationProtocolConfig(ApplicationProtocolConfig.Protocol.ALPN,
                            ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
                            ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT,
                            ApplicationProtocolNames.HTTP_2, ApplicationProtocolNames.HTTP_1_1));
        }
        try {
            return builder.build();
        } catch (SSLException ex) {
            throw new UncheckedIOException("cannot set up TLS: " + ex.getMessage(), ex);
        }
    }

    /** Returns whether {@code cause} is a client's TLS failure (bad handshake, plain HTTP, reset). */
    static boolean isTlsFailure(Throwable cause) {
        return cause instanceof SSLException
                || (cause instanceof DecoderException && cause.getCause() instanceof SSLException);
    }

    /**
     * Installs the protocol the client chose by ALPN once the handshake is done; {@code
     * http/1.1} when it chose none (or HTTP/2 is off, so none was offered).
     *
     * <p>A failed handshake (plain HTTP on the TLS port, an unknown certificate authority, a scan)
     * is the client's problem: it closes the connection and logs at DEBUG only.
     */
    static final class Negotiation extends ApplicationProtocolNegotiationHandler {

        private final NettyServer server;

        Negotiation(NettyServer server) {
            super(ApplicationProtocolNames.HTTP_1_1);
            this.server = server;
        }

        @Override
        protected void configurePipeline(ChannelHandlerContext ctx, String protocol) {
            if (server.isClosing()) {
                ctx.close();
            } else if (ApplicationProtocolNames.HTTP_2.equals(protocol) && server.options().http2()) {
                server.addHttp2(ctx.pipeline());
            } else if (ApplicationProtocolNames.HTTP_1_1.equals(protocol)) {
                server.addHttp1(ctx.pipeline());
            } else {
                LOG.log(System.Logger.Level.DEBUG, "unsupported application protocol " + protocol + " on "
                        + ctx.channel());
                ctx.close();
            }
        }

        @Override
        protected void handshakeFailure(ChannelHandlerContext ctx, Throwable cause) {
            LOG.log(System.Logger.Level.DEBUG, () -> "TLS handshake failed on " + ctx.channel() + ": " + cause);
            ctx.close();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) throws Exception {
            if (cause instanceof SSLException || cause instanceof IOException) {
                handshakeFailure(ctx, cause); // e.g. the client reset the connection mid-handshake
                return;
            }
            super.exceptionCaught(ctx, cause); // a DecoderException wrapping an SSLException: handshakeFailure
        }
    }
}
