package falcon.util;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Falcon: tests/test_utils.py (CaseInsensitiveDict). */
class CaseInsensitiveDictTest {

    @Test
    void keysMatchWhateverTheirCase() {
        CaseInsensitiveDict<String> dict = new CaseInsensitiveDict<>(Map.of("Content-Type", "text/plain"));
        assertThat(dict.get("content-type")).isEqualTo("text/plain");
        assertThat(dict.containsKey("CONTENT-TYPE")).isTrue();
        dict.put("CONTENT-TYPE", "application/json");
        assertThat(dict).hasSize(1).containsEntry("content-type", "application/json");
        dict.remove("Content-type");
        assertThat(dict).isEmpty();
    }
}
