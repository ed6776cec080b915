package falcon.routing;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Options of the {@link CompiledRouter}: the converters that templates may name, the App's
 * custom HTTP methods and whether {@code onRequest} is the default responder.
 *
 * <p>Falcon: {@code falcon.routing.CompiledRouterOptions}, exposed as {@code
 * App.router_options}.
 */
public final class CompiledRouterOptions {

    private static final Pattern CONVERTER_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final Map<String, ConverterFactory> converters = new ConverterMap();
    private final List<String> customHttpMethods = new ArrayList<>();
    private boolean defaultToOnRequest;

    /**
     * Creates options with the built-in converters: {@code int}, {@code uuid}, {@code dt},
     * {@code float} and {@code path}.
     */
    public CompiledRouterOptions() {
        converters.put("int", CompiledRouterOptions::intConverter);
        converters.put("dt", CompiledRouterOptions::dateTimeConverter);
        converters.put("uuid", CompiledRouterOptions::uuidConverter);
        converters.put("float", CompiledRouterOptions::floatConverter);
        converters.put("path", CompiledRouterOptions::pathConverter);
    }

    /**
     * Returns the converters by name: templates name them as in {@code {id:name(args)}}.
     *
     * <p>The map is mutable; add a converter with {@code converters().put("mc", factory)}.
     * Converters are created when a route is added, so register them first. Names may only use
     * ASCII letters, digits and underscores, and must not start with a digit; {@code put} throws
     * {@link IllegalArgumentException} otherwise.
     *
     * <p>Falcon: {@code CompiledRouterOptions.converters}.
     *
     * @return the mutable map of converter factories by name
     */
    public Map<String, ConverterFactory> converters() {
        return converters;
    }

    /**
     * Returns the App's own HTTP methods beyond {@link MethodMap#COMBINED_METHODS}, e.g. {@code
     * PURGE}: a resource answers one with {@code onPurge}, and one without it answers 405 rather
     * than 400 "Invalid HTTP method". Names are upper-cased. Add them before adding routes.
     *
     * <p>Falcon: the {@code FALCON_CUSTOM_HTTP_METHODS} environment variable (comma-separated),
     * read once per process; here per App.
     *
     * @return the mutable list of custom methods
     */
    public List<String> customHttpMethods() {
        return customHttpMethods;
    }

    /**
     * Returns whether a resource's {@code onRequest} answers every method it has no responder for
     * (except OPTIONS and WEBSOCKET). Default false.
     *
     * <p>Falcon 4.3: {@code CompiledRouterOptions.default_to_on_request}.
     *
     * @return whether {@code onRequest} is the default responder
     */
    public boolean isDefaultToOnRequest() {
        return defaultToOnRequest;
    }

    /**
     * Makes a resource's {@code onRequest(req, resp, <fields>)} (with a suffix, {@code
     * onRequest<Suffix>}) answer every method it has no responder for, except OPTIONS and
     * WEBSOCKET; {@code Allow} still lists only the methods with their own responders. Set it
     * before adding routes.
     *
     * <p>Falcon 4.3: {@code app.router_options.default_to_on_request = True}.
     *
     * @param value whether {@code onRequest} is the default responder
     * @return these options
     */
    public CompiledRouterOptions setDefaultToOnRequest(boolean value) {
        defaultToOnRequest = value;
        return this;
    }

    private static Converter intConverter(List<Object> args, Map<String, Object> kwargs) {
        Object[] values = bind("int", new String[] {"num_digits", "min", "max"}, args, kwargs);
        return new IntConverter(toInteger(values[0], "num_digits"), toInteger(values[1], "min"),
                toInteger(values[2], "max"));
    }

    private static Converter dateTimeConverter(List<Object> args, Map<String, Object> kwargs) {
        Object[] values = bind("dt", new String[] {"format_string"}, args, kwargs);
        if (values[0] == null) {
            return new DateTimeConverter();
        }
        if (!(values[0] instanceof String)) {
            throw new IllegalArgumentException("format_string must be a string");
        }
        return new DateTimeConverter((String) values[0]);
    }

    private static Converter uuidConverter(List<Object> args, Map<String, Object> kwargs) {
        bind("uuid", new String[0], args, kwargs);
        return new UUIDConverter();
    }

    private static Converter floatConverter(List<Object> args, Map<String, Object> kwargs) {
        Object[] values = bind("float", new String[] {"min", "max", "finite"}, args, kwargs);
        Object finite = values[2];
        if (finite != null && !(finite instanceof Boolean)) {
            throw new IllegalArgumentException("finite must be True or False");
        }
        // NOTE: finite=None means True, as in Falcon 4.
        return new FloatConverter(toDouble(values[0], "min"), toDouble(values[1], "max"),
                finite == null || (Boolean) finite);
    }

    private static Converter pathConverter(List<Object> args, Map<String, Object> kwargs) {
        bind("path", new String[0], args, kwargs);
        return new PathConverter();
    }

    /** Binds arguments to parameters the way a Python call does; absent ones are null. */
    private static Object[] bind(String converter, String[] params, List<Object> args,
            Map<String, Object> kwargs) {
        if (args.size() > params.length) {
            throw new IllegalArgumentException(converter + "() takes at most " + params.length
                    + " argument" + (params.length == 1 ? "" : "s") + " (" + args.size()
                    + " given)");
        }
        Object[] values = new Object[params.length];
        boolean[] given = new boolean[params.length];
        for (int i = 0; i < args.size(); i++) {
            values[i] = args.get(i);
            given[i] = true;
        }
        for (Map.Entry<String, Object> kwarg : kwargs.entrySet()) {
            int index = List.of(params).indexOf(kwarg.getKey());
            if (index < 0) {
                throw new IllegalArgumentException(converter
                        + "() got an unexpected keyword argument '" + kwarg.getKey() + "'");
            }
            if (given[index]) {
                throw new IllegalArgumentException(converter
                        + "() got multiple values for argument '" + kwarg.getKey() + "'");
            }
            values[index] = kwarg.getValue();
            given[index] = true;
        }
        return values;
    }

    private static Integer toInteger(Object value, String name) {
        if (value == null || value instanceof Integer) {
            return (Integer) value;
        }
        throw new IllegalArgumentException(name + " must be an integer within the range of int");
    }

    private static Double toDouble(Object value, String name) {
        if (value == null) {
            return null;
        }
        if (value instanceof Number) {
            return ((Number) value).doubleValue();
        }
        throw new IllegalArgumentException(name + " must be a number");
    }

    /** A map that checks converter names as they are added. */
    private static final class ConverterMap extends AbstractMap<String, ConverterFactory> {
        private final Map<String, ConverterFactory> entries = new LinkedHashMap<>();

        @Override
        public ConverterFactory put(String name, ConverterFactory factory) {
            // AbstractMap.putAll and Map's default methods all come through here.
            if (name == null || !CONVERTER_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("Invalid converter name '" + name
                        + "'. Names may not be blank, and may only use ASCII letters, digits, "
                        + "and underscores. Names must begin with a letter or underscore.");
            }
            if (factory == null) {
                throw new IllegalArgumentException("The factory for converter '" + name
                        + "' must not be null");
            }
            return entries.put(name, factory);
        }

        @Override
        public ConverterFactory get(Object name) {
            return entries.get(name);
        }

        @Override
        public boolean containsKey(Object name) {
            return entries.containsKey(name);
        }

        @Override
        public ConverterFactory remove(Object name) {
            return entries.remove(name);
        }

        @Override
        public Set<Entry<String, ConverterFactory>> entrySet() {
            return entries.entrySet();
        }
    }
}
