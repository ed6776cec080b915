package falcon.adapters;

import falcon.servlet.FalconServlet;
import java.util.List;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandlerCollection;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/** Embedded Jetty 12 (EE10, Servlet 6). */
final class JettyContainer implements Container {

    private final Server server;
    private final ServerConnector connector;

    private JettyContainer(List<Mount> mounts, int maxThreads) throws Exception {
        QueuedThreadPool threads = new QueuedThreadPool(maxThreads, 2);
        threads.setReservedThreads(0);
        threads.setName("jetty-test");
        server = new Server(threads);
        connector = new ServerConnector(server, 1, 1);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ContextHandlerCollection contexts = new ContextHandlerCollection();
        for (Mount m : mounts) {
            ServletContextHandler context = new ServletContextHandler();
            context.setContextPath(m.contextPath().isEmpty() ? "/" : m.contextPath());
            ServletHolder holder = new ServletHolder(m.servlet());
            holder.setAsyncSupported(m.asyncSupported());
            holder.setInitOrder(1);
            m.initParams().forEach(holder::setInitParameter);
            context.addServlet(holder, m.pattern());
            contexts.addHandler(context);
        }
        server.setHandler(contexts);
        server.start();
    }

    /** Starts the container with {@code servlet} at the root ({@code /*}, async-supported). */
    static Container start(FalconServlet servlet, int maxThreads) throws Exception {
        return start(List.of(new Mount("", "/*", servlet)), maxThreads);
    }

    static Container start(List<Mount> mounts, int maxThreads) throws Exception {
        return new JettyContainer(mounts, maxThreads);
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
