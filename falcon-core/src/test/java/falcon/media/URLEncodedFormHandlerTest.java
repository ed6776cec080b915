package falcon.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import falcon.MediaMalformedError;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * URL-encoded forms read and written as Falcon's {@code URLEncodedFormHandler}, and the look-up
 * of handlers by media type.
 */
class URLEncodedFormHandlerTest {

    record Line(String sku, int quantity) {
    }

    private static Object read(URLEncodedFormHandler handler, byte[] body) throws IOException {
        return handler.deserialize(new ByteArrayInputStream(body), "application/x-www-form-urlencoded", body.length);
    }

    private static Object read(URLEncodedFormHandler handler, String body) throws IOException {
        return read(handler, body.getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void aFormIsParsedAsAQueryString() throws IOException {
        URLEncodedFormHandler form = new URLEncodedFormHandler();
        assertThat(read(form, "a=1&b=x%20y&b=z&c=&d=1,2")).isEqualTo(Map.of(
                "a", "1", "b", List.of("x y", "z"), "c", "", "d", "1,2"));
        assertThat(read(form, "")).isEqualTo(Map.of());
        // Falcon's options: blank values dropped, values split on commas
        assertThat(read(new URLEncodedFormHandler(false, true), "c=&d=1,2")).isEqualTo(Map.of("d", List.of("1", "2")));
        // a percent-escape is UTF-8
        assertThat(read(form, "e=%E2%82%AC")).isEqualTo(Map.of("e", "€"));
    }

    @Test
    void aBodyThatIsNotAsciiIsMalformed() throws IOException {
        URLEncodedFormHandler form = new URLEncodedFormHandler();
        // python3: b'a=\xc3\xa9'.decode('ascii') -> "'ascii' codec can't decode byte 0xc3 in position 2: ..."
        assertThatThrownBy(() -> read(form, "a=é".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MediaMalformedError.class)
                .hasFieldOrPropertyWithValue("title", "Invalid URL-encoded")
                .hasFieldOrPropertyWithValue("description", "Could not parse URL-encoded body - 'ascii' codec"
                        + " can't decode byte 0xc3 in position 2: ordinal not in range(128)");
        assertThatThrownBy(() -> read(form, new byte[] {(byte) 0x80}))
                .hasFieldOrPropertyWithValue("description", "Could not parse URL-encoded body - 'ascii' codec"
                        + " can't decode byte 0x80 in position 0: ordinal not in range(128)");
        byte[] last = "abc=d".getBytes(StandardCharsets.US_ASCII);
        last[4] = (byte) 0xff;
        assertThatThrownBy(() -> read(form, last))
                .hasFieldOrPropertyWithValue("description", "Could not parse URL-encoded body - 'ascii' codec"
                        + " can't decode byte 0xff in position 4: ordinal not in range(128)");
        // the highest ASCII byte is still ASCII
        assertThat(read(form, new byte[] {'a', '=', 'b', 0x7f})).isEqualTo(Map.of("a", "b\u007f"));
        assertThat(read(form, new byte[] {'a', '=', 0})).isEqualTo(Map.of("a", "\u0000"));
    }

    @Test
    void aFormIsConvertedToATypeWithItsStringsCoerced() {
        URLEncodedFormHandler form = new URLEncodedFormHandler();
        assertThat(form.convert(Map.of("sku", "a", "quantity", "5"), Line.class)).isEqualTo(new Line("a", 5));
        assertThatThrownBy(() -> form.convert(Map.of("sku", "a", "quantity", "five"), Line.class))
                .isInstanceOf(MediaMalformedError.class)
                .hasFieldOrPropertyWithValue("description",
                        "Could not parse URL-encoded body - field 'quantity': expected an integer, got \"five\"");
    }

    @Test
    void aMapIsWrittenAsAQueryString() {
        Map<String, Object> media = new LinkedHashMap<>();
        media.put("a", "x y");
        media.put("b", List.of("1", "2"));
        media.put("c", 3);
        media.put("é", "&=");
        assertThat(new String(new URLEncodedFormHandler().serialize(media, null), StandardCharsets.UTF_8))
                .isEqualTo("a=x+y&b=1&b=2&c=3&%C3%A9=%26%3D");
        assertThat(new URLEncodedFormHandler().serialize(Map.of("only", "1"), null))
                .isEqualTo("only=1".getBytes(StandardCharsets.UTF_8));
        assertThat(new URLEncodedFormHandler().serialize(List.of("not", "a", "map"), null)).isEmpty();
        assertThat(new URLEncodedFormHandler().serialize(Map.of("none", List.of()), null)).isEmpty();
    }

    /** Handlers that count their look-ups, to see the resolution cache at work. */
    static final class CountingHandlers extends Handlers {
        private static final long serialVersionUID = 1L;
        final AtomicInteger gets = new AtomicInteger();

        @Override
        public BaseHandler get(Object key) {
            gets.incrementAndGet();
            return super.get(key);
        }
    }

    @Test
    void aResolvedTypeIsCachedUntilTheHandlersChange() {
        CountingHandlers handlers = new CountingHandlers();
        String type = "application/json; charset=utf-8";
        BaseHandler json = handlers.resolve(type, "x");
        assertThat(json).isInstanceOf(JSONHandler.class);
        handlers.gets.set(0);
        assertThat(handlers.resolve(type, "x")).isSameAs(json);
        assertThat(handlers.gets).as("only the exact look-up, then the cache").hasValue(1);

        BaseHandler mine = new JSONHandler();
        assertThat(handlers.put("application/json", mine)).isSameAs(json);
        assertThat(handlers.resolve(type, "x")).isSameAs(mine);
        assertThat(handlers.remove("application/json")).isSameAs(mine);
        assertThatThrownBy(() -> handlers.resolve(type, "x")).isInstanceOf(falcon.HTTPUnsupportedMediaType.class);
        handlers.putAll(Map.of("application/json", json));
        assertThat(handlers.resolve(type, "x")).isSameAs(json);
        assertThat(new Handlers(Map.of("text/csv", mine))).containsOnlyKeys("text/csv");
    }

    @Test
    void theCacheKeepsAtMost256Types() {
        CountingHandlers handlers = new CountingHandlers();
        for (int i = 0; i < 256; i++) {
            handlers.resolve("application/json; n=" + i, "x");
        }
        String type = "application/json; n=256";
        handlers.resolve(type, "x");
        handlers.gets.set(0);
        handlers.resolve(type, "x");
        assertThat(handlers.gets).as("not cached: exact look-up, then the best match's").hasValue(2);
        handlers.gets.set(0);
        handlers.resolve("application/json; n=255", "x");
        assertThat(handlers.gets).as("cached").hasValue(1);
    }

    @Test
    void theParseOptionsAreSetFluently() {
        MultipartParseOptions options = new MultipartParseOptions();
        assertThat(options.setMaxBodyPartCount(3)).isSameAs(options);
        assertThat(options.maxBodyPartCount).isEqualTo(3);
        assertThat(options.getMediaHandlers()).isSameAs(options.mediaHandlers)
                .containsOnlyKeys(Handlers.MEDIA_JSON, Handlers.MEDIA_URLENCODED);
    }
}
