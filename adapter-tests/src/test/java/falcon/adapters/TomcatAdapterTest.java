package falcon.adapters;

import java.util.List;

/** The adapter in embedded Tomcat 11. */
class TomcatAdapterTest extends ServletAdapterContract {

    @Override
    Container start(List<Container.Mount> mounts, int maxThreads) throws Exception {
        return TomcatContainer.start(mounts, maxThreads);
    }
}
