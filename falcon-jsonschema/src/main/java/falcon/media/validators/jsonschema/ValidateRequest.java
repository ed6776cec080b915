package falcon.media.validators.jsonschema;

import falcon.BeforeHook;
import falcon.MediaValidationError;
import falcon.Request;
import falcon.Response;
import falcon.routing.RouteParams;

/**
 * A before hook that validates {@code req.getMedia()} against a JSON Schema.
 *
 * <pre>{@code
 * @Before(value = ValidateRequest.class, args = "schemas/new-thing.json")
 * @After(value = ValidateResponse.class, args = "schemas/thing.json")
 * public void onPost(Request req, Response resp) { ... }
 * }</pre>
 *
 * <p>The argument is a class-path resource or inline JSON (see {@link JsonSchema#load}); the
 * schema is loaded once, at {@code addRoute}.
 *
 * <p>Falcon: the {@code req_schema} half of {@code @falcon.media.validators.jsonschema.validate}.
 */
public class ValidateRequest implements BeforeHook {

    /** The title of the 400 for invalid request media. */
    public static final String TITLE = "Request data failed validation";

    private final JsonSchema schema;

    /**
     * Creates the hook.
     *
     * @param args one argument: the schema's resource path or inline JSON
     * @throws IllegalArgumentException when the schema cannot be loaded
     */
    public ValidateRequest(String... args) {
        if (args.length != 1) {
            throw new IllegalArgumentException("ValidateRequest takes one argument: the schema");
        }
        this.schema = JsonSchema.load(args[0]);
    }

    /**
     * Creates the hook for a compiled schema.
     *
     * @param schema the schema to validate against
     */
    public ValidateRequest(JsonSchema schema) {
        this.schema = schema;
    }

    /**
     * Validates the request media.
     *
     * @throws MediaValidationError (400) with the first error as description when it is invalid
     * @throws falcon.MediaNotFoundError and other media errors when the body cannot be read
     */
    @Override
    public void before(Request req, Response resp, Object resource, RouteParams params) {
        String error = schema.validate(req.getMedia());
        if (error != null) {
            throw new MediaValidationError(TITLE, error);
        }
    }
}
