package falcon.media;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;

/**
 * A generic type to read media into, captured by an anonymous subclass because Java erases type
 * arguments from {@code Class} literals:
 *
 * <pre>{@code
 * List<Order> orders = req.getMedia(new TypeRef<List<Order>>() {});
 * }</pre>
 *
 * <p>Make one per type and keep it in a constant when it is used on every request: the type is
 * worked out when the object is created. Falcon has no counterpart (Python media is untyped); this
 * is Jackson's {@code TypeReference} idea, which Javalin, Jooby and Spring users know.
 *
 * @param <T> the type the media is read into
 */
public abstract class TypeRef<T> {

    private final Type type;

    /**
     * Captures the type argument of the subclass.
     *
     * @throws IllegalStateException when the subclass gives no type argument
     */
    protected TypeRef() {
        Type superclass = getClass().getGenericSuperclass();
        if (!(superclass instanceof ParameterizedType)) {
            throw new IllegalStateException("TypeRef needs a type argument: new TypeRef<List<Order>>() {}");
        }
        this.type = ((ParameterizedType) superclass).getActualTypeArguments()[0];
    }

    /**
     * Returns the captured type.
     *
     * @return the type argument, e.g. {@code List<Order>}
     */
    public Type getType() {
        return type;
    }

    @Override
    public String toString() {
        return "TypeRef<" + type.getTypeName() + ">";
    }
}
