package falcon;

import falcon.media.BaseHandler;
import falcon.media.JSONHandler;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * One Server-Sent Event, serialized in Falcon's format.
 *
 * <pre>{@code
 * resp.setSse(emitter -> {
 *     emitter.send(new SSEvent().setText("hello").setEvent("greeting").setEventId("1"));
 * });
 * }</pre>
 *
 * <p>The payload is the first of {@code data}, {@code text} and {@code json} that is set. An event
 * with nothing set serializes to the keep-alive comment {@code ": ping\n\n"}.
 *
 * <p>Falcon: {@code falcon.asgi.SSEvent(data, text, json, event, event_id, retry, comment)}.
 */
public final class SSEvent {

    private static final JSONHandler DEFAULT_JSON = new JSONHandler();
    private static final byte[] PING = ": ping\n\n".getBytes(StandardCharsets.UTF_8);

    private byte[] data;
    private String text;
    private Object json;
    private String event;
    private String eventId;
    private Integer retry;
    private String comment;

    /** Creates an empty event; sent as is, it is a ping. */
    public SSEvent() {
    }

    /**
     * Returns an event whose payload is {@code text}.
     *
     * @param text the payload
     * @return a new event
     */
    public static SSEvent ofText(String text) {
        return new SSEvent().setText(text);
    }

    /**
     * Returns an event whose payload is {@code value} serialized as JSON.
     *
     * @param value the object to serialize as JSON
     * @return a new event
     */
    public static SSEvent ofJson(Object value) {
        return new SSEvent().setJson(value);
    }

    /**
     * Returns an event that is only the keep-alive comment {@code ": ping"}.
     *
     * @return a new empty event
     */
    public static SSEvent ping() {
        return new SSEvent();
    }

    /**
     * Returns the raw payload, or {@code null}. Falcon: {@code data}.
     *
     * @return the raw payload (not copied), or {@code null} if not set
     */
    public byte[] getData() {
        return data;
    }

    /**
     * Sets the payload as UTF-8 bytes; it wins over text and json. Falcon: {@code data}.
     *
     * @param data the payload as UTF-8 bytes, or {@code null} for none
     * @return this event
     */
    public SSEvent setData(byte[] data) {
        this.data = data;
        return this;
    }

    /**
     * Returns the text payload, or {@code null}. Falcon: {@code text}.
     *
     * @return the text payload, or {@code null} if not set
     */
    public String getText() {
        return text;
    }

    /**
     * Sets the payload as text; it wins over json. Falcon: {@code text}.
     *
     * @param text the payload, or {@code null} for none
     * @return this event
     */
    public SSEvent setText(String text) {
        this.text = text;
        return this;
    }

    /**
     * Returns the JSON payload, or {@code null}. Falcon: {@code json}.
     *
     * @return the object to send as JSON, or {@code null} if not set
     */
    public Object getJson() {
        return json;
    }

    /**
     * Sets an object to send serialized as JSON. Falcon: {@code json}.
     *
     * @param json the object to serialize, or {@code null} for none
     * @return this event
     */
    public SSEvent setJson(Object json) {
        this.json = json;
        return this;
    }

    /**
     * Returns the event name, or {@code null}. Falcon: {@code event}.
     *
     * @return the event name, or {@code null} if not set
     */
    public String getEvent() {
        return event;
    }

    /**
     * Sets the event name (the {@code event:} field). Falcon: {@code event}.
     *
     * @param event the event name, or {@code null} for none
     * @return this event
     */
    public SSEvent setEvent(String event) {
        this.event = event;
        return this;
    }

    /**
     * Returns the event ID, or {@code null}. Falcon: {@code event_id}.
     *
     * @return the event ID, or {@code null} if not set
     */
    public String getEventId() {
        return eventId;
    }

    /**
     * Sets the event ID (the {@code id:} field), echoed by a reconnecting client. Falcon: {@code
     * event_id}.
     *
     * @param eventId the event ID, or {@code null} for none
     * @return this event
     */
    public SSEvent setEventId(String eventId) {
        this.eventId = eventId;
        return this;
    }

    /**
     * Returns the reconnection delay in milliseconds, or {@code null}. Falcon: {@code retry}.
     *
     * @return the delay in milliseconds, or {@code null} if not set
     */
    public Integer getRetry() {
        return retry;
    }

    /**
     * Sets the client's reconnection delay in milliseconds (the {@code retry:} field). Falcon:
     * {@code retry}.
     *
     * @param retry the delay in milliseconds, or {@code null} for none
     * @return this event
     */
    public SSEvent setRetry(Integer retry) {
        this.retry = retry;
        return this;
    }

    /**
     * Returns the comment, or {@code null}. Falcon: {@code comment}.
     *
     * @return the comment, or {@code null} if not set
     */
    public String getComment() {
        return comment;
    }

    /**
     * Sets a comment line ({@code ": comment"}), which clients ignore. Falcon: {@code comment}.
     *
     * @param comment the comment, or {@code null} for none
     * @return this event
     */
    public SSEvent setComment(String comment) {
        this.comment = comment;
        return this;
    }

    /**
     * Serializes the event, JSON with Falcon's default JSON handler. Falcon: {@code serialize()}.
     *
     * @return the event's bytes
     */
    public byte[] serialize() {
        return serialize(null);
    }

    /**
     * Serializes the event: comment, event, id, retry, then the data line and a blank line.
     *
     * <p>Falcon: {@code SSEvent.serialize(handler=None)}.
     *
     * @param handler the JSON handler for {@code json}, or {@code null} for the default
     * @return the event's bytes
     * @throws IllegalArgumentException when {@code data} is not valid UTF-8
     */
    public byte[] serialize(BaseHandler handler) {
        StringBuilder block = new StringBuilder();
        if (comment != null) {
            block.append(": ").append(comment).append('\n');
        }
        if (event != null) {
            block.append("event: ").append(event).append('\n');
        }
        if (eventId != null) {
            block.append("id: ").append(eventId).append('\n');
        }
        if (retry != null) {
            block.append("retry: ").append(retry).append('\n');
        }
        if (data != null) {
            block.append("data: ").append(decodeUtf8(data)).append('\n');
        } else if (text != null) {
            block.append("data: ").append(text).append('\n');
        } else if (json != null) {
            BaseHandler h = handler != null ? handler : DEFAULT_JSON;
            byte[] serialized = h.serialize(json, "application/json");
            block.append("data: ");
            ByteArrayOutputStream out = new ByteArrayOutputStream(block.length() + serialized.length + 2);
            out.writeBytes(block.toString().getBytes(StandardCharsets.UTF_8));
            out.writeBytes(serialized);
            out.write('\n');
            out.write('\n');
            return out.toByteArray();
        }
        if (block.length() == 0) {
            return PING.clone();
        }
        return block.append('\n').toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String decodeUtf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException ex) {
            throw new IllegalArgumentException("SSEvent data is not valid UTF-8", ex);
        }
    }

    @Override
    public String toString() {
        return "SSEvent" + new String(serialize(), StandardCharsets.UTF_8).replace("\n", "\\n");
    }
}
