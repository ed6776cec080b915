package falcon.internal;

import java.lang.reflect.Method;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one place that decides which threads run blocking work: the App's responders on every
 * adapter (the embedded server, the Servlet adapter, the test client) and the blocking reads
 * behind body publishers. Not API.
 *
 * <p>On JDK 21+ a virtual thread per task: blocking code is nearly free to park. On JDK 17 a
 * pool of daemon threads that grows up to a bound, then queues: {@code max(16, 8 * CPUs)} for the
 * embedded server's request workers (a burst of requests waits rather than making a thread each),
 * {@value #ELASTIC_THREADS} for the shared executor and the Servlet adapter, whose tasks may hold a
 * thread for long (an SSE producer, a blocking body read) and must not starve the short ones
 * behind them. The JDK is asked once, reflectively, so that the project still compiles with
 * {@code --release 17}.
 */
public final class Workers {

    /** On JDK 17, the bound of the pools whose tasks may block for long (see the class comment). */
    public static final int ELASTIC_THREADS = 1024;

    private static final Method NEW_VIRTUAL_EXECUTOR = findVirtualExecutorFactory();

    /** The shared executor for blocking work when an adapter has none of its own. */
    private static final ExecutorService SHARED = create(ELASTIC_THREADS, "falcon-blocking-");

    private Workers() {
    }

    /**
     * Returns whether blocking work runs on virtual threads (JDK 21+).
     *
     * @return whether this JVM has virtual threads
     */
    public static boolean virtual() {
        return NEW_VIRTUAL_EXECUTOR != null;
    }

    /**
     * Creates an executor for an adapter's blocking work: a virtual thread per task on JDK 21+,
     * else a bounded pool of daemon threads.
     *
     * @param poolThreads the pool size on JDK 17; 0 picks {@code max(16, 8 * CPUs)}
     * @param namePrefix the pool threads' name prefix, e.g. {@code "falcon-worker-"}
     * @return a new executor, to be shut down by its owner
     */
    public static ExecutorService create(int poolThreads, String namePrefix) {
        if (NEW_VIRTUAL_EXECUTOR != null) {
            try {
                return (ExecutorService) NEW_VIRTUAL_EXECUTOR.invoke(null);
            } catch (ReflectiveOperationException | RuntimeException ex) {
                // fall through to the pool: a JVM that refuses virtual threads still serves
            }
        }
        int n = poolThreads > 0 ? poolThreads : Math.max(16, 8 * Runtime.getRuntime().availableProcessors());
        ThreadPoolExecutor pool = new ThreadPoolExecutor(n, n, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                new NamedThreads(namePrefix));
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    /**
     * Returns the process-wide executor for blocking work when an adapter gives none (its threads
     * are daemons: a forgotten producer never keeps the JVM alive).
     *
     * @return the shared executor; never shut down
     */
    public static Executor shared() {
        return SHARED;
    }

    private static Method findVirtualExecutorFactory() {
        try {
            return Executors.class.getMethod("newVirtualThreadPerTaskExecutor");
        } catch (NoSuchMethodException onJdk17) {
            return null;
        }
    }

    /** Daemon threads with numbered names. */
    private static final class NamedThreads implements ThreadFactory {
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
