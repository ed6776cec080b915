package falcon.server;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Records what the server and Netty log at WARNING or above while it is open. */
final class LoggedWarnings implements AutoCloseable {

    private static final Logger ROOT = Logger.getLogger("");
    private final List<String> records = new CopyOnWriteArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord r) {
            if (r.getLevel().intValue() >= Level.WARNING.intValue()) {
                records.add(r.getLoggerName() + ": " + r.getMessage()
                        + (r.getThrown() == null ? "" : " " + r.getThrown()));
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    LoggedWarnings() {
        ROOT.addHandler(handler);
    }

    /** Returns the warnings logged so far. */
    List<String> get() {
        return List.copyOf(records);
    }

    @Override
    public void close() {
        ROOT.removeHandler(handler);
    }
}
