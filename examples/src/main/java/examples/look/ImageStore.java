package examples.look;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/** Saves posted images under a directory and opens them again. Falcon: {@code ImageStore} of the tutorial. */
public class ImageStore {

    /**
     * Opens the files the store reads and writes; tests pass a fake, as the tutorial passes a
     * {@code mock_open()} for {@code fopen}.
     */
    public interface Opener {
        /** The real file system. */
        Opener FILES = new Opener() {
            @Override
            public OutputStream openForWriting(Path path) throws IOException {
                return Files.newOutputStream(path);
            }

            @Override
            public InputStream openForReading(Path path) throws IOException {
                return Files.newInputStream(path);
            }
        };

        /** Opens {@code path} to write it: Python's {@code fopen(path, 'wb')}. */
        OutputStream openForWriting(Path path) throws IOException;

        /** Opens {@code path} to read it: Python's {@code fopen(path, 'rb')}. */
        InputStream openForReading(Path path) throws IOException;
    }

    /** An open image and its size: what {@code open} returns, as the tutorial's tuple. */
    public record OpenedImage(InputStream stream, long contentLength) {
    }

    private static final int CHUNK_SIZE_BYTES = 4096;
    private static final Pattern IMAGE_NAME_PATTERN = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\.[a-z]{2,4}$");
    // Python's mimetypes.guess_extension for the types the service accepts.
    private static final Map<String, String> EXTENSIONS = Map.of(
            "image/gif", ".gif", "image/jpeg", ".jpg", "image/png", ".png");

    private final Path storagePath;
    private final Supplier<?> uuidgen;
    private final Opener fopen;

    /** Creates a store under {@code storagePath} with random UUIDs and the real file system. */
    public ImageStore(Path storagePath) {
        this(storagePath, UUID::randomUUID, Opener.FILES);
    }

    /**
     * Creates a store with injected dependencies: the tutorial's {@code uuidgen} and {@code fopen},
     * "to avoid monkey-patching".
     */
    public ImageStore(Path storagePath, Supplier<?> uuidgen, Opener fopen) {
        this.storagePath = storagePath;
        this.uuidgen = uuidgen;
        this.fopen = fopen;
    }

    /**
     * Writes {@code imageStream} to a new file named after a UUID and the type's extension.
     *
     * @return the file's name, e.g. {@code 123e4567-e89b-12d3-a456-426655440000.png}
     */
    public String save(InputStream imageStream, String imageContentType) throws IOException {
        String ext = EXTENSIONS.getOrDefault(imageContentType, "");
        String name = uuidgen.get() + ext;
        Path imagePath = storagePath.resolve(name);

        try (OutputStream imageFile = fopen.openForWriting(imagePath)) {
            byte[] chunk = new byte[CHUNK_SIZE_BYTES];
            int n;
            while ((n = imageStream.read(chunk)) > 0) {
                imageFile.write(chunk, 0, n);
            }
        }
        return name;
    }

    /**
     * Opens a stored image.
     *
     * @throws IOException when the name is not one this store makes ("Always validate untrusted
     *     input!") or no such image is stored
     */
    public OpenedImage open(String name) throws IOException {
        // Always validate untrusted input!
        if (!IMAGE_NAME_PATTERN.matcher(name).lookingAt()) {
            throw new NoSuchFileException("File not found");
        }
        Path imagePath = storagePath.resolve(name);
        InputStream stream = fopen.openForReading(imagePath);
        long contentLength = Files.size(imagePath);
        return new OpenedImage(stream, contentLength);
    }
}
