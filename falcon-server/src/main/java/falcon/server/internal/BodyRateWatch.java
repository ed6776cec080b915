package falcon.server.internal;

import falcon.HTTPError;
import falcon.Status;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Fails a streamed request body that arrives too slowly: once a second, on the connection's
 * loop, the bytes of the last grace period are compared with the minimum rate (Kestrel's
 * MinRequestBodyDataRate). The seconds in which the App was not reading (its body queue full, so
 * the server itself stopped reading) are not counted: that slowness is the App's, not the client's.
 *
 * <p>Made only for a body still arriving when the App starts (a body that came with its head is
 * never watched); cancelled when the body ends or the connection closes.
 */
final class BodyRateWatch implements Runnable {

    private static final int MAX_WINDOW_SECONDS = 60;

    private final ExchangeHandler connection;
    private final NettyExchange exchange;
    private final long minBytesPerSecond;
    /** Bytes received in each of the last seconds that counted, as a ring. */
    private final long[] window;
    private int filled;
    private int next;
    private long lastReceived;
    private ScheduledFuture<?> task;

    private BodyRateWatch(ExchangeHandler connection, NettyExchange exchange, long minBytesPerSecond, int seconds) {
        this.connection = connection;
        this.exchange = exchange;
        this.minBytesPerSecond = minBytesPerSecond;
        this.window = new long[seconds];
        this.lastReceived = exchange.received();
    }

    /** Starts watching {@code exchange}'s body, unless the rate check is off. */
    static void start(ExchangeHandler connection, NettyExchange exchange) {
        long rate = connection.options.minBodyBytesPerSecond();
        if (rate <= 0) {
            return;
        }
        // the window is the grace period, capped: a long grace must not mean a large array
        int seconds = (int) Math.min(MAX_WINDOW_SECONDS, Math.max(1, connection.options.bodyRateGracePeriod().toSeconds()));
        BodyRateWatch watch = new BodyRateWatch(connection, exchange, rate, seconds);
        watch.task = connection.channel.eventLoop().scheduleAtFixedRate(watch, 1, 1, TimeUnit.SECONDS);
    }

    @Override
    public void run() {
        if (connection.current != exchange || exchange.requestEnded() || !connection.channel.isActive()) {
            task.cancel(false);
            return;
        }
        long received = exchange.received();
        long gained = received - lastReceived;
        lastReceived = received;
        if (exchange.bodyPaused() || exchange.continueDue()) {
            // the App is not reading (the client cannot send), or the client waits, as asked, for
            // 100 Continue, which goes out when the App first reads: not the client's slowness
            return;
        }
        window[next] = gained;
        next = (next + 1) % window.length;
        if (filled < window.length) {
            filled++;
            return; // the grace period
        }
        long sum = 0;
        for (long n : window) {
            sum += n;
        }
        if (sum < minBytesPerSecond * window.length) {
            task.cancel(false);
            connection.failBody(exchange, new HTTPError(Status.HTTP_408, null,
                    "The request body arrived more slowly than " + minBytesPerSecond + " bytes per second."));
        }
    }
}
