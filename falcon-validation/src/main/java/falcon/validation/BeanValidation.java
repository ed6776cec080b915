package falcon.validation;

import falcon.App;
import falcon.media.MediaValidator;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * Jakarta Bean Validation for typed media, on Hibernate Validator.
 *
 * <pre>{@code
 * record Line(@NotBlank String sku, @Positive int quantity) {}
 * record Order(@NotBlank String id, @NotEmpty List<@Valid Line> lines) {}
 *
 * BeanValidation.install(app);
 * Order order = req.getMedia(Order.class);   // 400 ConstraintViolationError when invalid
 * }</pre>
 *
 * <p>Every typed read of request media is checked (and typed query parameters: {@code
 * getParamAsMedia(name, mediaType, required, type)}, {@code getQueryStringAsMedia(mediaType, type)}):
 * a record or bean by its constraints, each
 * element of a collection or array, each value of a map (a {@code TypeRef<List<Order>>} read). A
 * type without constraints passes at the cost of one look-up of its (cached) metadata. Messages
 * are Hibernate Validator's English defaults ({@code must not be blank}), interpolated without an
 * expression language, so no EL implementation is needed; pass a {@link Validator} of your own
 * for other messages or locales. The same check is available for values read another way
 * ({@link #validate(Object)}, e.g. a multipart part's or a WebSocket message's typed media).
 */
public final class BeanValidation implements MediaValidator {

    private final Validator validator;

    /**
     * Creates the check on a validator.
     *
     * @param validator the Jakarta validator to use; thread-safe, as Jakarta's are
     */
    public BeanValidation(Validator validator) {
        this.validator = validator;
    }

    /**
     * Creates the check on Hibernate Validator with its default messages.
     *
     * @return a new check; make one per App and keep it
     */
    public static BeanValidation create() {
        Validator validator = Validation.byProvider(HibernateValidator.class).configure()
                .messageInterpolator(new ParameterMessageInterpolator())
                .buildValidatorFactory().getValidator();
        return new BeanValidation(validator);
    }

    /**
     * Checks the typed request media of {@code app} with Hibernate Validator's defaults.
     *
     * @param app the App whose request options get the check
     * @return the check, e.g. to validate other values with it
     */
    public static BeanValidation install(App app) {
        BeanValidation check = create();
        app.getReqOptions().setMediaValidator(check);
        return check;
    }

    /**
     * Checks {@code media}; for a collection, array or map, each of its elements or values, with
     * their index or key in the field path ({@code [1].quantity}).
     *
     * @param media the value to check
     * @throws ConstraintViolationError (400) listing every violation, sorted by field
     */
    @Override
    public void validate(Object media) {
        List<ConstraintViolationError.Violation> found = new ArrayList<>();
        collect(media, "", found);
        if (!found.isEmpty()) {
            found.sort(Comparator.comparing(ConstraintViolationError.Violation::field)
                    .thenComparing(ConstraintViolationError.Violation::message));
            throw new ConstraintViolationError(found);
        }
    }

    private void collect(Object value, String prefix, List<ConstraintViolationError.Violation> found) {
        if (value == null) {
            return;
        }
        if (value instanceof Collection) {
            int i = 0;
            for (Object item : (Collection<?>) value) {
                collect(item, prefix + "[" + i++ + "]", found);
            }
            return;
        }
        if (value instanceof Object[]) {
            Object[] items = (Object[]) value;
            for (int i = 0; i < items.length; i++) {
                collect(items[i], prefix + "[" + i + "]", found);
            }
            return;
        }
        if (value instanceof Map) {
            for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
                collect(e.getValue(), prefix + "[" + e.getKey() + "]", found);
            }
            return;
        }
        Set<ConstraintViolation<Object>> violations = validator.validate(value);
        for (ConstraintViolation<Object> v : violations) {
            String path = v.getPropertyPath().toString();
            String field = prefix.isEmpty() ? path : path.isEmpty() ? prefix
                    : path.startsWith("[") ? prefix + path : prefix + "." + path;
            found.add(new ConstraintViolationError.Violation(field, v.getMessage()));
        }
    }
}
