package falcon;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a {@link BeforeHook} before a responder, or before every responder of a resource class.
 *
 * <p>Class hooks run before method hooks; stacked annotations run top to bottom.
 *
 * <pre>{@code
 * @Before(value = MaxBody.class, args = "1024")
 * public void onPost(Request req, Response resp) { ... }
 * }</pre>
 *
 * <p>Falcon: {@code @falcon.before(action, *args)}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Repeatable(Before.List.class)
public @interface Before {

    /**
     * Returns the hook class, made once at {@code addRoute}.
     *
     * @return the hook class
     */
    Class<? extends BeforeHook> value();

    /**
     * Returns the arguments passed to the hook's {@code String...} constructor.
     *
     * @return the constructor arguments; none by default
     */
    String[] args() default {};

    /** Holds repeated {@link Before} annotations. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.TYPE, ElementType.METHOD})
    @interface List {
        /**
         * Returns the repeated annotations.
         *
         * @return the repeated annotations
         */
        Before[] value();
    }
}
