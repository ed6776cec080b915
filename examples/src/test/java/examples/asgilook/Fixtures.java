package examples.asgilook;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.imageio.ImageIO;

/** Falcon: the tutorial's {@code tests/conftest.py}. */
final class Fixtures {

    static final String FIRST_UUID = "36562622-48e5-4a61-be67-e426b11821ed";

    private Fixtures() {
    }

    /** Three fixed UUIDs, then random ones. Falcon: {@code predictable_uuid}. */
    static Supplier<UUID> predictableUuid() {
        Iterator<UUID> fixturesIt = List.of(
                UUID.fromString(FIRST_UUID),
                UUID.fromString("3bc731ac-8cd8-4f39-b6fe-1a195d3b4e74"),
                UUID.fromString("ba1c4951-73bc-45a4-a1f6-aa2b958dafa4")).iterator();
        return () -> fixturesIt.hasNext() ? fixturesIt.next() : UUID.randomUUID();
    }

    /** The configuration of the tutorial's {@code client} fixture, on the given Redis. */
    static Config config(Path storagePath, String redisHost, Function<String, Redis> redisFromUrl) {
        Config config = new Config(Map.of("ASGI_LOOK_STORAGE_PATH", storagePath.toString()));
        config.redisFromUrl = redisFromUrl;
        config.redisHost = redisHost;
        config.uuidGenerator = predictableUuid();
        return config;
    }

    /**
     * A 640x360 RGBA PNG with 32 random yellow ellipses outlined in red on black, different every
     * run. Falcon: {@code png_image}.
     */
    static byte[] pngImage() {
        BufferedImage image = new BufferedImage(640, 360, BufferedImage.TYPE_INT_ARGB);
        Graphics2D draw = image.createGraphics();
        draw.setColor(Color.BLACK);
        draw.fillRect(0, 0, 640, 360);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < 32; i++) {
            int x0 = random.nextInt(20, 621);
            int y0 = random.nextInt(20, 341);
            int x1 = random.nextInt(20, 621);
            int y1 = random.nextInt(20, 341);
            int left = Math.min(x0, x1);
            int top = Math.min(y0, y1);
            draw.setColor(Color.YELLOW);
            draw.fillOval(left, top, Math.abs(x1 - x0), Math.abs(y1 - y0));
            draw.setColor(Color.RED);
            draw.setStroke(new BasicStroke(1));
            draw.drawOval(left, top, Math.abs(x1 - x0), Math.abs(y1 - y0));
        }
        draw.dispose();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "PNG", output);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return output.toByteArray();
    }

    /** The pixel size of an encoded image. Falcon: {@code image_size}. */
    static List<Integer> imageSize(byte[] data) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(data));
            return List.of(image.getWidth(), image.getHeight());
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** The format ImageIO reads an encoded image as, e.g. {@code JPEG}. */
    static String formatOf(byte[] data) {
        try (var in = ImageIO.createImageInputStream(new ByteArrayInputStream(data))) {
            var readers = ImageIO.getImageReaders(in);
            return readers.hasNext() ? readers.next().getFormatName().toUpperCase(Locale.ROOT) : null;
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
