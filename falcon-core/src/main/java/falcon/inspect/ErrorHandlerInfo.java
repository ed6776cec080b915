package falcon.inspect;

/**
 * An error handler.
 *
 * <p>Falcon: {@code falcon.inspect.ErrorHandlerInfo}.
 *
 * @param error the simple name of the exception class it handles
 * @param name the handler's class name, {@code <lambda>} for a lambda or method reference, or
 *     Falcon's name of a default handler ({@code httpErrorHandler}, ...)
 * @param sourceInfo where the handler is defined, {@code path/File.java:line} when known
 * @param internal whether this is a default handler added by the framework
 */
public record ErrorHandlerInfo(String error, String name, String sourceInfo, boolean internal)
        implements Traversable {

    @Override
    public <T> T accept(InspectVisitor<T> visitor) {
        return visitor.visitErrorHandler(this);
    }

    @Override
    public String toString() {
        return toString(false, false);
    }
}
