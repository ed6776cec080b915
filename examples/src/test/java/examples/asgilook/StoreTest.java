package examples.asgilook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The thumbnail sizes Pillow's {@code Image.thumbnail} gives (values from Pillow 9.4). */
class StoreTest {

    @ParameterizedTest(name = "{0}x{1} in {2}x{3} is {4}x{5}")
    @CsvSource({
        "640, 360, 320, 180, 320, 180",
        "640, 360, 160, 90, 160, 90",
        "462, 462, 231, 231, 231, 231",
        "462, 462, 115, 115, 115, 115",
        "1000, 333, 500, 166, 498, 166",
        "333, 1000, 166, 500, 166, 498",
        "641, 361, 320, 180, 320, 180",
        "100, 100, 200, 200, 100, 100",
        "7, 3, 3, 1, 2, 1",
        "1001, 667, 500, 333, 500, 333",
        "667, 1001, 333, 500, 333, 500",
    })
    void thumbnailSizeIsPillows(int width, int height, int x, int y, int expectedX, int expectedY) {
        assertThat(Store.thumbnailSize(width, height, x, y)).containsExactly(expectedX, expectedY);
    }
}
