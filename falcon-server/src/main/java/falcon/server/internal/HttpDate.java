package falcon.server.internal;

import io.netty.handler.codec.DateFormatter;
import io.netty.util.AsciiString;
import java.util.Date;

/** The {@code Date} header value, formatted once per second (RFC 9110 section 5.6.7). */
final class HttpDate {

    private static volatile Cached cached = new Cached(-1, AsciiString.EMPTY_STRING);

    private HttpDate() {
    }

    /** Returns the current date as an IMF-fixdate, e.g. {@code Sun, 06 Nov 1994 08:49:37 GMT}. */
    static AsciiString now() {
        long millis = System.currentTimeMillis();
        long second = millis / 1000;
        Cached c = cached;
        if (c.second != second) {
            // PERF: formatting costs more than a request's other headers together; once a second.
            c = new Cached(second, AsciiString.cached(DateFormatter.format(new Date(second * 1000))));
            cached = c;
        }
        return c.value;
    }

    private static final class Cached {
        final long second;
        final AsciiString value;

        Cached(long second, AsciiString value) {
            this.second = second;
            this.value = value;
        }
    }
}
