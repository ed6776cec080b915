package falcon.adapters;

/**
 * An embedded servlet container serving one {@link falcon.servlet.FalconServlet} at the root
 * ({@code /*}, async-supported), on an ephemeral port of 127.0.0.1. Copied, reduced to that one
 * mount, from falcon-servlet's test containers.
 */
interface Container extends AutoCloseable {

    int port();

    /** Stops the container; the servlet's {@code destroy} has run when this returns. */
    @Override
    void close();
}
