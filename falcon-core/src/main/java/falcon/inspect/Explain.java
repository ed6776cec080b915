package falcon.inspect;

import falcon.After;
import falcon.Before;
import falcon.HTTPError;
import falcon.HTTPRouteNotFound;
import falcon.Middleware;
import falcon.internal.EngineView;
import falcon.routing.CompiledRouter;
import falcon.routing.MethodMap;
import falcon.routing.RouteMatch;
import falcon.routing.RouteParams;
import falcon.routing.StaticRoute;
import falcon.uri.Uri;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * Tells what an App would do with one request, without running anything of the user's: the
 * route, sink or static route that takes it (or the 404 and the nearest templates), the
 * converted fields, the responder, its hooks, the middleware methods in the order they would run
 * and the error handler each exception would go to.
 */
final class Explain {

    private static final int NEAREST = 3;

    private final EngineView engine;
    private final StringBuilder out = new StringBuilder();

    private Explain(EngineView engine) {
        this.engine = engine;
    }

    static String explain(EngineView engine, String method, String target) {
        return new Explain(engine).run(method.toUpperCase(Locale.ROOT), target);
    }

    private String run(String method, String target) {
        int query = target.indexOf('?');
        String rawPath = query < 0 ? target : target.substring(0, query);
        String path = Uri.decode(rawPath, false);
        if (path.isEmpty()) {
            path = "/";
        }
        out.append(method).append(' ').append(target);

        RouteMatch match = engine.router().find(path, null);
        if (match != null) {
            explainRoute(method, match);
            return out.toString();
        }
        List<Object> prefixes = new ArrayList<>();
        if (engine.sinkBeforeStaticRoute()) {
            prefixes.addAll(engine.sinks());
            prefixes.addAll(engine.staticRoutes());
        } else {
            prefixes.addAll(engine.staticRoutes());
            prefixes.addAll(engine.sinks());
        }
        for (Object prefix : prefixes) {
            if (prefix instanceof EngineView.SinkEntry) {
                EngineView.SinkEntry sink = (EngineView.SinkEntry) prefix;
                Matcher m = sink.pattern().matcher(path);
                if (m.lookingAt()) {
                    explainSink(sink, m);
                    return out.toString();
                }
            } else {
                StaticRoute route = (StaticRoute) prefix;
                if (route.match(path)) {
                    explainStatic(route, path);
                    return out.toString();
                }
            }
        }
        explainNotFound(path);
        return out.toString();
    }

    // ------------------------------------------------------------------ what takes the request

    private void explainRoute(String method, RouteMatch match) {
        Object resource = match.resource();
        line(0, "• Route: " + match.uriTemplate() + " - " + Names.of(resource) + " ("
                + Sources.of(resource.getClass()) + ")");
        fields(match.params());
        MethodMap map = match.methodMap();
        Method responder = method.equals("WEBSOCKET") ? null : map.responderMethods().get(method);
        List<Class<?>> thrown = new ArrayList<>();
        String responderText;
        if (responder != null) {
            responderText = Names.of(resource) + "." + responder.getName();
            line(0, "• Responder: " + responderText + " (" + Sources.of(responder) + ")");
            hooks(responder);
            for (Class<?> t : responder.getExceptionTypes()) {
                thrown.add(t);
            }
        } else if (!MethodMap.COMBINED_METHODS.contains(method) || method.equals("WEBSOCKET")) {
            responderText = "400 Bad Request: Invalid HTTP method";
            line(0, "• Responder: none for " + method + ": " + responderText + " (internal)");
            thrown.add(falcon.HTTPBadRequest.class);
        } else if (method.equals("OPTIONS")) {
            responderText = "optionsResponder";
            line(0, "• Responder: optionsResponder: 200 OK, Allow: "
                    + String.join(", ", allowedWithoutOptions(map)) + " (internal)");
        } else {
            responderText = "methodNotAllowed";
            line(0, "• Responder: methodNotAllowed: 405 Method Not Allowed, Allow: "
                    + String.join(", ", map.allowedMethods()) + " (internal)");
            thrown.add(falcon.HTTPMethodNotAllowed.class);
        }
        middleware(true, responderText);
        errors(thrown);
    }

    private static List<String> allowedWithoutOptions(MethodMap map) {
        List<String> allowed = new ArrayList<>(map.allowedMethods());
        if (!map.responderMethods().containsKey("OPTIONS")) {
            allowed.remove("OPTIONS");
        }
        return allowed;
    }

    private void explainSink(EngineView.SinkEntry sink, Matcher m) {
        line(0, "• Sink: " + sink.prefix() + " - " + Names.of(sink.target()) + " ("
                + Inspect.sourceOfHandler(sink.target(), "handle") + ")");
        List<String> groups = new ArrayList<>();
        for (Map.Entry<String, Integer> g : namedGroups(sink.pattern().pattern()).entrySet()) {
            groups.add(g.getKey());
        }
        for (String g : groups) {
            String value = m.group(g);
            line(1, g + " = " + (value == null ? "null" : value + " (String)"));
        }
        List<Class<?>> thrown = new ArrayList<>();
        if (!Names.isLambda(sink.target().getClass())) {
            for (Method method : sink.target().getClass().getMethods()) {
                if (method.getName().equals("handle") && !method.isBridge()) {
                    for (Class<?> t : method.getExceptionTypes()) {
                        thrown.add(t);
                    }
                }
            }
        }
        middleware(false, Names.of(sink.target()) + ".handle");
        errors(thrown);
    }

    private static Map<String, Integer> namedGroups(String pattern) {
        Map<String, Integer> groups = new java.util.LinkedHashMap<>();
        Matcher names = java.util.regex.Pattern.compile("\\(\\?<([a-zA-Z][a-zA-Z0-9]*)>").matcher(pattern);
        while (names.find()) {
            groups.put(names.group(1), groups.size());
        }
        return groups;
    }

    private void explainStatic(StaticRoute route, String path) {
        line(0, "• Static route: " + route.getPrefix() + " " + route.getDirectory());
        String rest = path.length() >= route.getPrefix().length() ? path.substring(route.getPrefix().length()) : "";
        Path file = route.getDirectory().resolve(rest).normalize();
        if (!file.startsWith(route.getDirectory())) {
            line(1, "file: outside the directory: 404 Not Found");
        } else if (!rest.isEmpty() && Files.isRegularFile(file)) {
            line(1, "file: " + file);
        } else if (route.getFallbackFilename() != null) {
            line(1, "file: " + (rest.isEmpty() ? "none" : file + " (missing)") + ", fallback: "
                    + route.getFallbackFilename());
        } else {
            line(1, "file: " + (rest.isEmpty() ? "none" : file) + " (missing): 404 Not Found");
        }
        middleware(false, "StaticRoute.handle");
        errors(List.of(falcon.HTTPNotFound.class));
    }

    private void explainNotFound(String path) {
        line(0, "• No route: 404 Not Found (HTTPRouteNotFound)");
        List<String> nearest = nearest(path);
        if (!nearest.isEmpty()) {
            line(1, "nearest templates:");
            for (String template : nearest) {
                line(2, template);
            }
        }
        middleware(false, "HTTPRouteNotFound raised");
        errors(List.of(HTTPRouteNotFound.class));
    }

    /**
     * The templates that share the most leading segments with the path, in route order; when
     * none shares any, the first routes.
     */
    private List<String> nearest(String path) {
        if (!(engine.router() instanceof CompiledRouter)) {
            return List.of();
        }
        String[] wanted = path.substring(1).split("/", -1);
        List<String> templates = new ArrayList<>();
        List<Integer> scores = new ArrayList<>();
        int best = 0;
        for (EngineView.RouteEntry route : falcon.internal.Engines.routesOf((CompiledRouter) engine.router())) {
            String[] segments = route.path().substring(1).split("/", -1);
            int score = 0;
            while (score < segments.length && score < wanted.length
                    && (segments[score].equals(wanted[score]) || segments[score].contains("{"))) {
                score++;
            }
            templates.add(route.path());
            scores.add(score);
            best = Math.max(best, score);
        }
        List<String> nearest = new ArrayList<>();
        for (int s = best; s >= (best > 0 ? 1 : 0) && nearest.size() < NEAREST; s--) {
            for (int i = 0; i < templates.size() && nearest.size() < NEAREST; i++) {
                if (scores.get(i) == s) {
                    nearest.add(templates.get(i));
                }
            }
        }
        return nearest;
    }

    // ------------------------------------------------------------------ the parts around it

    private void fields(RouteParams params) {
        if (params == null) {
            return;
        }
        for (Map.Entry<String, Object> field : params.entrySet()) {
            Object value = field.getValue();
            line(1, field.getKey() + " = " + value + " (" + (value == null ? "null" : typeName(value.getClass()))
                    + ")");
        }
    }

    private static String typeName(Class<?> type) {
        return type.getName().startsWith("java.") ? type.getSimpleName() : type.getName();
    }

    /** Hooks in the order they run, as MethodMap binds them: the class's around the method's. */
    private void hooks(Method responder) {
        List<String> lines = new ArrayList<>();
        Class<?> type = responder.getDeclaringClass();
        for (Before b : type.getAnnotationsByType(Before.class)) {
            lines.add(hook("before", b.value(), b.args()));
        }
        for (Before b : responder.getAnnotationsByType(Before.class)) {
            lines.add(hook("before", b.value(), b.args()));
        }
        After[] methodAfters = responder.getAnnotationsByType(After.class);
        for (int i = methodAfters.length - 1; i >= 0; i--) {
            lines.add(hook("after", methodAfters[i].value(), methodAfters[i].args()));
        }
        After[] typeAfters = type.getAnnotationsByType(After.class);
        for (int i = typeAfters.length - 1; i >= 0; i--) {
            lines.add(hook("after", typeAfters[i].value(), typeAfters[i].args()));
        }
        if (lines.isEmpty()) {
            return;
        }
        line(0, "• Hooks:");
        for (String l : lines) {
            line(1, l);
        }
    }

    private static String hook(String kind, Class<?> hookType, String[] args) {
        String name = kind.equals("before") ? "before" : "after";
        Method method = null;
        for (Method m : hookType.getMethods()) {
            if (m.getName().equals(name) || m.getName().equals(name + "Async")) {
                method = m;
                break;
            }
        }
        String source = method != null ? Sources.of(method) : Sources.of(hookType);
        return kind + " " + Names.of(hookType) + (args.length == 0 ? "" : "(\"" + String.join("\", \"", args) + "\")")
                + " (" + source + ")";
    }

    private void middleware(boolean resourceFound, String responder) {
        line(0, "• Middleware (" + (engine.independentMiddleware() ? "Middleware are independent"
                : "Middleware are dependent: processResponse runs only for components whose processRequest ran")
                + "):");
        for (Middleware m : engine.requestMiddleware()) {
            line(1, "→ " + member(m, Inspect.MiddlewareMethods.REQUEST));
        }
        if (resourceFound) {
            for (Middleware m : engine.resourceMiddleware()) {
                line(1, "↣ " + member(m, Inspect.MiddlewareMethods.RESOURCE));
            }
        }
        line(1, "├── " + responder);
        for (Middleware m : engine.responseMiddleware()) {
            line(1, "↢ " + member(m, Inspect.MiddlewareMethods.RESPONSE));
        }
    }

    private static String member(Middleware m, Inspect.MiddlewareMethods phase) {
        Method method = phase.in(m);
        return Names.of(m) + "." + method.getName() + " (" + Sources.of(method) + ")";
    }

    /** Which handler takes each exception: the responder's declared ones, then HTTPError and Exception. */
    private void errors(List<Class<?>> thrown) {
        Set<Class<?>> types = new LinkedHashSet<>(thrown);
        types.add(HTTPError.class);
        types.add(Exception.class);
        line(0, "• Error handlers:");
        for (Class<?> type : types) {
            EngineView.ErrorHandlerEntry entry = engine.errorHandlerFor(type);
            if (entry == null) {
                line(1, type.getSimpleName() + " ⇜ none: re-raised");
                continue;
            }
            ErrorHandlerInfo info = Inspect.errorHandlerInfo(entry);
            line(1, type.getSimpleName() + " ⇜ " + info.error() + " " + info.name() + " ("
                    + (info.internal() ? "internal" : info.sourceInfo()) + ")");
        }
    }

    private void line(int depth, String text) {
        out.append('\n').append(" ".repeat(4 * depth)).append(text);
    }
}
