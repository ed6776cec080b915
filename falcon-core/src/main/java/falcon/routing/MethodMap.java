package falcon.routing;

import falcon.After;
import falcon.AfterHook;
import falcon.AsyncAfterHook;
import falcon.AsyncBeforeHook;
import falcon.Before;
import falcon.BeforeHook;
import falcon.Hooks;
import falcon.HTTPBadRequest;
import falcon.HTTPMethodNotAllowed;
import falcon.Request;
import falcon.Response;
import falcon.Status;
import falcon.WebSocket;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A resource's responders on one route, by HTTP method, with Falcon's default responders filled in.
 *
 * <p>{@link #bind} finds {@code onGet}, {@code onPost}, ... (or {@code onGetCollection} with a
 * suffix) once, checks their parameters against the template's fields and binds each to a method
 * handle: no reflection runs per request. Methods without a responder answer 405 with {@code
 * Allow}; OPTIONS answers 200 with {@code Allow} unless the resource has {@code onOptions}; a
 * method Falcon does not know answers 400 "Invalid HTTP method".
 *
 * <p>Falcon: {@code falcon.routing.map_http_methods} and {@code set_default_responders}.
 */
public final class MethodMap {

    /**
     * Falcon's {@code COMBINED_METHODS}: HTTP's methods, WebDAV's, the HTTP WG draft's {@code
     * QUERY} (Falcon 4.2, answered by {@code onQuery}), and WEBSOCKET. Methods an App adds are in
     * {@link CompiledRouterOptions#customHttpMethods()}.
     */
    public static final List<String> COMBINED_METHODS = List.of(
            "CONNECT", "DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT", "TRACE",
            "CHECKIN", "CHECKOUT", "COPY", "LOCK", "MKCOL", "MOVE", "PROPFIND", "PROPPATCH",
            "REPORT", "UNCHECKIN", "UNLOCK", "UPDATE", "VERSION-CONTROL", "QUERY", "WEBSOCKET");

    private static final Responder BAD_REQUEST = (req, resp, params) -> {
        throw new HTTPBadRequest("Bad request", "Invalid HTTP method");
    };

    private final Map<String, Responder> responders;
    private final List<String> allowedMethods;
    private final Map<String, Method> methods;
    private final WebSocketResponder webSocket;

    private MethodMap(Map<String, Responder> responders, List<String> allowedMethods,
            Map<String, Method> methods, WebSocketResponder webSocket) {
        this.responders = responders;
        this.allowedMethods = allowedMethods;
        this.methods = methods;
        this.webSocket = webSocket;
    }

    /**
     * Returns the {@code onWebsocket} responder; for a resource without one, a responder that
     * raises {@code HTTPMethodNotAllowed} (the handshake is closed with 3405). Never null.
     *
     * @return the WebSocket responder
     */
    public WebSocketResponder getWebSocket() {
        return webSocket;
    }

    /**
     * Returns the responder for {@code method}; for a method Falcon does not know, the responder
     * that answers 400 "Invalid HTTP method". Never null.
     *
     * @param method the HTTP method, e.g. {@code GET}
     * @return the responder
     */
    public Responder get(String method) {
        Responder responder = responders.get(method);
        return responder != null ? responder : BAD_REQUEST;
    }

    /**
     * Returns the methods the resource answers, sorted, then OPTIONS: the {@code Allow} list.
     *
     * @return the allowed methods
     */
    public List<String> allowedMethods() {
        return allowedMethods;
    }

    /**
     * Returns the user's responder methods by HTTP method (for inspection).
     *
     * @return the responder methods by HTTP method
     */
    public Map<String, Method> responderMethods() {
        return methods;
    }

    /**
     * Finds and binds a resource's responders for one route.
     *
     * @param resource the resource
     * @param suffix the responder suffix, or null
     * @param uriTemplate the template, for messages
     * @param fields the template's fields in order, with their converted types
     * @return the method map
     * @throws UnacceptableRouteError when the resource has no responder, or a responder's
     *     parameters do not fit the template
     */
    public static MethodMap bind(Object resource, String suffix, String uriTemplate, List<Field> fields) {
        return bind(resource, suffix, uriTemplate, fields, null);
    }

    /**
     * Finds and binds a resource's responders for one route, with the router's options: the App's
     * custom HTTP methods, and {@code onRequest} (or {@code onRequest<Suffix>}) answering every
     * method the resource has no responder for when {@link
     * CompiledRouterOptions#isDefaultToOnRequest()} is on, except OPTIONS (the default OPTIONS
     * responder stays) and WEBSOCKET. Class-level hooks do not wrap {@code onRequest}, as in Falcon;
     * its own method hooks do.
     *
     * <p>Falcon: {@code map_http_methods(resource, suffix, default_to_on_request)} and {@code
     * set_default_responders(method_map, default_responder)}.
     *
     * @param resource the resource
     * @param suffix the responder suffix, or null
     * @param uriTemplate the template, for messages
     * @param fields the template's fields in order, with their converted types
     * @param options the router's options, or {@code null} for the defaults
     * @return the method map
     * @throws UnacceptableRouteError when the resource has no responder, or a responder's
     *     parameters do not fit the template
     */
    public static MethodMap bind(Object resource, String suffix, String uriTemplate, List<Field> fields,
            CompiledRouterOptions options) {
        List<BeforeHook> codeBefores = List.of();
        List<AfterHook> codeAfters = List.of();
        if (resource instanceof Hooks.Hooked) {
            Hooks.Hooked hooked = (Hooks.Hooked) resource;
            codeBefores = hooked.getBefores();
            codeAfters = hooked.getAfters();
            resource = hooked.getResource();
        }
        List<String> httpMethods = COMBINED_METHODS;
        if (options != null && !options.customHttpMethods().isEmpty()) {
            httpMethods = new ArrayList<>(COMBINED_METHODS);
            for (String custom : options.customHttpMethods()) {
                String name = custom.strip().toUpperCase(Locale.ROOT);
                if (!name.isEmpty() && !httpMethods.contains(name)) {
                    httpMethods.add(httpMethods.size() - 1, name);
                }
            }
        }
        Class<?> type = resource.getClass();
        String suffixPart = suffix == null ? "" : camel(suffix, true);
        Map<String, List<Method>> byName = new HashMap<>();
        for (Method m : type.getMethods()) {
            if (!Modifier.isStatic(m.getModifiers()) && m.getName().startsWith("on")) {
                byName.computeIfAbsent(m.getName(), k -> new ArrayList<>()).add(m);
            }
        }
        Map<String, Responder> responders = new HashMap<>();
        Map<String, Method> found = new HashMap<>();
        List<String> implemented = new ArrayList<>();
        WebSocketResponder ws = null;
        for (String httpMethod : httpMethods) {
            String name = "on" + camel(httpMethod.toLowerCase(Locale.ROOT), true) + suffixPart;
            List<Method> candidates = byName.get(name);
            if (candidates == null) {
                continue;
            }
            if (candidates.size() > 1) {
                throw new UnacceptableRouteError("'" + uriTemplate + "': " + type.getName() + "." + name
                        + " is overloaded; a responder must have exactly one signature");
            }
            Method m = candidates.get(0);
            if (httpMethod.equals("WEBSOCKET")) {
                // NOTE: not an HTTP responder: an HTTP request with method WEBSOCKET gets 400, and
                // Allow never lists it (as in Falcon's ASGI App).
                BoundResponder bound = bind(resource, m, uriTemplate, fields, WebSocket.class);
                ws = bound::invoke;
                found.put(httpMethod, m);
                continue;
            }
            responders.put(httpMethod, bindOne(resource, m, uriTemplate, fields, true, codeBefores, codeAfters));
            found.put(httpMethod, m);
            implemented.add(httpMethod);
        }
        Responder onRequest = null;
        if (options != null && options.isDefaultToOnRequest()) {
            List<Method> candidates = byName.get("onRequest" + suffixPart);
            if (candidates != null) {
                if (candidates.size() > 1) {
                    throw new UnacceptableRouteError("'" + uriTemplate + "': " + type.getName() + ".onRequest"
                            + suffixPart + " is overloaded; a responder must have exactly one signature");
                }
                onRequest = bindOne(resource, candidates.get(0), uriTemplate, fields, false, List.of(), List.of());
            }
        }
        if (implemented.isEmpty() && ws == null && onRequest == null) {
            if (suffix != null) {
                throw new UnacceptableRouteError("'" + uriTemplate + "': no responders found for suffix '"
                        + suffix + "' on " + type.getName() + " (expected e.g. onGet" + suffixPart + ")");
            }
            throw new UnacceptableRouteError("'" + uriTemplate + "': " + type.getName()
                    + " has no responders (public methods such as onGet(Request req, Response resp))");
        }
        Collections.sort(implemented);
        List<String> allowed = new ArrayList<>(implemented);
        if (!responders.containsKey("OPTIONS")) {
            // NOTE: OPTIONS itself is not listed in the Allow header of the default OPTIONS
            // responder, but is listed in the 405's (falcon/routing/util.py).
            String allow = String.join(", ", implemented);
            // Falcon 4 leaves out an empty Allow (a catch-all onRequest resource); 3.1 wrote it.
            boolean writeAllow = !allow.isEmpty() || onRequest == null;
            responders.put("OPTIONS", (req, resp, params) -> {
                resp.setStatus(Status.HTTP_200);
                if (writeAllow) {
                    resp.setHeader("allow", allow);
                }
                resp.setHeader("content-length", "0");
                return null;
            });
            allowed.add("OPTIONS");
        }
        List<String> allowedView = List.copyOf(allowed);
        Responder notAllowed = (req, resp, params) -> {
            throw new HTTPMethodNotAllowed(allowedView);
        };
        Responder fallback = onRequest != null ? onRequest : notAllowed;
        for (String httpMethod : httpMethods) {
            if (!httpMethod.equals("WEBSOCKET")) {
                responders.putIfAbsent(httpMethod, fallback);
            }
        }
        if (ws == null) {
            ws = (req, socket, params) -> {
                throw new HTTPMethodNotAllowed(allowedView);
            };
        }
        return new MethodMap(Map.copyOf(responders), allowedView, Map.copyOf(found), ws);
    }

    /** Turns {@code version-control} or {@code by_id} into {@code VersionControl} / {@code ById}. */
    static String camel(String word, boolean capitalizeFirst) {
        StringBuilder sb = new StringBuilder(word.length());
        boolean upper = capitalizeFirst;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c == '_' || c == '-') {
                upper = true;
            } else if (upper) {
                sb.append(Character.toUpperCase(c));
                upper = false;
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static Responder bindOne(Object resource, Method m, String template, List<Field> fields,
            boolean classHooks, List<BeforeHook> codeBefores, List<AfterHook> codeAfters) {
        String where = "'" + template + "': " + m.getDeclaringClass().getName() + "." + m.getName();
        // Hooks attached in code wrap the annotated ones, as a decorator applied to the class.
        List<BeforeHook> befores = new ArrayList<>(codeBefores);
        List<AfterHook> afters = new ArrayList<>();
        collectHooks(classHooks ? m.getDeclaringClass() : null, m, befores, afters, where);
        afters.addAll(codeAfters);
        BoundResponder call = bind(resource, m, template, fields, befores.isEmpty() ? null : befores);
        if (befores.isEmpty() && afters.isEmpty()) {
            return call;
        }
        return new HookedResponder(resource, befores.toArray(new BeforeHook[0]), call,
                afters.toArray(new AfterHook[0]));
    }

    private static BoundResponder bind(Object resource, Method m, String template, List<Field> fields,
            Class<?> second) {
        return bind(resource, m, template, fields, null, second);
    }

    private static BoundResponder bind(Object resource, Method m, String template, List<Field> fields,
            List<BeforeHook> befores) {
        return bind(resource, m, template, fields, befores, Response.class);
    }

    private static BoundResponder bind(Object resource, Method m, String template, List<Field> fields,
            List<BeforeHook> befores, Class<?> second) {
        String where = "'" + template + "': " + m.getDeclaringClass().getName() + "." + m.getName();
        Parameter[] ps = m.getParameters();
        if (ps.length < 2 || !Request.class.isAssignableFrom(ps[0].getType())
                || !second.isAssignableFrom(ps[1].getType())) {
            throw new UnacceptableRouteError(where + " must take (Request req, " + second.getSimpleName() + " "
                    + (second == Response.class ? "resp" : "ws") + ", <fields>) as its first parameters");
        }
        if (befores == null) {
            befores = List.of();
        }

        int extra = ps.length - 2;
        int[] fieldIndex = new int[extra];
        String[] names = new String[extra];
        boolean wantsAll = false;
        for (int i = 0; i < extra; i++) {
            Parameter p = ps[i + 2];
            FieldName annotated = p.getAnnotation(FieldName.class);
            String name;
            if (annotated != null) {
                name = annotated.value();
            } else if (p.isNamePresent()) {
                name = p.getName();
            } else if (p.getType() == Map.class || p.getType() == RouteParams.class) {
                name = null;
            } else {
                throw new UnacceptableRouteError(where + " parameter " + (i + 3)
                        + " has no name: compile with 'javac -parameters' (maven-compiler-plugin"
                        + " <parameters>true</parameters>) or annotate it with @FieldName(\"...\")");
            }
            names[i] = name;
            if (p.getType() == Map.class || p.getType() == RouteParams.class) {
                if (annotated == null && (name == null || indexOf(fields, name) < 0)) {
                    // A Map parameter not named after a field receives every field (Falcon's **kwargs).
                    fieldIndex[i] = -2;
                    wantsAll = true;
                    continue;
                }
            }
            int idx = indexOf(fields, name);
            if (idx < 0) {
                if (befores.isEmpty()) {
                    throw new UnacceptableRouteError(where + " has parameter '" + name
                            + "', but the template has no field {" + name + "}; fields: " + fieldNames(fields));
                }
                fieldIndex[i] = -1; // a @Before hook may supply it; looked up by name
                continue;
            }
            Class<?> fieldType = fields.get(idx).type();
            Class<?> paramType = wrap(p.getType());
            if (fieldType != Object.class && !paramType.isAssignableFrom(fieldType)) {
                throw new UnacceptableRouteError(where + " parameter '" + p.getType().getSimpleName() + " " + name
                        + "' does not fit field {" + name + "}, which converts to " + fieldType.getSimpleName());
            }
            fieldIndex[i] = idx;
        }
        for (Field f : fields) {
            if (!wantsAll && !Arrays.asList(names).contains(f.name())) {
                throw new UnacceptableRouteError(where + " has no parameter for field {" + f.name()
                        + "}; add '" + f.type().getSimpleName() + " " + f.name() + "' (or a Map parameter)");
            }
        }
        MethodHandle handle;
        try {
            m.setAccessible(true);
            handle = MethodHandles.lookup().unreflect(m).bindTo(resource);
        } catch (IllegalAccessException | RuntimeException ex) {
            throw new UnacceptableRouteError(where + " cannot be called: " + ex.getMessage());
        }
        boolean async = CompletionStage.class.isAssignableFrom(m.getReturnType());
        // PERF: up to two fields (most routes) the handle is called with its arguments directly;
        // a spreader, and the Object[] it takes per request, only beyond that.
        MethodHandle generic = handle.asType(MethodType.genericMethodType(ps.length));
        if (ps.length > BoundResponder.MAX_DIRECT) {
            generic = generic.asSpreader(Object[].class, ps.length);
        }
        return new BoundResponder(generic, fieldIndex, names, ps.length, async);
    }

    /**
     * A responder with its hooks: before hooks, the responder, after hooks, each possibly
     * asynchronous. PERF: blocking steps run in a plain loop; a stage is composed only when one
     * is returned and not yet done.
     */
    private static final class HookedResponder implements Responder {
        // Before hooks, the responder, after hooks: each made once into a step that returns null
        // or a pending stage, so that the request path never asks which kind of hook it holds.
        private final Responder[] steps;

        HookedResponder(Object resource, BeforeHook[] befores, BoundResponder call, AfterHook[] afters) {
            steps = new Responder[befores.length + 1 + afters.length];
            int n = 0;
            for (BeforeHook h : befores) {
                steps[n++] = before(h, resource);
            }
            steps[n++] = call;
            for (AfterHook h : afters) {
                steps[n++] = after(h, resource);
            }
        }

        private static Responder before(BeforeHook h, Object resource) {
            if (h instanceof AsyncBeforeHook) {
                AsyncBeforeHook async = (AsyncBeforeHook) h;
                return (req, resp, params) -> async.beforeAsync(req, resp, resource, params);
            }
            return (req, resp, params) -> {
                h.before(req, resp, resource, params);
                return null;
            };
        }

        private static Responder after(AfterHook h, Object resource) {
            if (h instanceof AsyncAfterHook) {
                AsyncAfterHook async = (AsyncAfterHook) h;
                return (req, resp, params) -> async.afterAsync(req, resp, resource);
            }
            return (req, resp, params) -> {
                h.after(req, resp, resource);
                return null;
            };
        }

        @Override
        public Object respond(Request req, Response resp, RouteParams params) throws Exception {
            return from(0, req, resp, params);
        }

        /** Runs the steps from {@code step} on; returns null or a stage for the rest. */
        private Object from(int step, Request req, Response resp, RouteParams params) throws Exception {
            for (int i = step; i < steps.length; i++) {
                Object r = steps[i].respond(req, resp, params);
                if (r instanceof CompletionStage) {
                    CompletionStage<?> stage = (CompletionStage<?>) r;
                    if (stage instanceof CompletableFuture && ((CompletableFuture<?>) stage).isDone()
                            && !((CompletableFuture<?>) stage).isCompletedExceptionally()) {
                        continue;
                    }
                    int next = i + 1;
                    return stage.thenCompose(ignored -> {
                        try {
                            Object rest = from(next, req, resp, params);
                            return rest instanceof CompletionStage ? (CompletionStage<?>) rest
                                    : CompletableFuture.completedFuture(null);
                        } catch (Exception ex) {
                            return CompletableFuture.failedFuture(ex);
                        }
                    });
                }
            }
            return null;
        }
    }

    /** Calls one bound responder method. */
    private static final class BoundResponder implements Responder {
        /** The most parameters (request, response and two fields) passed without a spreader. */
        static final int MAX_DIRECT = 4;

        private final MethodHandle handle;
        private final int[] fieldIndex;
        private final String[] names;
        private final int arity;
        private final boolean async;
        private final int boundCount;

        BoundResponder(MethodHandle handle, int[] fieldIndex, String[] names, int arity, boolean async) {
            this.handle = handle;
            this.fieldIndex = fieldIndex;
            this.names = names;
            this.arity = arity;
            this.async = async;
            int bound = 0;
            for (int idx : fieldIndex) {
                if (idx != -2) {
                    bound++;
                }
            }
            this.boundCount = bound;
        }

        @Override
        public Object respond(Request req, Response resp, RouteParams params) throws Exception {
            return invoke(req, resp, params);
        }

        // Falcon's **kwargs holds only the fields no named parameter took.
        private Map<String, Object> unbound(RouteParams params) {
            Map<String, Object> rest = new LinkedHashMap<>(params);
            for (int i = 0; i < names.length; i++) {
                if (fieldIndex[i] != -2 && names[i] != null) {
                    rest.remove(names[i]);
                }
            }
            return rest;
        }

        private Object field(int i, RouteParams params) {
            int idx = fieldIndex[i];
            if (idx >= 0 && idx < params.slots() && names[i].equals(params.nameAt(idx))) {
                return params.valueAt(idx);
            } else if (idx == -2) {
                return boundCount == 0 ? params : unbound(params);
            }
            return params.get(names[i]);
        }

        Object invoke(Request req, Object second, RouteParams params) throws Exception {
            try {
                Object result;
                switch (arity) {
                    case 2:
                        result = handle.invokeExact((Object) req, second);
                        break;
                    case 3:
                        result = handle.invokeExact((Object) req, second, field(0, params));
                        break;
                    case 4:
                        result = handle.invokeExact((Object) req, second, field(0, params), field(1, params));
                        break;
                    default:
                        Object[] args = new Object[arity];
                        args[0] = req;
                        args[1] = second;
                        for (int i = 0; i < fieldIndex.length; i++) {
                            args[i + 2] = field(i, params);
                        }
                        result = handle.invokeExact(args);
                        break;
                }
                return async ? result : null;
            } catch (Exception | Error ex) {
                throw ex;
            } catch (Throwable ex) {
                throw new IllegalStateException(ex);
            }
        }
    }

    private static void collectHooks(Class<?> type, Method m, List<BeforeHook> befores, List<AfterHook> afters,
            String where) {
        // PERF: most responders carry no annotation; asking for repeatable ones by type starts
        // the JDK's annotation machinery (proxies, AnnotationType), a visible cost at start-up.
        boolean onType = type != null && type.getAnnotations().length > 0;
        boolean onMethod = m.getDeclaredAnnotations().length > 0;
        if (!onType && !onMethod) {
            return;
        }
        // Falcon applies class decorators around method decorators: the class's before hooks
        // run first and its after hooks last; stacked decorators run outermost (topmost) first.
        if (onType) {
            for (Before b : type.getAnnotationsByType(Before.class)) {
                befores.add(instantiate(b.value(), b.args(), where));
            }
        }
        for (Before b : m.getAnnotationsByType(Before.class)) {
            befores.add(instantiate(b.value(), b.args(), where));
        }
        After[] methodAfters = m.getAnnotationsByType(After.class);
        for (int i = methodAfters.length - 1; i >= 0; i--) {
            afters.add(instantiate(methodAfters[i].value(), methodAfters[i].args(), where));
        }
        After[] typeAfters = onType ? type.getAnnotationsByType(After.class) : new After[0];
        for (int i = typeAfters.length - 1; i >= 0; i--) {
            afters.add(instantiate(typeAfters[i].value(), typeAfters[i].args(), where));
        }
    }

    private static <T> T instantiate(Class<? extends T> hookType, String[] args, String where) {
        try {
            try {
                Constructor<? extends T> c = hookType.getDeclaredConstructor(String[].class);
                c.setAccessible(true);
                return c.newInstance((Object) args);
            } catch (NoSuchMethodException noArgsConstructor) {
                if (args.length > 0) {
                    throw new UnacceptableRouteError(where + ": hook " + hookType.getName()
                            + " is given args but has no constructor taking String...");
                }
                Constructor<? extends T> c = hookType.getDeclaredConstructor();
                c.setAccessible(true);
                return c.newInstance();
            }
        } catch (InvocationTargetException ex) {
            throw new UnacceptableRouteError(where + ": hook " + hookType.getName() + " failed to start: "
                    + ex.getCause());
        } catch (ReflectiveOperationException ex) {
            throw new UnacceptableRouteError(where + ": hook " + hookType.getName()
                    + " needs a constructor taking no arguments or String...");
        }
    }

    private static int indexOf(List<Field> fields, String name) {
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private static String fieldNames(List<Field> fields) {
        List<String> names = new ArrayList<>();
        for (Field f : fields) {
            names.add(f.name());
        }
        return names.toString();
    }

    private static Class<?> wrap(Class<?> type) {
        if (!type.isPrimitive()) {
            return type;
        }
        return MethodType.methodType(type).wrap().returnType();
    }
}
