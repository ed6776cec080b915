package falcon.servlet.internal;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Decides which threads resume asynchronous stages and run SSE producers.
 *
 * <p>Container threads run the App's first step; this executor runs what comes after a parked
 * {@code CompletionStage}. It mirrors {@code falcon.server.internal.Workers}, which this module
 * cannot depend on (it would bring Netty): virtual threads on JDK 21+, found once by reflection so
 * that the module compiles with {@code --release 17}; else the core's shared daemon pool.
 */
public final class Workers {

    private Workers() {
    }

    /** Returns a new executor of virtual threads, or {@code null} before JDK 21. */
    public static ExecutorService newVirtualOrNull() {
        try {
            return (ExecutorService) Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
        } catch (ReflectiveOperationException | RuntimeException onJdk17) {
            return null;
        }
    }

    /** Returns the core's shared pool of daemon threads, for JVMs without virtual threads. */
    public static Executor shared() {
        return falcon.internal.Publishers.blockingExecutor();
    }
}
