package falcon.server;

import static org.assertj.core.api.Assertions.assertThat;

import falcon.App;
import falcon.Request;
import falcon.Response;
import falcon.internal.Workers;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** The figures a metrics exporter reads: open connections, busy and queued workers. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
@ExtendWith(NoLeaks.class)
class ServerFiguresTest {

    @Test
    void openConnectionsAndBusyWorkers() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        App app = new App();
        app.addRoute("/slow", new Object() {
            public void onGet(Request req, Response resp) throws InterruptedException {
                entered.countDown();
                release.await();
                resp.setText("done");
            }
        });
        Server server = Server.builder(app).host("127.0.0.1").port(0).shutdownHook(false).workerThreads(4).build();
        assertThat(server.openConnections()).isZero();
        server.start();
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            OutputStream out = socket.getOutputStream();
            out.write("GET /slow HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();

            assertThat(server.openConnections()).isEqualTo(1);
            if (Workers.virtual()) {
                assertThat(server.busyWorkers()).isEqualTo(-1);
                assertThat(server.queuedWorkerTasks()).isEqualTo(-1);
            } else {
                assertThat(server.busyWorkers()).isEqualTo(1);
                assertThat(server.queuedWorkerTasks()).isZero();
            }
            release.countDown();
            InputStream in = socket.getInputStream();
            byte[] buf = new byte[4096];
            int n = in.read(buf);
            assertThat(new String(buf, 0, n, StandardCharsets.US_ASCII)).startsWith("HTTP/1.1 200");
        } finally {
            release.countDown();
        }
        for (int i = 0; i < 200 && server.openConnections() > 0; i++) {
            Thread.sleep(10);
        }
        assertThat(server.openConnections()).isZero();
        server.close();
    }
}
