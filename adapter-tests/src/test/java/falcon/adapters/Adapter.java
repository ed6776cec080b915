package falcon.adapters;

import falcon.App;
import falcon.server.Server;
import falcon.servlet.FalconServlet;
import falcon.testing.Conductor;
import falcon.testing.TestClient;

/**
 * The ways an App is served, each of which a scenario runs through: {@code serve} starts the App
 * (running its start-up) and returns a handle whose client reaches it; closing the handle stops
 * it (running its shut-down).
 */
enum Adapter {

    /** falcon-testing's {@link TestClient}, no socket; a {@link Conductor} runs the App's lifespan. */
    IN_MEMORY {
        @Override
        Served serve(App app) {
            TestClient client = new TestClient(app);
            Conductor lifespan = client.conductor();
            return new Served(this, new InMemoryClient(client), lifespan::close);
        }
    },

    /** falcon-server's embedded Netty server, with the JDK's HTTP/1.1 client. */
    NETTY {
        @Override
        Served serve(App app) {
            Server server = Server.builder(app).host("127.0.0.1").port(0).workerThreads(REQUEST_THREADS)
                    .shutdownHook(false).build().start();
            return new Served(this, new SocketClient(server.port()), server::close);
        }
    },

    /** falcon-servlet's {@link FalconServlet} in embedded Jetty 12, with the JDK's HTTP/1.1 client. */
    JETTY {
        @Override
        Served serve(App app) throws Exception {
            Container jetty = JettyContainer.start(new FalconServlet(app), REQUEST_THREADS);
            return new Served(this, new SocketClient(jetty.port()), jetty::close);
        }
    },

    /** falcon-servlet's {@link FalconServlet} in embedded Tomcat 11, with the JDK's HTTP/1.1 client. */
    TOMCAT {
        @Override
        Served serve(App app) throws Exception {
            Container tomcat = TomcatContainer.start(new FalconServlet(app), REQUEST_THREADS);
            return new Served(this, new SocketClient(tomcat.port()), tomcat::close);
        }
    };

    /**
     * The request threads of the socket adapters (Netty's worker pool when the JVM has no virtual
     * threads; the containers' whole pool): few, so that an adapter holding one per parked
     * request would show.
     */
    static final int REQUEST_THREADS = 8;

    /** Starts serving {@code app}; the App's start-up has run when this returns. */
    abstract Served serve(App app) throws Exception;

    /** A started App, its client, and how to stop it. */
    static final class Served implements AutoCloseable {
        private final Adapter adapter;
        private final Client client;
        private final Runnable stop;

        Served(Adapter adapter, Client client, Runnable stop) {
            this.adapter = adapter;
            this.client = client;
            this.stop = stop;
        }

        Adapter adapter() {
            return adapter;
        }

        Client client() {
            return client;
        }

        /** Stops serving; the App's shut-down has run when this returns. */
        @Override
        public void close() {
            stop.run();
        }
    }
}
