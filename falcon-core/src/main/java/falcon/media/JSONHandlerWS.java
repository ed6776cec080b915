package falcon.media;

import com.fasterxml.jackson.core.JsonProcessingException;
import falcon.MediaMalformedError;
import java.lang.reflect.Type;

/**
 * The default TEXT handler of WebSocket media: JSON, with Falcon's spacing like {@link JSONHandler}.
 *
 * <p>Falcon: {@code falcon.media.JSONHandlerWS}.
 */
public class JSONHandlerWS implements TextBaseHandlerWS {

    private final JSONHandler json;

    /** Creates the handler with Falcon's default JSON settings. */
    public JSONHandlerWS() {
        this(new JSONHandler());
    }

    /**
     * Creates the handler over a configured {@link JSONHandler}.
     *
     * @param json the JSON handler that serializes and parses the messages
     */
    public JSONHandlerWS(JSONHandler json) {
        this.json = json;
    }

    @Override
    public String serialize(Object media) {
        return json.serializeToString(media);
    }

    @Override
    public Object deserialize(String payload) {
        try {
            return json.parse(payload);
        } catch (JsonProcessingException ex) {
            throw new MediaMalformedError("application/json", ex.getOriginalMessage());
        }
    }

    @Override
    public Object convert(Object media, Type type) {
        return json.convert(media, type);
    }
}
