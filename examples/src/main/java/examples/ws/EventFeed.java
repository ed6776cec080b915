package examples.ws;

import falcon.Request;
import falcon.Response;
import falcon.WebSocket;
import falcon.WebSocketDisconnected;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Events posted over HTTP and pushed to WebSocket subscribers: the manual's conductor example
 * ({@code post_events} and {@code get_events_ws}) needs one.
 *
 * <p>{@code POST /events} with a JSON body publishes it; a WebSocket to {@code /events} receives
 * every event published while it is connected, as JSON TEXT messages.
 */
public class EventFeed {

    private final List<BlockingQueue<Object>> subscribers = new CopyOnWriteArrayList<>();
    private final List<Object> recent = new CopyOnWriteArrayList<>();

    /** Publishes the posted JSON document to every subscriber. */
    public void onPost(Request req, Response resp) {
        Object event = req.getMedia();
        recent.add(event);
        for (BlockingQueue<Object> q : subscribers) {
            q.add(event);
        }
        resp.setStatus(202);
    }

    /** Pushes events to the client until it disconnects. */
    public void onWebsocket(Request req, WebSocket ws) throws InterruptedException {
        ws.accept();
        BlockingQueue<Object> mine = new LinkedBlockingQueue<>();
        subscribers.add(mine);
        try {
            while (true) {
                Object event = mine.poll(100, TimeUnit.MILLISECONDS);
                if (event != null) {
                    ws.sendMedia(event);
                } else if (ws.isClosed()) {
                    return; // the small receive queue lets us notice a lost client
                }
            }
        } catch (WebSocketDisconnected ex) {
            // the client left
        } finally {
            subscribers.remove(mine);
        }
    }

    /** Returns the events posted so far. */
    public List<Object> recent() {
        return new ArrayList<>(recent);
    }

    /** Returns the number of connected subscribers. */
    public int subscriberCount() {
        return subscribers.size();
    }
}
