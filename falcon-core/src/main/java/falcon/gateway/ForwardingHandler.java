package falcon.gateway;

import falcon.HTTPError;

/**
 * A {@link Handler} that passes every call to another one, usually the App: the base of a wrapper
 * that changes how exchanges are handled (an access log, a tracer) and must still pass on the
 * App's lifespan ({@link #startup()}, {@link #draining()}, {@link #shutdown()}) and its error
 * replies. A subclass overrides only what it changes.
 */
public abstract class ForwardingHandler implements Handler {

    /** The handler every call goes to unless a subclass overrides it. */
    protected final Handler delegate;

    /**
     * Wraps {@code delegate}.
     *
     * @param delegate the handler to pass calls to
     */
    protected ForwardingHandler(Handler delegate) {
        this.delegate = delegate;
    }

    @Override
    public void handle(Exchange exchange) {
        delegate.handle(exchange);
    }

    @Override
    public Reply errorReply(Exchange exchange, HTTPError error) {
        return delegate.errorReply(exchange, error);
    }

    @Override
    public void startup() {
        delegate.startup();
    }

    @Override
    public void draining() {
        delegate.draining();
    }

    @Override
    public void shutdown() {
        delegate.shutdown();
    }
}
