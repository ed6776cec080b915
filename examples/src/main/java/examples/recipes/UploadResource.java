package examples.recipes;

import falcon.Request;
import falcon.Response;
import falcon.Status;
import falcon.media.BodyPart;
import falcon.media.MultipartForm;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Saves the {@code myfile} part of a posted multipart form straight to storage: the part's stream
 * goes to the store as it is read from the request, never whole in memory. Falcon: the FAQ's "How
 * can I save POSTed files (from a multipart form) directly to AWS S3?"
 */
public class UploadResource {

    /** Any storage that takes a stream: boto3's {@code upload_fileobj(fileobj, bucket, key)}. */
    @FunctionalInterface
    public interface BlobStore {
        /** Stores what {@code fileobj} gives under {@code bucket}/{@code key}. */
        void uploadFileobj(InputStream fileobj, String bucket, String key) throws IOException;
    }

    /** A {@link BlobStore} on a directory: {@code root/bucket/key}. */
    public static BlobStore directory(Path root) {
        return (fileobj, bucket, key) -> {
            Path target = root.resolve(bucket).resolve(key);
            Files.createDirectories(target.getParent());
            Files.copy(fileobj, target, StandardCopyOption.REPLACE_EXISTING);
        };
    }

    private final BlobStore s3;

    /** Creates the resource on a store. */
    public UploadResource(BlobStore s3) {
        this.s3 = s3;
    }

    /** Stores the {@code myfile} part as {@code mybucket/mykey}; answers 201, or 204 without it. */
    public void onPost(Request req, Response resp) throws IOException {
        resp.setStatus(Status.HTTP_204);
        for (BodyPart part : (MultipartForm) req.getMedia()) {
            if (part.getName().equals("myfile")) {
                s3.uploadFileobj(part.getStream(), "mybucket", "mykey");
                resp.setStatus(Status.HTTP_201);
            }
        }
    }
}
