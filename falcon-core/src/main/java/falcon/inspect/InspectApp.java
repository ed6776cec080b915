package falcon.inspect;

import falcon.App;
import java.io.PrintStream;
import java.io.UnsupportedEncodingException;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code falcon-inspect-app} command: prints an App's routes, middleware, static routes,
 * sinks and error handlers as Falcon's tree text.
 *
 * <pre>
 * java -cp &lt;your class path&gt; falcon.inspect.InspectApp [-r] [-v] [-i] com.example.Main::createApp
 * </pre>
 *
 * <p>The App is named by a class and a static member that yields it: a field holding an App, or
 * a method taking no arguments that returns one ({@code Main::createApp}, or Falcon's {@code
 * Main:app} with one colon). Flags: {@code -r}/{@code --route_only} prints the routes only,
 * {@code -v}/{@code --verbose} adds where each thing is defined, {@code -i}/{@code --internal}
 * adds the framework's default responders and error handlers; {@code --explain "GET /things/42"}
 * prints what the App would do with that request instead ({@link Inspect#explain}), and {@code
 * --openapi} the OpenAPI 3.1 document of its routes ({@link OpenApi}).
 *
 * <p>Falcon: {@code falcon-inspect-app} ({@code falcon/cmd/inspect_app.py}).
 */
public final class InspectApp {

    static final String USAGE = "usage: falcon-inspect-app [-h] [-r] [-v] [-i] [--explain \"METHOD TARGET\"] [--openapi] app_module\n";

    private static final String HELP = USAGE + "\n"
            + "Example: falcon-inspect-app com.example.Main::createApp\n"
            + "\n"
            + "positional arguments:\n"
            + "  app_module        The class and static member that yield the App. Example:\n"
            + "                    com.example.Main::createApp (a no-argument method) or\n"
            + "                    com.example.Main::APP (a field)\n"
            + "\n"
            + "options:\n"
            + "  -h, --help        show this help message and exit\n"
            + "  -r, --route_only  Prints only the information regarding the routes\n"
            + "  -v, --verbose     More verbose output\n"
            + "  -i, --internal    Print also internal falcon route methods and error handlers\n"
            + "  --explain \"METHOD TARGET\"\n"
            + "                    Prints what the App would do with that request, e.g.\n"
            + "                    --explain \"GET /things/42?x=1\"\n"
            + "  --openapi         Prints the OpenAPI 3.1 document of the routes\n";

    private InspectApp() {
    }

    /**
     * Runs the command and exits with its status when it failed.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        PrintStream out = utf8(System.out);
        PrintStream err = utf8(System.err);
        int status = run(args, out, err);
        out.flush();
        err.flush();
        if (status != 0) {
            System.exit(status);
        }
    }

    private static PrintStream utf8(PrintStream stream) {
        try {
            // The tree's glyphs are not ASCII: print UTF-8 whatever the platform's default.
            return new PrintStream(stream, true, StandardCharsets.UTF_8.name());
        } catch (UnsupportedEncodingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /**
     * Runs the command.
     *
     * @param args the command line
     * @param out where the text goes
     * @param err where usage errors go
     * @return the exit status: 0 on success, 2 on a usage error (as Python's argparse)
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        // NOTE: a plain loop, not an argument parser library: core has no dependency but Jackson.
        boolean routeOnly = false;
        boolean verbose = false;
        boolean internal = false;
        String explain = null;
        boolean openapi = false;
        List<String> positional = new ArrayList<>();
        for (int a = 0; a < args.length; a++) {
            String arg = args[a];
            switch (arg) {
                case "--explain":
                    if (a + 1 >= args.length) {
                        return usageError(err, "argument --explain: expected one argument");
                    }
                    explain = args[++a];
                    break;
                case "-r":
                case "--route_only":
                    routeOnly = true;
                    break;
                case "-v":
                case "--verbose":
                    verbose = true;
                    break;
                case "-i":
                case "--internal":
                    internal = true;
                    break;
                case "--openapi":
                    openapi = true;
                    break;
                case "-h":
                case "--help":
                    out.print(HELP);
                    return 0;
                default:
                    if (arg.startsWith("-") && arg.length() > 1) {
                        return usageError(err, "unrecognized arguments: " + arg);
                    }
                    positional.add(arg);
                    break;
            }
        }
        if (positional.isEmpty()) {
            return usageError(err, "the following arguments are required: app_module");
        }
        if (positional.size() > 1) {
            return usageError(err, "unrecognized arguments: " + positional.get(1));
        }
        App app;
        try {
            app = loadApp(positional.get(0));
        } catch (IllegalArgumentException ex) {
            return usageError(err, ex.getMessage());
        }
        if (openapi) {
            out.println(OpenApi.toJson(app, "Falcon App", "1.0.0"));
        } else if (explain != null) {
            String[] request = explain.trim().split("\\s+", 2);
            if (request.length < 2) {
                return usageError(err, "argument --explain: expected \"METHOD TARGET\", e.g. \"GET /things\"");
            }
            out.println(Inspect.explain(app, request[0], request[1]));
        } else if (routeOnly) {
            StringVisitor visitor = new StringVisitor(verbose, internal);
            for (RouteInfo route : Inspect.inspectRoutes(app)) {
                out.println(visitor.process(route));
            }
        } else {
            out.println(Inspect.inspectApp(app).toString(verbose, internal, ""));
        }
        return 0;
    }

    private static int usageError(PrintStream err, String message) {
        err.print(USAGE);
        err.println("falcon-inspect-app: error: " + message);
        return 2;
    }

    /**
     * Loads the App named {@code Class::member} (or {@code Class:member}) from the class path.
     *
     * @param appModule the class and static member
     * @return the App
     * @throws IllegalArgumentException when the name is malformed, the class or member is not
     *     found, or the member does not yield an App
     */
    static App loadApp(String appModule) {
        int sep = appModule.indexOf("::");
        int skip = 2;
        if (sep < 0) {
            sep = appModule.lastIndexOf(':');
            skip = 1;
        }
        if (sep <= 0 || sep + skip >= appModule.length()) {
            throw new IllegalArgumentException("The app_module must include a colon between the class and member"
                    + " (e.g. com.example.Main::createApp)");
        }
        String className = appModule.substring(0, sep);
        String member = appModule.substring(sep + skip);
        Class<?> type;
        try {
            type = Class.forName(className, true, loader());
        } catch (ClassNotFoundException | LinkageError ex) {
            throw new IllegalArgumentException("class " + className + " not found: " + ex);
        }
        Object value = memberValue(type, member, appModule);
        if (!(value instanceof App)) {
            throw new IllegalArgumentException(appModule + " did not return a falcon.App instance");
        }
        return (App) value;
    }

    private static ClassLoader loader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : InspectApp.class.getClassLoader();
    }

    private static Object memberValue(Class<?> type, String member, String appModule) {
        try {
            Field field = type.getDeclaredField(member);
            if (Modifier.isStatic(field.getModifiers())) {
                field.setAccessible(true);
                return field.get(null);
            }
        } catch (NoSuchFieldException ex) {
            // then a method
        } catch (IllegalAccessException | RuntimeException ex) {
            throw new IllegalArgumentException("cannot read " + appModule + ": " + ex);
        }
        Method method;
        try {
            method = type.getDeclaredMethod(member);
        } catch (NoSuchMethodException ex) {
            throw new IllegalArgumentException("'" + member + "' not found in class '" + type.getName()
                    + "' (a static field, or a static method without parameters)");
        }
        if (!Modifier.isStatic(method.getModifiers())) {
            throw new IllegalArgumentException("The member must be a static field holding a falcon.App or"
                    + " a static method without arguments that returns one");
        }
        try {
            method.setAccessible(true);
            return method.invoke(null);
        } catch (InvocationTargetException ex) {
            throw new IllegalArgumentException(appModule + " raised " + ex.getCause(), ex.getCause());
        } catch (IllegalAccessException | RuntimeException ex) {
            throw new IllegalArgumentException("cannot call " + appModule + ": " + ex);
        }
    }
}
