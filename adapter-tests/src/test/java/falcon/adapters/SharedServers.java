package falcon.adapters;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One started {@link ScenarioApp} per adapter for a whole test class: each is started the first
 * time a test of the class asks for its adapter, and all are stopped after the class. Register it
 * as a static {@code @RegisterExtension} field.
 */
final class SharedServers implements AfterAllCallback {

    private final Map<Adapter, Running> running = new EnumMap<>(Adapter.class);

    /** The App served through {@code adapter}, started now if it is not yet. */
    synchronized Running on(Adapter adapter) throws Exception {
        Running r = running.get(adapter);
        if (r == null) {
            ScenarioApp app = new ScenarioApp();
            r = new Running(app, adapter.serve(app.app));
            running.put(adapter, r);
        }
        return r;
    }

    @Override
    public synchronized void afterAll(ExtensionContext context) throws Exception {
        List<Exception> failures = new ArrayList<>();
        for (Running r : running.values()) {
            try {
                r.served().close();
            } catch (Exception ex) {
                failures.add(ex);
            }
        }
        running.clear();
        if (!failures.isEmpty()) {
            IllegalStateException ex = new IllegalStateException("could not stop every adapter");
            failures.forEach(ex::addSuppressed);
            throw ex;
        }
    }

    /** A started App, its probes, and the client that reaches it. */
    record Running(ScenarioApp app, Adapter.Served served) {
        Client client() {
            return served.client();
        }
    }
}
