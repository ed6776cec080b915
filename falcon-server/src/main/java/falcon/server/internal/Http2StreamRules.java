package falcon.server.internal;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http2.Http2Connection;
import io.netty.handler.codec.http2.Http2Error;
import io.netty.handler.codec.http2.Http2Exception;
import io.netty.handler.codec.http2.Http2FrameLogger;
import io.netty.handler.codec.http2.Http2Headers;
import io.netty.handler.codec.http2.Http2Stream;
import io.netty.handler.logging.LogLevel;

/**
 * The stream-state rules of RFC 9113 5.1 and 5.1.1 for a client's HEADERS frames that Netty's
 * decoder cannot apply, because it forgets a stream once it is closed: a HEADERS frame for a lower
 * stream ID that was never opened is a connection error PROTOCOL_ERROR (Netty: a stream error
 * STREAM_CLOSED), one for a closed stream whose request the client had ended a connection error
 * STREAM_CLOSED (Netty: a stream error; RFC 7540 5.1 requires the connection error, RFC 9113
 * allows it), and one on a half-closed (remote) stream a stream error STREAM_CLOSED (Netty:
 * PROTOCOL_ERROR).
 *
 * <p>It sees each inbound frame before the decoder acts on it because Netty's frame codec offers
 * exactly one such place: its frame logger (the frames are still logged, at TRACE, under {@code
 * falcon.server.http2}). A rule it finds broken is thrown wrapped in an unchecked {@link Violation};
 * the codec finds the {@link Http2Exception} inside and answers it as if the decoder had thrown it.
 *
 * <p>What it remembers is bounded: the last {@value #REMEMBERED} ranges of skipped stream IDs and
 * the last {@value #REMEMBERED} streams whose client sent END_STREAM. A stream older than that
 * is left to the decoder's stream error. One per connection; used on its event loop only.
 */
final class Http2StreamRules extends Http2FrameLogger {

    private static final int REMEMBERED = 32;

    private Http2Connection connection;
    /** Client stream IDs never opened below the last opened one: ranges [from, to], a ring. */
    private final int[] skippedFrom = new int[REMEMBERED];
    private final int[] skippedTo = new int[REMEMBERED];
    private int skippedCount;
    /** Streams whose client sent END_STREAM, a ring. */
    private final int[] ended = new int[REMEMBERED];
    private int endedCount;

    Http2StreamRules() {
        super(LogLevel.TRACE, "falcon.server.http2");
    }

    /** Binds to the connection of the codec this was given to. */
    void connection(Http2Connection connection) {
        this.connection = connection;
    }

    @Override
    public void logHeaders(Direction direction, ChannelHandlerContext ctx, int streamId, Http2Headers headers,
            int padding, boolean endStream) {
        check(direction, streamId, endStream);
        super.logHeaders(direction, ctx, streamId, headers, padding, endStream);
    }

    @Override
    public void logHeaders(Direction direction, ChannelHandlerContext ctx, int streamId, Http2Headers headers,
            int streamDependency, short weight, boolean exclusive, int padding, boolean endStream) {
        check(direction, streamId, endStream);
        super.logHeaders(direction, ctx, streamId, headers, streamDependency, weight, exclusive, padding, endStream);
    }

    @Override
    public void logData(Direction direction, ChannelHandlerContext ctx, int streamId, ByteBuf data, int padding,
            boolean endStream) {
        if (endStream && direction == Direction.INBOUND) {
            ended(streamId);
        }
        super.logData(direction, ctx, streamId, data, padding, endStream);
    }

    private void ended(int streamId) {
        ended[endedCount++ % REMEMBERED] = streamId;
    }

    private void check(Direction direction, int streamId, boolean endStream) {
        if (direction != Direction.INBOUND || connection == null || (streamId & 1) == 0) {
            return; // the decoder's own checks cover even (server) IDs
        }
        Http2Stream stream = connection.stream(streamId);
        if (stream != null) {
            if (stream.state() == Http2Stream.State.HALF_CLOSED_REMOTE) {
                throw new Violation(Http2Exception.streamError(streamId, Http2Error.STREAM_CLOSED,
                        "HEADERS frame on half-closed (remote) stream %d", streamId));
            }
        } else {
            int last = connection.remote().lastStreamCreated();
            if (streamId <= last) {
                if (contains(streamId)) {
                    throw new Violation(Http2Exception.connectionError(Http2Error.STREAM_CLOSED,
                            "HEADERS frame for stream %d, closed after its END_STREAM", streamId));
                }
                if (wasSkipped(streamId)) {
                    throw new Violation(Http2Exception.connectionError(Http2Error.PROTOCOL_ERROR,
                            "HEADERS frame for stream %d, lower than stream %d already opened", streamId, last));
                }
                return; // forgotten, or reset: the decoder's stream error
            }
            if (streamId > last + 2) { // opening it closes the IDs skipped in between (RFC 9113 5.1.1)
                int i = skippedCount++ % REMEMBERED;
                skippedFrom[i] = last == 0 ? 1 : last + 2;
                skippedTo[i] = streamId - 2;
            }
        }
        if (endStream) {
            ended(streamId);
        }
    }

    private boolean contains(int streamId) {
        for (int i = 0, n = Math.min(endedCount, REMEMBERED); i < n; i++) {
            if (ended[i] == streamId) {
                return true;
            }
        }
        return false;
    }

    private boolean wasSkipped(int streamId) {
        for (int i = 0, n = Math.min(skippedCount, REMEMBERED); i < n; i++) {
            if (streamId >= skippedFrom[i] && streamId <= skippedTo[i]) {
                return true;
            }
        }
        return false;
    }

    /** A broken rule on its way through the decoder, which finds the {@link Http2Exception} inside. */
    static final class Violation extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Violation(Http2Exception cause) {
            super(cause.getMessage(), cause, false, false);
        }
    }
}
