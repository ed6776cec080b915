package falcon.media.validators.jsonschema;

import falcon.AfterHook;
import falcon.HTTPInternalServerError;
import falcon.Request;
import falcon.Response;

/**
 * An after hook that validates {@code resp.getMedia()} against a JSON Schema.
 *
 * <p>A failure is the server's fault: a 500 titled {@value #TITLE}, without details (Falcon
 * leaks none). See {@link ValidateRequest} for usage.
 *
 * <p>Falcon: the {@code resp_schema} half of {@code @falcon.media.validators.jsonschema.validate}.
 */
public class ValidateResponse implements AfterHook {

    /** The title of the 500 for invalid response media. */
    public static final String TITLE = "Response data failed validation";

    private final JsonSchema schema;

    /**
     * Creates the hook.
     *
     * @param args one argument: the schema's resource path or inline JSON
     * @throws IllegalArgumentException when the schema cannot be loaded
     */
    public ValidateResponse(String... args) {
        if (args.length != 1) {
            throw new IllegalArgumentException("ValidateResponse takes one argument: the schema");
        }
        this.schema = JsonSchema.load(args[0]);
    }

    /**
     * Creates the hook for a compiled schema.
     *
     * @param schema the schema to validate against
     */
    public ValidateResponse(JsonSchema schema) {
        this.schema = schema;
    }

    /**
     * Validates the response media.
     *
     * @throws HTTPInternalServerError (500) when it is invalid
     */
    @Override
    public void after(Request req, Response resp, Object resource) {
        String error = schema.validate(resp.getMedia());
        if (error != null) {
            HTTPInternalServerError ex = new HTTPInternalServerError(TITLE, null);
            ex.initCause(new IllegalStateException(error));
            throw ex;
        }
    }
}
