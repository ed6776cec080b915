package falcon.server.internal;

import java.lang.reflect.Method;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one place that decides which threads run the App.
 *
 * <p>On JDK 21+ each exchange gets a virtual thread ({@code
 * Executors.newVirtualThreadPerTaskExecutor}, found once by reflection so that the module still
 * compiles with {@code --release 17}); on JDK 17 a fixed pool of platform threads runs them. The
 * pool's queue holds at most one task per open connection (a connection dispatches its next
 * request only after the previous response), so it is bounded by the number of connections.
 */
public final class Workers {

    private static final Method NEW_VIRTUAL_EXECUTOR = findVirtualExecutorFactory();

    private Workers() {
    }

    /** Returns whether workers are virtual threads on this JVM. */
    public static boolean virtual() {
        return NEW_VIRTUAL_EXECUTOR != null;
    }

    /**
     * Creates the executor that runs exchanges.
     *
     * @param poolThreads the pool size when there are no virtual threads; 0 picks {@code max(16, 8
     *     * CPUs)}
     */
    public static ExecutorService create(int poolThreads) {
        if (NEW_VIRTUAL_EXECUTOR != null) {
            try {
                return (ExecutorService) NEW_VIRTUAL_EXECUTOR.invoke(null);
            } catch (ReflectiveOperationException | RuntimeException ex) {
                // fall through to the pool: a JVM that refuses virtual threads still serves
            }
        }
        int n = poolThreads > 0 ? poolThreads : Math.max(16, 8 * Runtime.getRuntime().availableProcessors());
        ThreadPoolExecutor pool = new ThreadPoolExecutor(n, n, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                new NamedThreads("falcon-worker-"));
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    private static Method findVirtualExecutorFactory() {
        try {
            return Executors.class.getMethod("newVirtualThreadPerTaskExecutor");
        } catch (NoSuchMethodException onJdk17) {
            return null;
        }
    }

    /** Names pool threads {@code falcon-worker-N}; daemon, so a forgotten server ends with main. */
    static final class NamedThreads implements ThreadFactory {
        private final String prefix;
        private final AtomicInteger next = new AtomicInteger(1);

        NamedThreads(String prefix) {
            this.prefix = prefix;
        }

        @Override
        public Thread newThread(Runnable task) {
            Thread t = new Thread(task, prefix + next.getAndIncrement());
            t.setDaemon(true);
            return t;
        }
    }
}
