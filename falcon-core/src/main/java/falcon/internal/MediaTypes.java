package falcon.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The table of media types by file extension that static routes answer with: Python's {@code
 * mimetypes} defaults, overridden by {@code /etc/mime.types}, and the lookup of a file name in it.
 *
 * <p>The table is read on first use and kept for the life of the process: most Apps serve no
 * static file, and reading it costs start-up time (see {@link LazyMediaTypes}).
 *
 * <p>Falcon: {@code mimetypes.types_map}, which {@code ResponseOptions} copies into {@code
 * static_media_types}.
 */
public final class MediaTypes {

    /** The type of a file whose extension is not in the table, as Falcon's. */
    public static final String DEFAULT = "application/octet-stream";

    // The resource keeps the place it has always shipped at, beside StaticRoute.
    private static final String BUILT_IN = "/falcon/routing/static-media-types.txt";

    private static volatile Map<String, String> defaults;

    private MediaTypes() {
    }

    /**
     * Returns the default table: Python's built-in {@code mimetypes} table, overridden by {@code
     * /etc/mime.types} when the file exists. Keys are extensions with their dot, e.g. {@code .css}.
     *
     * @return an unmodifiable map of media types by extension, read on the first call
     */
    public static Map<String, String> defaults() {
        Map<String, String> types = defaults;
        if (types == null) {
            // NOTE: two threads may both read the files the first time; either result is the same.
            types = defaults = load(BUILT_IN, Paths.get("/etc/mime.types"));
        }
        return types;
    }

    /**
     * Reads a table: the class path resource {@code builtIn} ("ext type" lines), overridden by the
     * file {@code system} ("type ext ext..." lines) when it is readable. {@link #defaults()} reads
     * it once; tests read their own.
     */
    static Map<String, String> load(String builtIn, Path system) {
        Map<String, String> map = new HashMap<>();
        try (InputStream in = MediaTypes.class.getResourceAsStream(builtIn)) {
            if (in != null) {
                read(in, map, false);
            }
        } catch (IOException ex) {
            // the built-in table ships in the jar; without it, only /etc/mime.types applies
        }
        if (Files.isReadable(system)) {
            try (InputStream in = Files.newInputStream(system)) {
                read(in, map, true);
            } catch (IOException ex) {
                // as Python's mimetypes: an unreadable file is skipped
            }
        }
        return Collections.unmodifiableMap(map);
    }

    /**
     * Returns the media type of a file by its extension.
     *
     * <p>Falcon: {@code StaticRoute.__call__}'s {@code resp.options.static_media_types.get(suffix,
     * 'application/octet-stream')}.
     *
     * @param types the table to look in, e.g. an App's {@code staticMediaTypes}; null for {@link
     *     #defaults()}
     * @param fileName the file's name, without directories
     * @return the media type, or {@value #DEFAULT} for an extension not in the table
     */
    public static String ofFile(Map<String, String> types, String fileName) {
        Map<String, String> table = types == null ? defaults() : types;
        return table.getOrDefault(extension(fileName), DEFAULT);
    }

    /** Returns the extension with its dot, as Python's {@code os.path.splitext}: "" for ".bashrc". */
    static String extension(String name) {
        int dot = name.lastIndexOf('.');
        for (int i = 0; i < dot; i++) {
            if (name.charAt(i) != '.') {
                return name.substring(dot);
            }
        }
        return "";
    }

    // Reads "ext type" lines (our table) or "type ext ext..." lines (mime.types). PERF: split by
    // hand: this runs once, at start-up, still interpreted, and a regex split of mime.types' 2,000
    // lines was a visible part of start-up.
    static void read(InputStream in, Map<String, String> map, boolean mimeTypesFormat)
            throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        List<String> words = new ArrayList<>();
        String line;
        while ((line = reader.readLine()) != null) {
            words.clear();
            int n = line.length();
            int i = 0;
            while (i < n && line.charAt(i) != '#') {
                if (Character.isWhitespace(line.charAt(i))) {
                    i++;
                    continue;
                }
                int start = i;
                while (i < n && line.charAt(i) != '#' && !Character.isWhitespace(line.charAt(i))) {
                    i++;
                }
                words.add(line.substring(start, i));
            }
            if (words.size() < 2) {
                continue;
            }
            if (mimeTypesFormat) {
                for (int w = 1; w < words.size(); w++) {
                    map.put("." + words.get(w), words.get(0));
                }
            } else {
                map.put(words.get(0), words.get(1));
            }
        }
    }
}
