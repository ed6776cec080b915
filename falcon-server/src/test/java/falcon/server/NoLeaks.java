package falcon.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test class whose run leaked a Netty buffer (surefire runs with paranoid detection).
 *
 * <p>Netty reports a leak when a tracked buffer was collected unreleased and a later buffer is
 * tracked; so after the class runs this collects garbage, allocates, and reads what was logged.
 */
final class NoLeaks implements BeforeAllCallback, AfterAllCallback {

    private static final Logger DETECTOR = Logger.getLogger("io.netty.util.ResourceLeakDetector");
    private final List<String> leaks = new CopyOnWriteArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getMessage() != null && record.getMessage().contains("LEAK")) {
                leaks.add(record.getMessage());
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @Override
    public void beforeAll(ExtensionContext context) {
        DETECTOR.addHandler(handler);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        try {
            for (int i = 0; i < 3; i++) {
                System.gc();
                System.runFinalization();
                for (int j = 0; j < 100; j++) {
                    ByteBuf b = PooledByteBufAllocator.DEFAULT.buffer(64);
                    b.release();
                }
            }
            assertThat(leaks).as("Netty buffer leaks").isEmpty();
        } finally {
            DETECTOR.removeHandler(handler);
        }
    }
}
