package conformance;

/**
 * A resource with app.py's class attribute {@code name}, read by hooks and middleware
 * ({@code resource.name}).
 */
interface Named {

    /** Returns the resource's name, as app.py's {@code name = '...'}. */
    String name();
}
