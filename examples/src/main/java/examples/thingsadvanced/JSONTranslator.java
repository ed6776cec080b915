package examples.thingsadvanced;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import falcon.HTTPBadRequest;
import falcon.Middleware;
import falcon.Request;
import falcon.Response;
import falcon.media.JSONHandler;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads the JSON body into {@code req.getContext()} and writes {@code resp.getContext()}'s
 * result as JSON. Falcon: {@code JSONTranslator}.
 *
 * <p>NOTE: Normally you would simply use {@code req.getMedia()} and {@code resp.setMedia()} for
 * this particular use case; this example serves only to illustrate what is possible.
 */
public class JSONTranslator implements Middleware {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    // Python's json.dumps writes ", " and ": "; so does Falcon's default JSONHandler.
    private static final JSONHandler DUMPS = new JSONHandler();

    @Override
    public void processRequest(Request req, Response resp) throws Exception {
        // req.getStream() is the body: the Java form of WSGI's wsgi.input (PEP 3333).
        Long length = req.getContentLength();
        if (length == null || length == 0) {
            // Nothing to do
            return;
        }

        byte[] body = req.getStream().readAllBytes();
        if (body.length == 0) {
            throw new HTTPBadRequest("Empty request body", "A valid JSON document is required.");
        }

        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
            req.getContext().put("doc", MAPPER.readValue(text, Object.class));
        } catch (JsonProcessingException | CharacterCodingException ex) {
            String description = "Could not decode the request body. The "
                    + "JSON was incorrect or not encoded as "
                    + "UTF-8.";

            throw new HTTPBadRequest("Malformed JSON", description);
        }
    }

    @Override
    public void processResponse(Request req, Response resp, Object resource, boolean reqSucceeded) {
        if (!resp.getContext().containsKey("result")) {
            return;
        }

        resp.setText(DUMPS.serializeToString(resp.getContext().get("result")));
    }
}
