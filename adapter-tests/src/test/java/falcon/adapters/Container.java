package falcon.adapters;

import falcon.servlet.FalconServlet;
import java.util.List;
import java.util.Map;

/** An embedded servlet container started for a test, on an ephemeral port. */
interface Container extends AutoCloseable {

    /**
     * One servlet to register: its context path ("" for the root), URL pattern, init-params and
     * whether it is marked async-supported.
     */
    record Mount(String contextPath, String pattern, FalconServlet servlet, Map<String, String> initParams,
            boolean asyncSupported) {
        Mount(String contextPath, String pattern, FalconServlet servlet) {
            this(contextPath, pattern, servlet, Map.of(), true);
        }

        Mount(String contextPath, String pattern, FalconServlet servlet, Map<String, String> initParams) {
            this(contextPath, pattern, servlet, initParams, true);
        }
    }

    /** Starts a container serving {@code mounts}, with at most {@code maxThreads} request threads. */
    interface Factory {
        Container start(List<Mount> mounts, int maxThreads) throws Exception;
    }

    int port();

    /** Stops the container; the servlets' {@code destroy} has run when this returns. */
    @Override
    void close();
}
