package falcon.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Runs {@code curl} for the HTTP/2 tests; they are skipped where it lacks HTTP/2 (nghttp2). */
final class CurlSupport {

    private static final boolean HTTP2 = detectHttp2();

    private CurlSupport() {
    }

    /** Returns whether curl is installed and lists HTTP2 among its features. */
    static boolean http2() {
        return HTTP2;
    }

    private static boolean detectHttp2() {
        try {
            Process p = new ProcessBuilder("curl", "-V").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return p.waitFor() == 0 && out.lines().anyMatch(l -> l.startsWith("Features:") && l.contains("HTTP2"));
        } catch (IOException | InterruptedException ex) {
            return false;
        }
    }

    /** Runs curl silently with {@code args} and returns what it printed; fails unless it exits with 0. */
    static String run(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("curl", "-sS", "--max-time", "20"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isEqualTo(0);
        return out;
    }
}
