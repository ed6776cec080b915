package examples.recipes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import falcon.App;
import falcon.testing.Conductor;
import falcon.testing.Result;
import falcon.testing.Simulate;
import falcon.testing.TestClient;
import falcon.testing.junit.FalconTest;
import falcon.testing.junit.TestApp;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The nested-multipart recipe and the lifespan connection pool of the FAQ. */
class MoreRecipesTest {

    @Nested
    @FalconTest
    class ParsingNestedMultipartForms {

        @TestApp
        App app() {
            App app = new App();
            Forms.installNestedFormParser(app);
            app.addRoute("/forms", new Forms());
            return app;
        }

        @Test
        void theNestedFilesAreRead(TestClient client) {
            // The manual's form (adapted from RFC 1867), CRLF line endings.
            String body = String.join("\r\n",
                    "--AaB03x",
                    "Content-Disposition: form-data; name=\"field1\"",
                    "",
                    "Joe Blow",
                    "--AaB03x",
                    "Content-Disposition: form-data; name=\"docs\"",
                    "Content-Type: multipart/mixed; boundary=BbC04y",
                    "",
                    "--BbC04y",
                    "Content-Disposition: attachment; filename=\"file1.txt\"",
                    "",
                    "This is file1.",
                    "",
                    "--BbC04y",
                    "Content-Disposition: attachment; filename=\"file2.txt\"",
                    "",
                    "Hello, World!",
                    "",
                    "--BbC04y--",
                    "",
                    "--AaB03x--",
                    "");

            Result result = client.simulatePost("/forms", Simulate.with().body(body)
                    .contentType("multipart/form-data; boundary=AaB03x"));

            // What Falcon 3.1.1 answers the same request.
            assertThat(result.getStatusCode()).isEqualTo(200);
            assertThat(result.getText())
                    .isEqualTo("{\"file1.txt\": \"This is file1.\\r\\n\", \"file2.txt\": \"Hello, World!\\r\\n\"}");
        }
    }

    @Nested
    @FalconTest
    class AConnectionPoolForTheAppsLifespan {

        private final String url = "jdbc:h2:mem:numbers-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
        private final AsyncPoolMiddleware pool = new AsyncPoolMiddleware(url);

        @TestApp
        App app() throws Exception {
            try (Connection conn = DriverManager.getConnection(url, "sa", "");
                    Statement statement = conn.createStatement()) {
                statement.execute("CREATE TABLE numbers (\"value\" INT)");
                statement.execute("INSERT INTO numbers VALUES (1), (2), (3)");
            }
            App app = App.builder().middleware(pool).build();
            Numbers num = new Numbers();
            app.addRoute("/conn", num);
            app.addRoute("/pool", num, "with_pool");
            return app;
        }

        @Test
        void bothEndpointsReadTheNumbers(Conductor conductor) {
            assertThat(conductor.simulateGet("/conn").getJson()).isEqualTo(List.of(1, 2, 3));
            assertThat(conductor.simulateGet("/pool").getJson()).isEqualTo(List.of(1, 2, 3));
            assertThat(pool.getPool().getActiveConnections()).isZero();
        }

        @Test
        void thePoolLivesFromStartupToShutdown(Conductor conductor) {
            assertThat(pool.getPool()).isNotNull();
            JdbcConnectionPool during = pool.getPool();

            conductor.close();

            assertThat(during.getActiveConnections()).isZero();
            assertThat(pool.getPool()).isSameAs(during);
            assertThatThrownBy(during::getConnection)
                    .isInstanceOf(IllegalStateException.class);
        }

        @Test
        void withoutTheLifespanThereIsNoPool() {
            assertThat(pool.getPool()).isNull();
        }
    }

    @Nested
    @FalconTest
    class RequestIdLogging {

        private final List<String> logged = new CopyOnWriteArrayList<>();
        private final Logger logger = Logger.getLogger(RequestIDMiddleware.LOGGER_NAME);
        private final Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };

        @TestApp
        App app() {
            logger.addHandler(capture);
            App app = App.builder().middleware(new RequestIDMiddleware()).build();
            app.addRoute("/greeting", new GreetingResource());
            return app;
        }

        @AfterEach
        void removeHandler() {
            logger.removeHandler(capture);
        }

        @Test
        void theIdIsInTheHeaderAndInTheLogLine(TestClient client) {
            Result first = client.simulateGet("/greeting");
            Result second = client.simulateGet("/greeting");

            String id = first.getHeader("X-Request-ID");
            assertThat(id).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}");
            assertThat(second.getHeader("X-Request-ID")).isNotEqualTo(id);
            assertThat(logged).containsExactly("[" + id + "] greeting", "[" + second.getHeader("X-Request-ID") + "] greeting");
        }

        @Test
        void anErrorResponseCarriesItToo(TestClient client) {
            Result notFound = client.simulateGet("/nowhere");

            assertThat(notFound.getStatusCode()).isEqualTo(404);
            assertThat(notFound.getHeader("X-Request-ID")).hasSize(36);
        }
    }
}
