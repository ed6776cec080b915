package falcon.statics;

import static org.assertj.core.api.Assertions.assertThat;

import falcon.App;
import falcon.testing.Result;
import falcon.testing.Simulate;
import falcon.testing.TestClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Falcon: tests/test_static.py, the conditional requests of Falcon 4.1 ({@code test_etag},
 * {@code test_last_modified}, {@code test_if_modified_since}, {@code test_if_none_match},
 * {@code test_if_none_match_precedence}); the same file time and size, so the same values.
 */
class StaticRouteConditionalTest {

    // 1736617934.133701: the fraction must not reach Last-Modified nor the tag.
    private static final FileTime MTIME = FileTime.from(Instant.ofEpochSecond(1736617934L, 133_701_000L));
    private static final String ETAG = "\"6782afce-9\"";
    private static final String LAST_MODIFIED = "Sat, 11 Jan 2025 17:52:14 GMT";

    @TempDir
    Path dir;
    TestClient client;

    @BeforeEach
    void files() throws IOException {
        Files.writeString(dir.resolve("main.css"), "test_data");
        Files.setLastModifiedTime(dir.resolve("main.css"), MTIME);
        Files.writeString(dir.resolve("index.html"), "<h1>hi</h1>");
        Files.setLastModifiedTime(dir.resolve("index.html"), FileTime.from(Instant.ofEpochSecond(0x5f5e1000L)));
        App app = new App();
        app.addStaticRoute("/assets", dir);
        app.addStaticRoute("/dl", dir, true, null);
        app.addStaticRoute("/fb", dir, false, "index.html");
        client = new TestClient(app);
    }

    private Result get(String path, String... headers) {
        Simulate options = Simulate.with();
        for (int i = 0; i < headers.length; i += 2) {
            options.header(headers[i], headers[i + 1]);
        }
        return client.simulateGet(path, options);
    }

    @Test
    void aFileCarriesAStrongTagOfItsTimeAndSizeInHex() {
        Result r = get("/assets/main.css");
        assertThat(r.getStatusCode()).isEqualTo(200);
        assertThat(r.getHeader("ETag")).isEqualTo(ETAG);
    }

    @Test
    void aFileCarriesItsModificationTimeInWholeSeconds() {
        assertThat(get("/assets/main.css").getHeader("Last-Modified")).isEqualTo(LAST_MODIFIED);
    }

    @Test
    void theTagChangesWithTheSize() throws IOException {
        Files.writeString(dir.resolve("main.css"), "test_data, longer");
        Files.setLastModifiedTime(dir.resolve("main.css"), MTIME);
        Result r = get("/assets/main.css", "If-None-Match", ETAG);
        assertThat(r.getStatusCode()).isEqualTo(200);
        assertThat(r.getHeader("ETag")).isEqualTo("\"6782afce-11\"");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Sat, 11 Jan 2025 17:52:14 GMT | 304",
        "Sat, 11 Jan 2025 17:52:15 GMT | 304",
        "Sun, 12 Jan 2025 00:00:00 GMT | 304",
        "Sat, 11 Jan 2025 17:52:13 GMT | 200",
    })
    void ifModifiedSinceTheFileTimeOrLaterIsA304(String since, int status) {
        Result r = get("/assets/main.css", "If-Modified-Since", since);
        assertThat(r.getStatusCode()).isEqualTo(status);
        assertThat(r.getText()).isEqualTo(status == 304 ? "" : "test_data");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "*                         | 304",
        "\"6782afce-9\"            | 304",
        "\"6782afce-9\", \"foo\"   | 304",
        "\"foo\", W/\"6782afce-9\" | 304",
        "W/\"6782afce-9\"          | 304",
        "\"foo\"                   | 200",
        "\"foo\", \"bar\"          | 200",
        "\"6782afce-a\"            | 200",
    })
    void ifNoneMatchWithStarOrTheTagIsA304(String ifNoneMatch, int status) {
        Result r = get("/assets/main.css", "If-None-Match", ifNoneMatch);
        assertThat(r.getStatusCode()).isEqualTo(status);
        assertThat(r.getText()).isEqualTo(status == 304 ? "" : "test_data");
    }

    @Test
    void ifNoneMatchDecidesAloneWhenBothArePresent() {
        Result stale = get("/assets/main.css", "If-None-Match", "\"foo\"", "If-Modified-Since", LAST_MODIFIED);
        assertThat(stale.getStatusCode()).isEqualTo(200);
        assertThat(stale.getText()).isEqualTo("test_data");

        Result fresh = get("/assets/main.css", "If-None-Match", stale.getHeader("ETag"),
                "If-Modified-Since", "Sat, 11 Jan 2025 17:52:13 GMT");
        assertThat(fresh.getStatusCode()).isEqualTo(304);
        assertThat(fresh.getText()).isEmpty();
    }

    @Test
    void a304CarriesTheTagAndDateButNoBodyOrEntityHeaders() {
        Result r = get("/dl/main.css", "If-None-Match", ETAG);
        assertThat(r.getStatus()).isEqualTo("304 Not Modified");
        assertThat(r.getContent()).isEmpty();
        assertThat(r.getHeader("ETag")).isEqualTo(ETAG);
        assertThat(r.getHeader("Last-Modified")).isEqualTo(LAST_MODIFIED);
        assertThat(r.getHeader("Content-Type")).isNull();
        assertThat(r.getHeader("Content-Length")).isNull();
        assertThat(r.getHeader("Accept-Ranges")).isNull();
        assertThat(r.getHeader("Content-Disposition")).isNull();
    }

    @Test
    void aDownloadCarriesTheTagWithItsDisposition() {
        Result r = get("/dl/main.css");
        assertThat(r.getHeader("ETag")).isEqualTo(ETAG);
        assertThat(r.getHeader("Content-Disposition")).isEqualTo("attachment; filename=\"main.css\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"bytes=1-3", "bytes=100-", "bytes=3-1", "items=1-3"})
    void aCurrentCopyIsA304WhateverTheRange(String range) {
        // As Falcon 4.1: the conditions are checked before Range is read, so even a bad one is a 304.
        Result r = get("/assets/main.css", "If-None-Match", ETAG, "Range", range);
        assertThat(r.getStatusCode()).isEqualTo(304);
        assertThat(r.getHeader("Content-Range")).isNull();
    }

    @Test
    void aRangeOfAStaleCopyIsA206WithTheTag() {
        Result r = get("/assets/main.css", "If-None-Match", "\"foo\"", "Range", "bytes=1-3");
        assertThat(r.getStatusCode()).isEqualTo(206);
        assertThat(r.getText()).isEqualTo("est");
        assertThat(r.getHeader("Content-Range")).isEqualTo("bytes 1-3/9");
        assertThat(r.getHeader("ETag")).isEqualTo(ETAG);
    }

    @Test
    void anUnsatisfiableRangeKeepsTheTagAndDate() {
        // Falcon sets both before reading Range, and an error keeps the headers already set.
        Result r = get("/assets/main.css", "Range", "bytes=9-");
        assertThat(r.getStatusCode()).isEqualTo(416);
        assertThat(r.getHeader("ETag")).isEqualTo(ETAG);
        assertThat(r.getHeader("Last-Modified")).isEqualTo(LAST_MODIFIED);
    }

    @Test
    void headIsAnsweredAsGet() {
        Result whole = client.simulateHead("/assets/main.css");
        assertThat(whole.getStatusCode()).isEqualTo(200);
        assertThat(whole.getHeader("ETag")).isEqualTo(ETAG);
        assertThat(whole.getHeader("Last-Modified")).isEqualTo(LAST_MODIFIED);
        assertThat(whole.getHeader("Content-Length")).isEqualTo("9");

        Result current = client.simulateHead("/assets/main.css", Simulate.with().header("If-None-Match", ETAG));
        assertThat(current.getStatusCode()).isEqualTo(304);
        assertThat(current.getHeader("Content-Length")).isNull();
    }

    @Test
    void theFallbackFileIsTaggedAndComparedAsItself() {
        Result r = get("/fb/missing.css");
        assertThat(r.getText()).isEqualTo("<h1>hi</h1>");
        assertThat(r.getHeader("ETag")).isEqualTo("\"5f5e1000-b\"");
        assertThat(r.getHeader("Last-Modified")).isEqualTo("Sun, 13 Sep 2020 12:26:40 GMT");

        assertThat(get("/fb/missing.css", "If-None-Match", "\"5f5e1000-b\"").getStatusCode()).isEqualTo(304);
        assertThat(get("/fb/missing.css", "If-None-Match", ETAG).getStatusCode()).isEqualTo(200);
    }

    @Test
    void aMalformedIfModifiedSinceIsA400UnlessIfNoneMatchDecides() {
        Result r = get("/assets/main.css", "If-Modified-Since", "yesterday");
        assertThat(r.getStatusCode()).isEqualTo(400);
        assertThat(r.getJsonMap()).containsEntry("title", "Invalid header value");

        assertThat(get("/assets/main.css", "If-None-Match", "\"foo\"", "If-Modified-Since", "yesterday")
                .getStatusCode()).isEqualTo(200);
    }

    @Test
    void aMissingFileIsA404WhateverTheConditions() {
        assertThat(get("/assets/missing.css", "If-None-Match", "*").getStatusCode()).isEqualTo(404);
    }
}
