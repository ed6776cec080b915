package falcon.validation;

import falcon.MediaValidationError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 400: typed media broke its constraints. Falcon's error body, with the violations as an extra
 * member (an extension member in problem details):
 *
 * <pre>{@code
 * {"title": "Request data failed validation",
 *  "description": "lines[0].quantity: must be greater than 0; id: must not be blank",
 *  "errors": [{"field": "id", "message": "must not be blank"},
 *             {"field": "lines[0].quantity", "message": "must be greater than 0"}]}
 * }</pre>
 *
 * <p>Falcon: a {@code falcon.MediaValidationError}, titled as its JSON Schema validator titles it.
 */
public class ConstraintViolationError extends MediaValidationError {

    private static final long serialVersionUID = 1L;

    /** The title Falcon's media validators give the error. */
    public static final String TITLE = "Request data failed validation";

    private final transient List<Violation> violations;

    /**
     * One violated constraint.
     *
     * @param field the property path, e.g. {@code lines[0].quantity}; empty for the object itself
     * @param message the constraint's message, e.g. {@code must not be blank}
     */
    public record Violation(String field, String message) {
    }

    /**
     * Creates the error.
     *
     * @param violations the violations, in the order they are reported
     */
    public ConstraintViolationError(List<Violation> violations) {
        super(TITLE, describe(violations));
        this.violations = List.copyOf(violations);
    }

    private static String describe(List<Violation> violations) {
        StringBuilder b = new StringBuilder();
        for (Violation v : violations) {
            if (b.length() > 0) {
                b.append("; ");
            }
            b.append(v.field().isEmpty() ? v.message() : v.field() + ": " + v.message());
        }
        return b.toString();
    }

    /**
     * Returns the violations.
     *
     * @return the violations, sorted by field, then message
     */
    public List<Violation> getViolations() {
        return violations;
    }

    /**
     * Adds {@code errors}: one {@code {"field": ..., "message": ...}} object per violation.
     *
     * @return Falcon's members, then {@code errors}
     */
    @Override
    public Map<String, Object> toDict() {
        Map<String, Object> dict = super.toDict();
        List<Map<String, String>> errors = new ArrayList<>(violations.size());
        for (Violation v : violations) {
            Map<String, String> error = new LinkedHashMap<>(4);
            error.put("field", v.field());
            error.put("message", v.message());
            errors.add(error);
        }
        dict.put("errors", errors);
        return dict;
    }
}
