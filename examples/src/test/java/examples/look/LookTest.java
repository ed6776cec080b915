package examples.look;

import static org.assertj.core.api.Assertions.assertThat;

import falcon.App;
import falcon.Status;
import falcon.media.msgpack.MessagePackHandler;
import falcon.testing.Result;
import falcon.testing.Simulate;
import falcon.testing.TestClient;
import falcon.testing.junit.FalconTest;
import falcon.testing.junit.TestApp;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Falcon: the tutorial's {@code tests/test_app.py} as it ends ("Refactoring for testability"), then
 * the requests of "Serving Images", "Introducing Hooks" and "Error Handling".
 */
@FalconTest
class LookTest {

    /** The tutorial's {@code mock_store} ({@code MagicMock()}): records its calls, returns what it is told. */
    static final class MockStore extends ImageStore {
        final List<Object[]> saveCalls = new ArrayList<>();
        String saveReturnValue;

        MockStore() {
            super(Path.of("unused"));
        }

        @Override
        public String save(InputStream imageStream, String imageContentType) {
            saveCalls.add(new Object[] {imageStream, imageContentType});
            return saveReturnValue;
        }
    }

    private final MockStore mockStore = new MockStore();

    /** The tutorial's {@code client} fixture: {@code create_app(mock_store)}. */
    @TestApp
    App app() {
        return Main.createApp(mockStore);
    }

    @Test
    void listImages(TestClient client) throws IOException {
        Map<String, Object> doc = Map.of("images", List.of(
                Map.of("href", "/images/1eaf6ef1-7f2d-4ecc-a8d5-6e8adba7cc0e.png")));

        Result response = client.simulateGet("/images");
        Object resultDoc = new MessagePackHandler().deserialize(
                new ByteArrayInputStream(response.getContent()), "application/msgpack", -1);

        assertThat(resultDoc).isEqualTo(doc);
        assertThat(response.getStatus()).isEqualTo(Status.HTTP_OK);
        assertThat(response.getHeader("content-type")).isEqualTo("application/msgpack");
    }

    // With clever composition of fixtures, we can observe what happens with
    // the mock injected into the image resource.
    @Test
    void postImage(TestClient client) {
        String fileName = "fake-image-name.xyz";

        // We need to know what ImageStore method will be used
        mockStore.saveReturnValue = fileName;
        // NOTE: the tutorial posts 'image/xyz' here; that test was written before the
        // validate_image_type hook, which refuses the type in the final app (see below).
        String imageContentType = "image/png";

        Result response = client.simulatePost("/images",
                Simulate.with().body("some-fake-bytes").header("content-type", imageContentType));

        assertThat(response.getStatus()).isEqualTo(Status.HTTP_CREATED);
        assertThat(response.getHeader("location")).isEqualTo("/images/" + fileName);
        assertThat(mockStore.saveCalls).hasSize(1);
        Object[] saverCall = mockStore.saveCalls.get(0);
        // The tutorial checks for wsgiref's InputWrapper: the request's body stream.
        assertThat(saverCall[0]).isInstanceOf(InputStream.class);
        assertThat(saverCall[1]).isEqualTo(imageContentType);
    }

    @Test
    void savingImage() throws IOException {
        // This still has some mocks, but they are more localized and do not
        // have to be monkey-patched into standard library modules (always a
        // risky business).
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        List<Path> opened = new ArrayList<>();
        ImageStore.Opener mockFileOpen = new ImageStore.Opener() {
            @Override
            public OutputStream openForWriting(Path path) {
                opened.add(path);
                return written;
            }

            @Override
            public InputStream openForReading(Path path) {
                throw new AssertionError("not read");
            }
        };

        String fakeUuid = "123e4567-e89b-12d3-a456-426655440000";
        byte[] fakeImageBytes = "fake-image-bytes".getBytes(StandardCharsets.US_ASCII);
        InputStream fakeRequestStream = new ByteArrayInputStream(fakeImageBytes);
        Path storagePath = Path.of("fake-storage-path");
        ImageStore store = new ImageStore(storagePath, () -> fakeUuid, mockFileOpen);

        assertThat(store.save(fakeRequestStream, "image/png")).isEqualTo(fakeUuid + ".png");
        assertThat(written.toByteArray()).isEqualTo(fakeImageBytes);
        assertThat(opened).containsExactly(storagePath.resolve(fakeUuid + ".png"));
    }

    @Test
    void aJpegIsSavedAsJpgAsPythonsMimetypesNamesIt() throws IOException {
        ImageStore store = new ImageStore(Path.of("x"), () -> "u", new ImageStore.Opener() {
            @Override
            public OutputStream openForWriting(Path path) {
                return OutputStream.nullOutputStream();
            }

            @Override
            public InputStream openForReading(Path path) {
                throw new AssertionError("not read");
            }
        });

        assertThat(store.save(InputStream.nullInputStream(), "image/jpeg")).isEqualTo("u.jpg");
        assertThat(store.save(InputStream.nullInputStream(), "image/gif")).isEqualTo("u.gif");
    }

    @Test
    void putIsNotAllowedAndAllowListsTheResponders(TestClient client) {
        // $ http PUT localhost:8000/images
        Result response = client.simulatePut("/images");

        assertThat(response.getStatus()).isEqualTo("405 Method Not Allowed");
        assertThat(response.getHeader("allow")).isEqualTo("GET, POST, OPTIONS");
        assertThat(response.getText()).isEqualTo("{\"title\": \"405 Method Not Allowed\"}");
    }

    @Test
    void theRootIsNotFound(TestClient client) {
        // $ curl -v localhost:8000
        assertThat(client.simulateGet("/").getStatus()).isEqualTo("404 Not Found");
    }

    @Test
    void aNefariousTypeIsRefusedByTheHook(TestClient client) {
        // $ http POST localhost:8000/images Content-Type:image/jpx
        Result response = client.simulatePost("/images", Simulate.with().contentType("image/jpx"));

        assertThat(response.getStatus()).isEqualTo("400 Bad Request");
        assertThat(response.getText()).isEqualTo(
                "{\"title\": \"Bad request\", \"description\": \"Image type not allowed. Must be PNG, JPEG, or GIF\"}");
        assertThat(mockStore.saveCalls).isEmpty();
    }

    /** "Serving Images" and "Error Handling", on a real store in a temporary directory. */
    @Nested
    class ServingImages {

        @TempDir
        Path storage;

        @TestApp
        App app() {
            return Main.createApp(new ImageStore(storage));
        }

        @Test
        void aPostedImageIsServedAtItsLocation(TestClient client) {
            byte[] png = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};

            Result posted = client.simulatePost("/images", Simulate.with().body(png).contentType("image/png"));
            Result fetched = client.simulateGet(posted.getHeader("location"));

            assertThat(posted.getStatus()).isEqualTo("201 Created");
            assertThat(posted.getHeader("location")).matches("/images/[0-9a-f-]{36}\\.png");
            assertThat(fetched.getStatus()).isEqualTo("200 OK");
            assertThat(fetched.getHeader("content-type")).isEqualTo("image/png");
            assertThat(fetched.getHeader("content-length")).isEqualTo("7");
            assertThat(fetched.getContent()).isEqualTo(png);
        }

        @Test
        void anInvalidImageNameIsNotFound(TestClient client) {
            // $ http localhost:8000/images/voltron.png
            Result response = client.simulateGet("/images/voltron.png");

            assertThat(response.getStatus()).isEqualTo("404 Not Found");
            assertThat(response.getHeader("content-type")).isEqualTo("application/json");
            assertThat(response.getText()).isEqualTo("{\"title\": \"404 Not Found\"}");
        }

        @Test
        void aValidNameThatIsNotStoredIsNotFound(TestClient client) {
            // $ http localhost:8000/images/db79e518-c8d3-4a87-93fe-38b620f9d410.png
            assertThat(client.simulateGet("/images/db79e518-c8d3-4a87-93fe-38b620f9d410.png").getStatus())
                    .isEqualTo("404 Not Found");
        }

        @Test
        void aNameOutsideTheStoreIsNotFound(TestClient client) throws IOException {
            Files.writeString(storage.resolve("secret.txt"), "no");

            assertThat(client.simulateGet("/images/secret.txt").getStatus()).isEqualTo("404 Not Found");
        }
    }
}
