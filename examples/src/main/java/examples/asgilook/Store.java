package examples.asgilook;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import javax.imageio.ImageIO;

/**
 * Stores images as JPEG files and makes their thumbnails. The image work runs on the common pool,
 * as the tutorial runs Pillow in the default executor; the files are read and written without
 * blocking ({@link AsyncFiles}, the tutorial's aiofiles). Falcon: {@code Store} of {@code store.py}.
 */
public class Store {

    static {
        // No display: java.awt only draws into memory.
        System.setProperty("java.awt.headless", "true");
    }

    private final Config config;
    // Insertion order breaks ties between images stored in the same microsecond.
    private final Map<String, Image> images = new LinkedHashMap<>();

    /** Creates an empty store. */
    public Store(Config config) {
        this.config = config;
    }

    private static BufferedImage loadFromBytes(byte[] data) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(data));
            if (image == null) {
                // Pillow: UnidentifiedImageError ("cannot identify image file"), a 500 in the tutorial.
                throw new IllegalArgumentException("cannot identify image file");
            }
            return image;
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    // Pillow's image.convert('RGB'): the alpha channel is dropped, not blended.
    private static byte[] convert(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        BufferedImage rgbImage = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        rgbImage.setRGB(0, 0, w, h, image.getRGB(0, 0, w, h, null, 0, w), 0, w);
        return jpeg(rgbImage);
    }

    private static byte[] jpeg(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "JPEG", out);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return out.toByteArray();
    }

    private static byte[] resize(byte[] data, int width, int height) {
        BufferedImage image = loadFromBytes(data);
        int[] size = thumbnailSize(image.getWidth(), image.getHeight(), width, height);
        if (size[0] == image.getWidth() && size[1] == image.getHeight()) {
            return jpeg(image);
        }
        BufferedImage resized = new BufferedImage(size[0], size[1], BufferedImage.TYPE_INT_RGB);
        Graphics2D g = resized.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(image.getScaledInstance(size[0], size[1], java.awt.Image.SCALE_AREA_AVERAGING), 0, 0, null);
        } finally {
            g.dispose();
        }
        return jpeg(resized);
    }

    /**
     * The size Pillow's {@code image.thumbnail((x, y))} gives: the largest that fits in {@code x}
     * by {@code y} and keeps the aspect ratio (each side rounded to the nearer ratio); never larger
     * than the image.
     */
    static int[] thumbnailSize(int width, int height, int x, int y) {
        if (x >= width && y >= height) {
            return new int[] {width, height};
        }
        double aspect = (double) width / height;
        if ((double) x / y >= aspect) {
            double n = y * aspect;
            int lo = (int) Math.floor(n);
            int hi = (int) Math.ceil(n);
            x = Math.max(Math.abs(aspect - (double) lo / y) <= Math.abs(aspect - (double) hi / y) ? lo : hi, 1);
        } else {
            double n = x / aspect;
            int lo = (int) Math.floor(n);
            int hi = (int) Math.ceil(n);
            double keyLo = lo == 0 ? 0 : Math.abs(aspect - (double) x / lo);
            double keyHi = hi == 0 ? 0 : Math.abs(aspect - (double) x / hi);
            y = Math.max(keyLo <= keyHi ? lo : hi, 1);
        }
        return new int[] {x, y};
    }

    /** Returns the image {@code imageId}, or {@code null}. */
    public synchronized Image get(String imageId) {
        return images.get(imageId);
    }

    /** Lists the images, oldest first. */
    public synchronized List<Image> listImages() {
        List<Image> list = new ArrayList<>(images.values());
        list.sort(Comparator.comparing(Image::getModified));
        return list;
    }

    /** Makes the thumbnail of {@code image} that fits in {@code width} by {@code height}: JPEG bytes. */
    public CompletionStage<byte[]> makeThumbnail(Image image, int width, int height) {
        return AsyncFiles.readAll(image.getPath())
                .thenApplyAsync(data -> resize(data, width, height));
    }

    /** Converts {@code data} (any image ImageIO reads) to JPEG, stores it as {@code imageId}. */
    public CompletionStage<Image> save(String imageId, byte[] data) {
        return CompletableFuture.supplyAsync(() -> loadFromBytes(data))
                .thenCompose(image -> CompletableFuture.supplyAsync(() -> convert(image))
                        .thenCompose(converted -> AsyncFiles.write(config.storagePath.resolve(imageId), converted))
                        .thenApply(ignored -> {
                            Image stored = new Image(config, imageId, image.getWidth(), image.getHeight());
                            synchronized (this) {
                                images.put(imageId, stored);
                            }
                            return stored;
                        }));
    }
}
