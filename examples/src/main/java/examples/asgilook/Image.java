package examples.asgilook;

import falcon.util.HttpDates;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A stored image: its ID, pixel size and when it was stored. Falcon: {@code Image} of {@code store.py}. */
public class Image {

    private final Config config;
    private final String imageId;
    private final int width;
    private final int height;
    private final LocalDateTime modified;

    /** Describes the image {@code imageId} of {@code width} by {@code height} pixels, stored now. */
    public Image(Config config, String imageId, int width, int height) {
        this.config = config;
        this.imageId = imageId;
        this.width = width;
        this.height = height;
        this.modified = LocalDateTime.now(ZoneOffset.UTC);
    }

    /** The image's ID. */
    public String getImageId() {
        return imageId;
    }

    /** The size in pixels: {@code [width, height]}, as Pillow's {@code image.size}. */
    public List<Integer> getSize() {
        return List.of(width, height);
    }

    /** When it was stored (UTC). */
    public LocalDateTime getModified() {
        return modified;
    }

    /** Where the JPEG is stored. */
    public Path getPath() {
        return config.storagePath.resolve(imageId);
    }

    /** Where it is served: {@code /images/{id}.jpeg}. */
    public String getUri() {
        return "/images/" + imageId + ".jpeg";
    }

    /** The image as the API shows it. */
    public Map<String, Object> serialize() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("id", imageId);
        doc.put("image", getUri());
        doc.put("modified", HttpDates.dtToHttp(modified));
        doc.put("size", getSize());
        doc.put("thumbnails", thumbnails());
        return doc;
    }

    /**
     * The URIs of the thumbnails: each about half the size of the previous one, down to {@code
     * config.minThumbSize}, as mipmaps.
     */
    public List<String> thumbnails() {
        List<String> uris = new ArrayList<>();
        int minSize = config.minThumbSize;
        for (int factor = 2; width / factor >= minSize && height / factor >= minSize; factor *= 2) {
            uris.add("/thumbnails/" + imageId + "/" + (width / factor) + "x" + (height / factor) + ".jpeg");
        }
        return uris;
    }
}
