package falcon.adapters;

import falcon.servlet.FalconServlet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.Wrapper;
import org.apache.catalina.startup.Tomcat;

/** Embedded Tomcat 11 (Servlet 6.1, which this Servlet 6.0 adapter runs on). */
final class TomcatContainer implements Container {

    private final Tomcat tomcat;
    private final Path baseDir;

    private TomcatContainer(List<Mount> mounts, int maxThreads) throws Exception {
        baseDir = Files.createTempDirectory("falcon-tomcat");
        tomcat = new Tomcat();
        tomcat.setBaseDir(baseDir.toString());
        tomcat.setHostname("127.0.0.1");
        tomcat.setPort(0);
        tomcat.getConnector().setProperty("address", "127.0.0.1");
        tomcat.getConnector().setProperty("maxThreads", Integer.toString(maxThreads));
        tomcat.getConnector().setProperty("minSpareThreads", "1");
        int n = 0;
        for (Mount m : mounts) {
            Context context = tomcat.addContext(m.contextPath(), null);
            String name = "falcon" + n++;
            Wrapper wrapper = Tomcat.addServlet(context, name, m.servlet());
            wrapper.setAsyncSupported(m.asyncSupported());
            wrapper.setLoadOnStartup(1); // else Tomcat runs init(), and so the App's startup, at the first request
            m.initParams().forEach(wrapper::addInitParameter);
            context.addServletMapping(m.pattern(), name);
        }
        tomcat.start();
    }

    /** Starts the container with {@code servlet} at the root ({@code /*}, async-supported). */
    static Container start(FalconServlet servlet, int maxThreads) throws Exception {
        return start(List.of(new Mount("", "/*", servlet)), maxThreads);
    }

    static Container start(List<Mount> mounts, int maxThreads) throws Exception {
        return new TomcatContainer(mounts, maxThreads);
    }

    @Override
    public int port() {
        return tomcat.getConnector().getLocalPort();
    }

    @Override
    public void close() {
        try {
            tomcat.stop();
            tomcat.destroy();
        } catch (LifecycleException ex) {
            throw new IllegalStateException(ex);
        } finally {
            try (Stream<Path> files = Files.walk(baseDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
    }
}
