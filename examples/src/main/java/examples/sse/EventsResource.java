package examples.sse;

import falcon.Request;
import falcon.Response;
import falcon.SSEvent;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Streams events to a browser's {@code EventSource}: the manual's {@code emitter()}.
 *
 * <p>Events come from a queue ({@link #publish}); when none arrives within the keep-alive
 * period, a ping comment keeps the connection alive. The stream ends at the event {@code "end"}
 * (for tests) or when the client disconnects.
 */
public class EventsResource {

    private final BlockingQueue<String> events = new LinkedBlockingQueue<>();
    private final long keepAliveMillis;

    /** Creates the resource, pinging after {@code keepAliveMillis} without events. */
    public EventsResource(long keepAliveMillis) {
        this.keepAliveMillis = keepAliveMillis;
    }

    /** Queues an event for the connected client. */
    public void publish(String event) {
        events.add(event);
    }

    /** Streams the events. */
    public void onGet(Request req, Response resp) {
        resp.setSse(emitter -> {
            long id = req.getLastEventId() == null ? 0 : Long.parseLong(req.getLastEventId());
            while (true) {
                String someEvent = events.poll(keepAliveMillis, TimeUnit.MILLISECONDS);
                if (someEvent == null) {
                    // Send an event consisting of a single "ping" comment to keep the
                    // connection alive.
                    emitter.send(new SSEvent());
                    continue;
                }
                if (someEvent.equals("end")) {
                    return;
                }
                id++;
                if (someEvent.startsWith("{")) {
                    emitter.send(new SSEvent().setJson(new com.fasterxml.jackson.databind.ObjectMapper()
                            .readValue(someEvent, Object.class)).setRetry(5000));
                } else {
                    // ...or raw data with an ID the client echoes as Last-Event-ID on reconnect
                    emitter.send(new SSEvent().setData(someEvent.getBytes(StandardCharsets.UTF_8))
                            .setEventId(Long.toString(id)));
                }
            }
        });
    }
}
