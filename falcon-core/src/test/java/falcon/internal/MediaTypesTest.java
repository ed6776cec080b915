package falcon.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The media type a static route answers with, by file name.
 *
 * <p>NOTE: mutants inside the reading of the tables (defaults() and read()) mostly survive PIT:
 * the table is read once per JVM and kept, and PIT swaps mutants into one JVM, so a mutant of the
 * reader runs only if it is the first to fill the table. The entries below still prove the table.
 * The mutant {@code i <= dot} of extension() is equivalent: the character at {@code dot} is a dot.
 */
class MediaTypesTest {

    @ParameterizedTest(name = "{0} -> \"{1}\"")
    @CsvSource(value = {
        "x.css|.css", "a.tar.gz|.gz", "noext|''", ".bashrc|''", "..x|''", "...|''", "a.|.",
        ".a.b|.b", "a..b|.b"}, delimiter = '|')
    void theExtensionIsPythonsSplitext(String name, String extension) {
        // python3 -c "import os; print(repr(os.path.splitext('..x')[1]))"
        assertThat(MediaTypes.extension(name)).isEqualTo(extension);
    }

    @Test
    void aFileIsLookedUpInTheGivenTable() {
        Map<String, String> types = Map.of(".txt", "text/x-mine", "", "text/x-none");
        assertThat(MediaTypes.ofFile(types, "notes.txt")).isEqualTo("text/x-mine");
        assertThat(MediaTypes.ofFile(types, "notes.css")).isEqualTo(MediaTypes.DEFAULT);
        // no extension looks up "": a table may name a type for those
        assertThat(MediaTypes.ofFile(types, "README")).isEqualTo("text/x-none");
        assertThat(MediaTypes.DEFAULT).isEqualTo("application/octet-stream");
    }

    @Test
    void withoutATableTheDefaultsApply() {
        assertThat(MediaTypes.ofFile(null, "site.css")).isEqualTo("text/css");
        assertThat(MediaTypes.ofFile(null, "index.html")).isEqualTo("text/html");
        assertThat(MediaTypes.ofFile(null, "data.no-such-extension")).isEqualTo("application/octet-stream");
        assertThat(MediaTypes.ofFile(null, ".bashrc")).isEqualTo("application/octet-stream");
    }

    @Test
    void theDefaultsAreReadOnceAndCannotBeChanged() {
        Map<String, String> types = MediaTypes.defaults();
        assertThat(MediaTypes.defaults()).isSameAs(types);
        assertThat(types).containsEntry(".css", "text/css").containsEntry(".json", "application/json")
                .containsEntry(".png", "image/png");
        // every key is an extension with its dot: the comment and word splitting kept none else
        assertThat(types.keySet()).allSatisfy(ext -> assertThat(ext).startsWith(".").doesNotContain(" ", "#"));
        assertThat(types.values()).allSatisfy(type -> assertThat(type).contains("/").doesNotContain(" ", "#"));
        assertThatThrownBy(() -> types.put(".x", "text/x")).isInstanceOf(UnsupportedOperationException.class);
    }
}
