package falcon.media;

/**
 * Checks media read into a type, e.g. with Jakarta Bean Validation (module {@code
 * falcon-validation}). Set on {@code app.getReqOptions().setMediaValidator(...)}: {@code
 * req.getMedia(Order.class)} (and its {@code TypeRef} and async forms) then runs it on the object
 * before returning it. Shared by all requests: must be thread-safe.
 *
 * <p>Falcon has no typed media; its {@code falcon.media.validators} check untyped media with hooks.
 */
@FunctionalInterface
public interface MediaValidator {

    /**
     * Checks {@code media}.
     *
     * @param media the object the body was read into; never {@code null}
     * @throws falcon.MediaValidationError (400) listing what is wrong
     */
    void validate(Object media);
}
