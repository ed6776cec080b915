/**
 * Media validation with JSON Schema: {@link falcon.media.validators.jsonschema.ValidateRequest}
 * and {@link falcon.media.validators.jsonschema.ValidateResponse} hooks, the Java form of
 * Falcon's {@code @validate(req_schema, resp_schema)}.
 *
 * <p>Falcon: {@code falcon.media.validators.jsonschema}.
 */
package falcon.media.validators.jsonschema;
