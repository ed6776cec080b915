package falcon.inspect;

/**
 * An info object that a visitor can process: every result of the {@code inspect*} methods.
 *
 * <p>Falcon: {@code falcon.inspect._Traversable}.
 */
public interface Traversable {

    /**
     * Calls the {@code visit} method of {@code visitor} that fits this object.
     *
     * @param <T> what the visitor returns
     * @param visitor the visitor
     * @return what the visitor returned
     */
    <T> T accept(InspectVisitor<T> visitor);

    /**
     * Returns this object as Falcon's tree text.
     *
     * <p>Falcon: {@code to_string(verbose=False, internal=False)}.
     *
     * @param verbose whether to add source information
     * @param internal whether to include the framework's default responders and error handlers
     * @return the text
     */
    default String toString(boolean verbose, boolean internal) {
        return new StringVisitor(verbose, internal).process(this);
    }
}
