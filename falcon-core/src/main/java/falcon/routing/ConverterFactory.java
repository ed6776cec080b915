package falcon.routing;

import java.util.List;
import java.util.Map;

/**
 * Creates a field converter from the arguments written in a URI template.
 *
 * <p>For {@code {id:int(3, min=1)}} the router calls {@code create([3], {min=1})} once, at
 * {@code addRoute}. Arguments are Python literals parsed to {@code Integer} (or {@code Long} when
 * too big for an int), {@code Double}, {@code String}, {@code Boolean} and {@code null} ({@code
 * None}). A factory rejects bad arguments by throwing {@link IllegalArgumentException}; the router
 * reports it as an {@link UnacceptableRouteError} naming the template.
 *
 * <p>Register a factory under a name in {@link CompiledRouterOptions#converters()}:
 *
 * <pre>{@code
 * router.getOptions().converters().put("upper", (args, kwargs) -> value -> value.toUpperCase());
 * }</pre>
 *
 * <p>Falcon: a converter class, instantiated with the template's arguments.
 */
@FunctionalInterface
public interface ConverterFactory {

    /**
     * Creates a converter.
     *
     * @param positionalArgs the positional arguments, in order (empty when none)
     * @param keywordArgs the keyword arguments, in template order (empty when none)
     * @return the converter; shared by all requests, so it must be thread-safe
     * @throws IllegalArgumentException when the arguments do not fit
     */
    Converter create(List<Object> positionalArgs, Map<String, Object> keywordArgs);
}
