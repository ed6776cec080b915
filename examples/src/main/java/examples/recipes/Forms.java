package examples.recipes;

import falcon.App;
import falcon.Request;
import falcon.Response;
import falcon.media.BodyPart;
import falcon.media.Handlers;
import falcon.media.MultipartForm;
import falcon.media.MultipartFormHandler;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the files of a nested {@code multipart/mixed} part of a form: the form parser gets a
 * media handler for {@code multipart/mixed}, so such a part's media is a form too. Falcon:
 * "Parsing Nested Multipart Forms".
 */
public class Forms {

    /** Answers the nested files' texts by file name. */
    public void onPost(Request req, Response resp) {
        Map<String, Object> example = new LinkedHashMap<>();
        for (BodyPart part : (MultipartForm) req.getMedia()) {
            if (part.getContentType().startsWith("multipart/mixed")) {
                for (BodyPart nested : (MultipartForm) part.getMedia()) {
                    example.put(nested.getFilename(), nested.getText());
                }
            }
        }

        resp.setMedia(example);
    }

    /**
     * Installs the nesting-aware form parser on {@code app}. The nested parser has default
     * options, so it parses no deeper; reuse {@code parser} itself to recurse further.
     */
    public static void installNestedFormParser(App app) {
        MultipartFormHandler parser = new MultipartFormHandler();
        parser.getParseOptions().mediaHandlers.put("multipart/mixed", new MultipartFormHandler());
        app.getReqOptions().mediaHandlers.put(Handlers.MEDIA_MULTIPART, parser);
    }
}
