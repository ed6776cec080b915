package falcon.adapters;

import java.util.List;

/** The adapter in embedded Jetty 12 (EE10). */
class JettyAdapterTest extends ServletAdapterContract {

    @Override
    Container start(List<Container.Mount> mounts, int maxThreads) throws Exception {
        return JettyContainer.start(mounts, maxThreads);
    }
}
