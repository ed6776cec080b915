package falcon.gateway;

import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;

/**
 * An {@link Exchange} that passes every call to another one: the base of a {@link Handler} that
 * wraps the App and changes one part of an exchange (its reply, its headers, its executor), as an
 * access log, a tracer or a header rewriter does. A subclass overrides only what it changes,
 * with one pairing to keep: {@link #bodyPublisher()} passes on the delegate's publisher, not one
 * made from {@link #body()}, so a subclass that changes the body (a meter, a decoder) overrides
 * both, or async reads ({@code getMediaAsync}, {@code getStreamAsync}) would miss its change.
 */
public abstract class ForwardingExchange implements Exchange {

    /** The exchange every call goes to unless a subclass overrides it. */
    protected final Exchange delegate;

    /**
     * Wraps {@code delegate}.
     *
     * @param delegate the exchange to pass calls to
     */
    protected ForwardingExchange(Exchange delegate) {
        this.delegate = delegate;
    }

    @Override
    public String method() {
        return delegate.method();
    }

    @Override
    public String rawPath() {
        return delegate.rawPath();
    }

    @Override
    public String queryString() {
        return delegate.queryString();
    }

    @Override
    public String protocol() {
        return delegate.protocol();
    }

    @Override
    public String scheme() {
        return delegate.scheme();
    }

    @Override
    public String serverHost() {
        return delegate.serverHost();
    }

    @Override
    public int serverPort() {
        return delegate.serverPort();
    }

    @Override
    public String remoteAddr() {
        return delegate.remoteAddr();
    }

    @Override
    public String rootPath() {
        return delegate.rootPath();
    }

    @Override
    public RequestHeaders headers() {
        return delegate.headers();
    }

    @Override
    public InputStream body() {
        return delegate.body();
    }

    @Override
    public Flow.Publisher<ByteBuffer> bodyPublisher() {
        return delegate.bodyPublisher();
    }

    @Override
    public Executor executor() {
        return delegate.executor();
    }

    @Override
    public WebSocketChannel webSocket() {
        return delegate.webSocket();
    }

    @Override
    public void respond(Reply reply) {
        delegate.respond(reply);
    }
}
