package falcon.routing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the URI field a responder parameter receives, for code compiled without {@code -parameters}.
 *
 * <pre>{@code public void onGet(Request req, Response resp, @FieldName("userId") int userId)}</pre>
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface FieldName {

    /**
     * Returns the field's name as written in the URI template.
     *
     * @return the field's name
     */
    String value();
}
