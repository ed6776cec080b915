package falcon.adapters;

import falcon.servlet.FalconServlet;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/** Embedded Jetty 12 (EE10, Servlet 6). */
final class JettyContainer implements Container {

    private final Server server;
    private final ServerConnector connector;

    private JettyContainer(FalconServlet servlet, int maxThreads) throws Exception {
        QueuedThreadPool threads = new QueuedThreadPool(maxThreads, 2);
        threads.setReservedThreads(0);
        threads.setName("jetty-test");
        server = new Server(threads);
        connector = new ServerConnector(server, 1, 1);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        ServletHolder holder = new ServletHolder(servlet);
        holder.setAsyncSupported(true);
        holder.setInitOrder(1);
        context.addServlet(holder, "/*");
        server.setHandler(context);
        server.start();
    }

    /** Starts Jetty with at most {@code maxThreads} threads (acceptor and selector included). */
    static Container start(FalconServlet servlet, int maxThreads) throws Exception {
        return new JettyContainer(servlet, maxThreads);
    }

    @Override
    public int port() {
        return connector.getLocalPort();
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }
}
