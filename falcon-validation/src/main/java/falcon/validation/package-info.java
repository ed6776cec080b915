/**
 * Jakarta Bean Validation of typed media: {@code req.getMedia(Order.class)} of a record or bean
 * with constraints ({@code @NotBlank}, {@code @Positive}, {@code @Valid} on nested values) answers
 * a 400 {@link falcon.validation.ConstraintViolationError} listing each violated field, with
 * Hibernate Validator.
 *
 * <p>Falcon's counterpart is {@code falcon.media.validators.jsonschema} (module {@code
 * falcon-jsonschema} here), which checks untyped media against a JSON Schema.
 */
package falcon.validation;
