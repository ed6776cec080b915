package falcon.inspect;

/**
 * A sink.
 *
 * <p>Falcon: {@code falcon.inspect.SinkInfo}.
 *
 * @param prefix the prefix pattern, as added
 * @param name the sink's class name, or {@code <lambda>} for a lambda or method reference
 * @param sourceInfo where the sink is defined, {@code path/File.java:line} when known
 */
public record SinkInfo(String prefix, String name, String sourceInfo) implements Traversable {

    @Override
    public <T> T accept(InspectVisitor<T> visitor) {
        return visitor.visitSink(this);
    }

    @Override
    public String toString() {
        return toString(false, false);
    }
}
