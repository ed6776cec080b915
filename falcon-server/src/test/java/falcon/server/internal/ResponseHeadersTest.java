package falcon.server.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseEncoder;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.Http2Headers;
import io.netty.handler.codec.http2.HttpConversionUtil;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The response headers handed to Netty's encoders behave as Netty's own validating headers do. */
class ResponseHeadersTest {

    @Test
    void keepsTheOrderAddedAndLooksNamesUpWhateverTheirCase() {
        HttpHeaders h = new ResponseHeaders();
        h.add("content-type", "text/plain").add("X-Multi", "a").add("x-multi", "b").add(HttpHeaderNames.DATE, "d");
        assertThat(h.get("Content-Type")).isEqualTo("text/plain");
        assertThat(h.get(HttpHeaderNames.CONTENT_TYPE)).isEqualTo("text/plain");
        assertThat(h.getAll("X-MULTI")).containsExactly("a", "b");
        assertThat(h.contains("date")).isTrue();
        assertThat(h.contains("vary")).isFalse();
        assertThat(h.size()).isEqualTo(4);
        assertThat(h.names()).containsExactly("content-type", "X-Multi", "date");
        assertThat(h.entries()).extracting(Map.Entry::getKey)
                .containsExactly("content-type", "X-Multi", "x-multi", "date");
    }

    @Test
    void setDropsEveryValueThenAddsOneLastUnderTheNameGiven() {
        HttpHeaders h = new ResponseHeaders();
        h.add("a", "1").add("Content-Length", "2").add("c", "3");
        h.set(HttpHeaderNames.CONTENT_LENGTH, "20");
        assertThat(h.entries()).extracting(Map.Entry::getKey).containsExactly("a", "c", "content-length");
        assertThat(h.entries()).extracting(Map.Entry::getValue).containsExactly("1", "3", "20");
        h.add("c", "4").set("c", "only");
        assertThat(h.getAll("c")).containsExactly("only");
        h.setInt(HttpHeaderNames.CONTENT_LENGTH, 12);
        assertThat(h.getInt("content-length")).isEqualTo(12);
        assertThat(h.getInt("a", -1)).isEqualTo(1);
        h.add("b", "two");
        assertThat(h.getInt("b", -1)).isEqualTo(-1);
        h.remove("A").remove(HttpHeaderNames.CONTENT_LENGTH);
        assertThat(h.names()).containsExactly("c", "b");
        h.clear();
        assertThat(h.isEmpty()).isTrue();
        assertThat(h.get("b")).isNull();
    }

    @Test
    void growsPastItsFirstArray() {
        HttpHeaders h = new ResponseHeaders();
        for (int i = 0; i < 40; i++) {
            h.add("x-" + i, Integer.toString(i));
        }
        assertThat(h.size()).isEqualTo(40);
        assertThat(h.get("x-39")).isEqualTo("39");
        h.remove("x-0");
        assertThat(h.get("x-1")).isEqualTo("1");
        assertThat(h.size()).isEqualTo(39);
    }

    @Test
    void datesAreWrittenAsHttpDates() {
        HttpHeaders h = new ResponseHeaders();
        h.set("last-modified", new Date(0));
        assertThat(h.get("last-modified")).isEqualTo("Thu, 01 Jan 1970 00:00:00 GMT");
        assertThat(h.getTimeMillis("last-modified")).isZero();
    }

    @Test
    void refusesWhatWouldSplitTheResponse() {
        HttpHeaders h = new ResponseHeaders();
        assertThatIllegalArgumentException().isThrownBy(() -> h.add("x-a", "ok\r\nx-injected: 1"));
        assertThatIllegalArgumentException().isThrownBy(() -> h.add("x-a", "ok\nx"));
        assertThatIllegalArgumentException().isThrownBy(() -> h.add("x-a", "nul\0"));
        assertThatIllegalArgumentException().isThrownBy(() -> h.add("bad name", "v"));
        assertThatIllegalArgumentException().isThrownBy(() -> h.add("x:y", "v"));
        assertThatIllegalArgumentException().isThrownBy(() -> h.add("", "v"));
        h.add("x-a", "a");
        assertThatIllegalArgumentException().isThrownBy(() -> h.set("x-a", "b\r\n"));
        assertThat(h.get("x-a")).isEqualTo("a");
        assertThat(h.size()).isEqualTo(1);
    }

    @Test
    void nettyEncodesThemAsItEncodesItsOwn() {
        HttpHeaders h = new ResponseHeaders();
        h.add("content-type", "text/plain").add("x-multi", "a").add("x-multi", "b").setInt("content-length", 2);
        EmbeddedChannel ch = new EmbeddedChannel(new HttpResponseEncoder());
        ch.writeOutbound(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
                Unpooled.copiedBuffer("hi", StandardCharsets.US_ASCII), h, EmptyHttpHeaders.INSTANCE));
        StringBuilder wire = new StringBuilder();
        for (ByteBuf b = ch.readOutbound(); b != null; b = ch.readOutbound()) {
            wire.append(b.toString(StandardCharsets.US_ASCII));
            b.release();
        }
        assertThat(wire.toString()).isEqualTo("HTTP/1.1 200 OK\r\ncontent-type: text/plain\r\nx-multi: a\r\n"
                + "x-multi: b\r\ncontent-length: 2\r\n\r\nhi");
        ch.finishAndReleaseAll();
    }

    @Test
    void theHttp2ConversionDropsConnectionHeadersAndKeepsTheRest() {
        HttpHeaders h = new ResponseHeaders();
        h.add("Content-Type", "text/plain").add("connection", "keep-alive, x-hop").add("x-hop", "1")
                .add("keep-alive", "timeout=5").add("x-multi", "a").add("x-multi", "b");
        Http2Headers out = new DefaultHttp2Headers();
        HttpConversionUtil.toHttp2Headers(h, out);
        List<String> names = new ArrayList<>();
        out.forEach(e -> names.add(e.getKey().toString()));
        assertThat(names).containsExactlyInAnyOrder("content-type", "x-multi", "x-multi");
        assertThat(out.getAll("x-multi")).extracting(CharSequence::toString).containsExactly("a", "b");
    }
}
