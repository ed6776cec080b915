package falcon.routing;

/**
 * A field of a URI template as a responder sees it: its name and the type its converter yields.
 *
 * @param name the field name, e.g. {@code userId}
 * @param type the type of the converted value ({@code String} for a plain field)
 */
public record Field(String name, Class<?> type) {
}
