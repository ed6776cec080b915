package falcon;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs an {@link AfterHook} after a responder, or after every responder of a resource class.
 *
 * <p>Method hooks run before class hooks; stacked annotations run bottom to top, as stacked
 * Python decorators do.
 *
 * <p>Falcon: {@code @falcon.after(action, *args)}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Repeatable(After.List.class)
public @interface After {

    /**
     * Returns the hook class, made once at {@code addRoute}.
     *
     * @return the hook class
     */
    Class<? extends AfterHook> value();

    /**
     * Returns the arguments passed to the hook's {@code String...} constructor.
     *
     * @return the constructor arguments; none by default
     */
    String[] args() default {};

    /** Holds repeated {@link After} annotations. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.TYPE, ElementType.METHOD})
    @interface List {
        /**
         * Returns the repeated annotations.
         *
         * @return the repeated annotations
         */
        After[] value();
    }
}
