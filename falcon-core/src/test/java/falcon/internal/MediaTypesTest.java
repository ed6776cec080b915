package falcon.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The media type a static route answers with, by file name.
 *
 * <p>The default table is read once per JVM and kept, so the reading is tested through load()
 * and read(), with tables of the tests' own. The mutant {@code i <= dot} of extension() is
 * equivalent: the character at {@code dot} is a dot.
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

    private static Map<String, String> read(String text, boolean mimeTypesFormat) throws IOException {
        Map<String, String> map = new HashMap<>();
        MediaTypes.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), map, mimeTypesFormat);
        return map;
    }

    @Test
    void ourTableHasAnExtensionThenItsType() throws IOException {
        String table = "# a comment line\n"
                + ".a text/a\n"
                + "  .b\ttext/b   # a comment after the words\n"
                + ".c\n"
                + "\n"
                + "   \n"
                + ".d text/d more words\n"
                + ".e text/e#no space before the comment\n"
                + "#.f text/f\n"
                + ".g  text/g";
        assertThat(read(table, false)).containsOnly(
                Map.entry(".a", "text/a"), Map.entry(".b", "text/b"), Map.entry(".d", "text/d"),
                Map.entry(".e", "text/e"), Map.entry(".g", "text/g"));
    }

    @Test
    void mimeTypesHasATypeThenItsExtensionsWithoutDots() throws IOException {
        String table = "# mime.types\n"
                + "text/x\txa  xb\n"
                + "image/no-extension\n"
                + "text/z zz # zq\n"
                + "text/y y#z\n"
                + "  text/w   w";
        assertThat(read(table, true)).containsOnly(
                Map.entry(".xa", "text/x"), Map.entry(".xb", "text/x"), Map.entry(".zz", "text/z"),
                Map.entry(".y", "text/y"), Map.entry(".w", "text/w"));
    }

    @Test
    void aLaterLineWins() throws IOException {
        assertThat(read(".a text/one\n.a text/two\n", false)).containsOnly(Map.entry(".a", "text/two"));
        assertThat(read("text/one a\ntext/two a\n", true)).containsOnly(Map.entry(".a", "text/two"));
    }

    @Test
    void theSystemFileOverridesTheBuiltInTable(@TempDir Path dir) throws IOException {
        Path system = dir.resolve("mime.types");
        Files.writeString(system, "text/x-mine css mine\n");
        Map<String, String> types = MediaTypes.load("/falcon/routing/static-media-types.txt", system);
        assertThat(types).containsEntry(".css", "text/x-mine").containsEntry(".mine", "text/x-mine")
                .containsEntry(".json", "application/json").containsEntry(".3gp", "audio/3gpp");
        assertThatThrownBy(() -> types.put(".x", "text/x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void withoutEitherFileTheTableIsEmpty(@TempDir Path dir) throws IOException {
        assertThat(MediaTypes.load("/no/such/table.txt", dir.resolve("missing"))).isEmpty();
        Path system = dir.resolve("mime.types");
        Files.writeString(system, "text/x-mine mine\n");
        assertThat(MediaTypes.load("/no/such/table.txt", system)).containsOnly(Map.entry(".mine", "text/x-mine"));
        // a directory is not a readable table: skipped, as Python's mimetypes skips what it cannot read
        assertThat(MediaTypes.load("/no/such/table.txt", dir)).isEmpty();
    }
}
