package falcon.routing;

import falcon.Hooks;
import falcon.Request;
import falcon.internal.EngineView;
import falcon.internal.Engines;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The default router: URI templates compiled into a tree of path segments.
 *
 * <p>A template is a path whose segments may hold fields: {@code /teams/{id}}, {@code
 * /teams/{id:int(min=1)}/members}, {@code /files/{name}.{ext}}, {@code
 * /repos/{org}/{repo}/compare/{usr0}:{branch0}...{usr1}:{branch1}}, {@code /static/{rest:path}}. A
 * field spanning a whole segment captures that segment; a segment mixing fields and text is
 * matched with a regular expression compiled once, each field taking one or more characters
 * (greedily, as in Falcon). Converters ({@code int}, {@code uuid}, {@code dt}, {@code float},
 * {@code path}, or your own via {@link CompiledRouterOptions#converters()}) turn field text into
 * values; a value they reject means the route does not match.
 *
 * <p>At each level of the path, literal segments are tried first, then segments mixing fields
 * and text (in the order added), then the plain field; when a branch fails further down, the
 * search backtracks and tries the next one, so {@code /teams/default} does not hide {@code
 * /teams/{id}/members}. A template ending in {@code /} is distinct from the same template
 * without it. Adding a template that already exists replaces its resource. Paths are split on
 * {@code /} after dropping leading slashes, so {@code //foo} finds {@code /foo} and an empty
 * segment ({@code /foo//bar}) can match a plain field with an empty value.
 *
 * <p>Templates are checked at {@link #addRoute}; each failure is an {@link UnacceptableRouteError}
 * whose message starts with the template. Differences from Falcon 3.1.1, on purpose: field names
 * may not be Java keywords (Falcon rejects Python keywords instead, so {@code {from}} works here);
 * a stray <code>{</code> or <code>}</code> outside a well-formed field expression is an error
 * (Falcon silently treats such a segment as literal text); converter arguments are Python literals
 * only ({@code int(3, min=1)}, {@code dt("%Y-%m-%d")}), not arbitrary expressions; a conflict
 * message names the template it conflicts with; complex segments are told apart by their text
 * around fields (Falcon compares them with every field replaced by {@code v}).
 *
 * <p>Adding routes is synchronized; the search structure is rebuilt on the first {@link #find}
 * after a change, so routes may be added while requests are served, as in Falcon.
 *
 * <p>Falcon: {@code falcon.routing.CompiledRouter}.
 */
public class CompiledRouter implements Router {

    private static final String CONFLICT_HELP = "This is usually caused by configuring a field"
            + " converter differently for the same field in two different routes, or by using"
            + " different field names at the same level in the path (e.g., '/parents/{id}' and"
            + " '/parents/{parent_id}/children').";

    private static final Set<String> JAVA_KEYWORDS = Set.of("abstract", "assert", "boolean",
            "break", "byte", "case", "catch", "char", "class", "const", "continue", "default",
            "do", "double", "else", "enum", "extends", "final", "finally", "float", "for", "goto",
            "if", "implements", "import", "instanceof", "int", "interface", "long", "native",
            "new", "package", "private", "protected", "public", "return", "short", "static",
            "strictfp", "super", "switch", "synchronized", "this", "throw", "throws", "transient",
            "try", "void", "volatile", "while", "true", "false", "null", "_");

    static {
        Engines.setRouterAccess(CompiledRouter::routes);
    }

    /** Literal children beyond this count are found by hash rather than by a linear scan. */
    private static final int MAX_LINEAR_LITERALS = 8;

    private final CompiledRouterOptions options;
    private final Object lock = new Object();

    // Guarded by lock.
    private final List<TemplateNode> roots = new ArrayList<>();
    private final Map<String, Route> literalRoutes = new HashMap<>();
    private int maxFields;

    /** The search structure for the current routes; null after a change until the next find. */
    private volatile Finder finder;

    /** Creates a router with default options (the built-in converters). */
    public CompiledRouter() {
        this(new CompiledRouterOptions());
    }

    /**
     * Creates a router with the given options.
     *
     * @param options the options, e.g. with custom converters
     */
    public CompiledRouter(CompiledRouterOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /**
     * Returns this router's options; register custom converters there before adding routes.
     *
     * <p>Falcon: {@code CompiledRouter.options}.
     *
     * @return the router's options (changes to them apply)
     */
    public CompiledRouterOptions getOptions() {
        return options;
    }

    /**
     * Adds a route; re-adding a template replaces its resource.
     *
     * <p>Falcon: {@code CompiledRouter.add_route(uri_template, resource, suffix=None)}.
     *
     * @param uriTemplate the template: starts with {@code /}, no {@code //}, no whitespace
     *     outside field expressions, fields named by Java identifiers, each name used once
     * @param resource the resource
     * @param suffix the responder suffix, or null
     * @throws UnacceptableRouteError when the template is invalid, names an unknown converter or
     *     gives it bad arguments, or conflicts with another route's template
     * @throws IllegalArgumentException when the resource's responders do not fit the template
     *     (from {@link MethodMap#bind})
     */
    @Override
    public void addRoute(String uriTemplate, Object resource, String suffix) {
        if (uriTemplate == null) {
            throw new UnacceptableRouteError("The URI template must not be null");
        }
        Objects.requireNonNull(resource, "resource");
        Segment[] segments = parseTemplate(uriTemplate);

        List<Field> fields = new ArrayList<>();
        boolean allLiteral = true;
        for (Segment segment : segments) {
            for (int i = 0; i < segment.names.length; i++) {
                Converter converter = segment.converters[i];
                fields.add(new Field(segment.names[i],
                        converter == null ? String.class : converter.valueType()));
            }
            allLiteral &= segment.kind == Kind.LITERAL;
        }
        MethodMap methodMap = mapHttpMethods(resource, suffix, uriTemplate, fields);
        String[] names = new String[fields.size()];
        for (int i = 0; i < names.length; i++) {
            names[i] = fields.get(i).name();
        }
        // The router, middleware and hooks see the resource itself, not a Hooks wrapper.
        Route route = new Route(Hooks.unwrap(resource), methodMap, uriTemplate, names);

        synchronized (lock) {
            insert(roots, segments, 0, route);
            if (allLiteral) {
                literalRoutes.put(uriTemplate, route);
            }
            maxFields = Math.max(maxFields, names.length);
            finder = null;
        }
    }

    /**
     * Maps HTTP methods to the resource's responders; override to change how they are found.
     *
     * <p>Called by {@link #addRoute} once the template is known to be valid. The default is
     * {@link MethodMap#bind}.
     *
     * <p>Falcon: {@code CompiledRouter.map_http_methods(resource, **kwargs)}.
     *
     * @param resource the resource
     * @param suffix the responder suffix, or null
     * @param uriTemplate the template, for error messages
     * @param fields the template's fields in order, typed by their converters
     * @return the responders, by HTTP method
     * @throws IllegalArgumentException when the responders do not fit the template
     */
    protected MethodMap mapHttpMethods(Object resource, String suffix, String uriTemplate,
            List<Field> fields) {
        return MethodMap.bind(resource, suffix, uriTemplate, fields, options);
    }

    /**
     * Finds the route for a path.
     *
     * <p>Falcon: {@code CompiledRouter.find(uri, req=None)}.
     *
     * @param path the percent-decoded path
     * @param req ignored: routing depends on the path alone
     * @return the match, with the converted field values in template order, or null
     */
    @Override
    public RouteMatch find(String path, Request req) {
        Finder current = finder;
        if (current == null) {
            current = compile();
        }
        int length = path.length();
        // PERF: most API paths are all-literal: one hash lookup. Only a path with exactly one
        // leading slash can equal a template; any other is normalized by the tree walk below.
        if (length > 0 && path.charAt(0) == '/' && (length == 1 || path.charAt(1) != '/')) {
            Route route = current.literalRoutes.get(path);
            if (route != null) {
                return new RouteMatch(route.resource, route.methodMap, new RouteParams(),
                        route.template);
            }
        }
        int start = 0;
        while (start < length && path.charAt(start) == '/') {
            start++;
        }
        Object[] values = current.maxFields == 0 ? null : new Object[current.maxFields];
        Route route = search(current.root, path, start, values);
        if (route == null) {
            return null;
        }
        int size = route.names.length;
        // The names are copied because RouteParams may write into them (remove).
        RouteParams params = size == 0
                ? new RouteParams()
                : new RouteParams(route.names.clone(), values, size);
        return new RouteMatch(route.resource, route.methodMap, params, route.template);
    }

    /** Lists the routes depth first, siblings in the order added, as Falcon's inspect walks them. */
    private List<EngineView.RouteEntry> routes() {
        List<EngineView.RouteEntry> list = new ArrayList<>();
        synchronized (lock) {
            collect(roots, "", list);
        }
        return list;
    }

    private static void collect(List<TemplateNode> nodes, String parent, List<EngineView.RouteEntry> list) {
        for (TemplateNode node : nodes) {
            String path = parent + "/" + node.segment.raw;
            if (node.route != null) {
                list.add(new EngineView.RouteEntry(path, node.route.resource, node.route.methodMap));
            }
            collect(node.children, path, list);
        }
    }

    @Override
    public String toString() {
        synchronized (lock) {
            return "CompiledRouter[" + roots.size() + " root segments]";
        }
    }

    // ---------------------------------------------------------------------------------------
    // Search
    // ---------------------------------------------------------------------------------------

    /**
     * Matches the children of {@code parent} against the segment starting at {@code start}: the
     * first literal, complex and plain field that lead to a route win, in that order.
     */
    private static Route search(SearchNode parent, String path, int start, Object[] values) {
        int length = path.length();
        int end = path.indexOf('/', start);
        if (end < 0) {
            end = length;
        }
        boolean last = end == length;

        SearchNode literal = parent.findLiteral(path, start, end - start);
        if (literal != null) {
            Route route = descend(literal, path, end, last, values);
            if (route != null) {
                return route;
            }
        }

        for (SearchNode complex : parent.complexChildren) {
            if (last ? complex.route == null : !complex.hasChildren) {
                continue;
            }
            Matcher matcher = complex.pattern.matcher(path);
            matcher.region(start, end);
            if (matcher.matches() && complex.capture(matcher, values)) {
                Route route = descend(complex, path, end, last, values);
                if (route != null) {
                    return route;
                }
            }
        }

        SearchNode field = parent.fieldChild;
        if (field == null) {
            return null;
        }
        Converter converter = field.converter;
        if (field.consumesRest) {
            if (field.route == null) {
                return null;
            }
            Object value = converter.convert(path.substring(start));
            if (value == null) {
                return null;
            }
            values[field.fieldOffset] = value;
            return field.route;
        }
        // PERF: no substring unless this branch can still lead to a route.
        if (last ? field.route == null : !field.hasChildren) {
            return null;
        }
        String text = path.substring(start, end);
        Object value = converter == null ? text : converter.convert(text);
        if (value == null) {
            return null;
        }
        values[field.fieldOffset] = value;
        return descend(field, path, end, last, values);
    }

    private static Route descend(SearchNode node, String path, int end, boolean last,
            Object[] values) {
        if (last) {
            return node.route;
        }
        return node.hasChildren ? search(node, path, end + 1, values) : null;
    }

    private Finder compile() {
        synchronized (lock) {
            Finder current = finder;
            if (current == null) {
                SearchNode root = new SearchNode(null, roots, 0);
                current = new Finder(root, new HashMap<>(literalRoutes), maxFields);
                finder = current;
            }
            return current;
        }
    }

    // ---------------------------------------------------------------------------------------
    // Templates
    // ---------------------------------------------------------------------------------------

    private Segment[] parseTemplate(String template) {
        if (template.isEmpty() || template.charAt(0) != '/') {
            throw error(template, "URI templates must start with '/'");
        }
        if (template.contains("//")) {
            throw error(template, "URI templates may not contain '//'");
        }
        checkWhitespace(template);

        String[] raw = template.substring(1).split("/", -1);
        Set<String> usedNames = new HashSet<>();
        Segment[] segments = new Segment[raw.length];
        for (int i = 0; i < raw.length; i++) {
            segments[i] = parseSegment(template, raw[i], usedNames);
        }
        // Falcon 4: a converter that takes the rest of the path must be alone in the last segment.
        for (int i = 0; i < segments.length; i++) {
            Segment segment = segments[i];
            for (int f = 0; f < segment.names.length; f++) {
                Converter converter = segment.converters[f];
                if (converter == null || !converter.consumesMultipleSegments()) {
                    continue;
                }
                if (segment.kind == Kind.COMPLEX) {
                    throw error(template, "Cannot use converter \"" + segment.converterNames[f]
                            + "\" of field \"" + segment.names[f] + "\" in a segment that"
                            + " includes other characters or fields");
                }
                if (i < segments.length - 1) {
                    throw error(template, "Field \"" + segment.names[f] + "\" uses the"
                            + " converter \"" + segment.converterNames[f] + "\" that consumes"
                            + " the rest of the path, so it must end the template");
                }
            }
        }
        return segments;
    }

    private static void checkWhitespace(String template) {
        // Field expressions may hold whitespace (int(3, min=1)); the rest may not.
        int i = 0;
        int n = template.length();
        while (i < n) {
            char c = template.charAt(i);
            if (c == '{') {
                int close = template.indexOf('}', i + 1);
                if (close > 0) {
                    i = close + 1;
                    continue;
                }
            }
            if (ConverterArguments.isWhitespace(c)) {
                throw error(template, "URI templates may not include whitespace");
            }
            i++;
        }
    }

    private Segment parseSegment(String template, String raw, Set<String> usedNames) {
        List<String> names = new ArrayList<>();
        List<String> converterNames = new ArrayList<>();
        List<Converter> converters = new ArrayList<>();
        StringBuilder regex = new StringBuilder();
        StringBuilder shape = new StringBuilder();
        int literalStart = 0;
        int i = 0;
        while (i < raw.length()) {
            char c = raw.charAt(i);
            if (c == '}') {
                throw error(template, "Unbalanced '}' in segment \"" + raw + "\"");
            }
            if (c != '{') {
                i++;
                continue;
            }
            int close = raw.indexOf('}', i + 1);
            if (close < 0) {
                throw error(template, "Unbalanced '{' in segment \"" + raw
                        + "\" (a field expression may not contain '/')");
            }
            String literal = raw.substring(literalStart, i);
            if (!literal.isEmpty()) {
                regex.append(Pattern.quote(literal));
            }
            shape.append(literal).append("{}");
            regex.append("(.+)");
            parseField(template, raw.substring(i + 1, close), usedNames, names, converterNames,
                    converters);
            i = close + 1;
            literalStart = i;
        }
        String literal = raw.substring(literalStart);
        if (!literal.isEmpty()) {
            regex.append(Pattern.quote(literal));
        }
        shape.append(literal);

        Kind kind;
        Pattern pattern = null;
        if (names.isEmpty()) {
            kind = Kind.LITERAL;
        } else if (names.size() == 1 && raw.charAt(0) == '{'
                && raw.indexOf('}') == raw.length() - 1) {
            kind = Kind.FIELD;
        } else {
            kind = Kind.COMPLEX;
            // UNIX_LINES: '.' stops only at '\n', as in Python.
            pattern = Pattern.compile(regex.toString(), Pattern.UNIX_LINES);
        }
        return new Segment(raw, kind, names.toArray(new String[0]),
                converterNames.toArray(new String[0]), converters.toArray(new Converter[0]),
                pattern, shape.toString());
    }

    private void parseField(String template, String expression, Set<String> usedNames,
            List<String> names, List<String> converterNames, List<Converter> converters) {
        int colon = expression.indexOf(':');
        String name = colon < 0 ? expression : expression.substring(0, colon);
        if (!isIdentifier(name) || JAVA_KEYWORDS.contains(name)) {
            throw error(template, "Field names must be valid identifiers (\"" + name
                    + "\" is not valid)");
        }
        if (!usedNames.add(name)) {
            throw error(template, "Field names may not be duplicated (\"" + name
                    + "\" was used more than once)");
        }
        names.add(name);
        if (colon < 0) {
            converterNames.add(null);
            converters.add(null);
            return;
        }
        String spec = expression.substring(colon + 1);
        int paren = spec.indexOf('(');
        String converterName = paren < 0 ? spec : spec.substring(0, paren);
        if (converterName.isEmpty()) {
            throw error(template, "Missing converter for field \"" + name + "\"");
        }
        ConverterFactory factory = options.converters().get(converterName);
        if (factory == null) {
            throw error(template, "Unknown converter: \"" + converterName + "\"");
        }
        String arguments = null;
        if (paren >= 0) {
            if (!spec.endsWith(")")) {
                throw error(template, "Malformed arguments for converter \"" + converterName
                        + "\" of field \"" + name + "\": expected " + converterName + "(...)");
            }
            arguments = spec.substring(paren + 1, spec.length() - 1);
        }
        Converter converter;
        try {
            ConverterArguments parsed = ConverterArguments.parse(arguments);
            converter = factory.create(parsed.positional, parsed.keywords);
            if (converter == null) {
                throw new IllegalArgumentException("the converter factory returned null");
            }
        } catch (RuntimeException ex) {
            throw new UnacceptableRouteError("'" + template + "': Cannot instantiate converter \""
                    + converterName + "\": " + ex.getMessage(), ex);
        }
        converterNames.add(converterName);
        converters.add(converter);
    }

    private static void insert(List<TemplateNode> nodes, Segment[] segments, int index,
            Route route) {
        Segment segment = segments[index];
        boolean last = index == segments.length - 1;
        for (TemplateNode node : nodes) {
            if (node.segment.raw.equals(segment.raw)) {
                if (last) {
                    // NOTE: as in Falcon, adding a template again replaces its route.
                    node.route = route;
                } else {
                    insert(node.children, segments, index + 1, route);
                }
                return;
            }
            if (conflicts(node.segment, segment)) {
                throw error(route.template, "The URI template for this route is inconsistent or"
                        + " conflicts with another route's template ('" + node.template + "'). "
                        + CONFLICT_HELP);
            }
        }
        // Below a new node everything is new, so nothing can fail from here: the tree is never
        // left half-updated.
        TemplateNode created = new TemplateNode(segment, route.template);
        if (last) {
            created.route = route;
        } else {
            insert(created.children, segments, index + 1, route);
        }
        nodes.add(created);
    }

    /** Returns whether two different segments could match the same text ambiguously. */
    private static boolean conflicts(Segment existing, Segment added) {
        switch (existing.kind) {
            case FIELD:
                // Two plain fields at one level: /teams/{id} and /teams/{name}, or {id:int}.
                return added.kind == Kind.FIELD;
            case COMPLEX:
                return added.kind == Kind.COMPLEX && existing.shape.equals(added.shape);
            default:
                return false;
        }
    }

    private static UnacceptableRouteError error(String template, String message) {
        return new UnacceptableRouteError("'" + template + "': " + message);
    }

    private static boolean isIdentifier(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean letter = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
            if (!letter && (i == 0 || c < '0' || c > '9')) {
                return false;
            }
        }
        return true;
    }

    // ---------------------------------------------------------------------------------------
    // Structures
    // ---------------------------------------------------------------------------------------

    private enum Kind {
        LITERAL, FIELD, COMPLEX
    }

    /** One segment of a template, parsed; converters are created once, here. */
    private static final class Segment {
        final String raw;
        final Kind kind;
        final String[] names;
        final String[] converterNames;
        final Converter[] converters;
        final Pattern pattern;
        final String shape;

        Segment(String raw, Kind kind, String[] names, String[] converterNames,
                Converter[] converters, Pattern pattern, String shape) {
            this.raw = raw;
            this.kind = kind;
            this.names = names;
            this.converterNames = converterNames;
            this.converters = converters;
            this.pattern = pattern;
            this.shape = shape;
        }
    }

    /** What a template leads to. */
    private static final class Route {
        final Object resource;
        final MethodMap methodMap;
        final String template;
        final String[] names;

        Route(Object resource, MethodMap methodMap, String template, String[] names) {
            this.resource = resource;
            this.methodMap = methodMap;
            this.template = template;
            this.names = names;
        }
    }

    /** A node of the tree as routes are added (mutable, guarded by the router's lock). */
    private static final class TemplateNode {
        final Segment segment;
        final String template;
        final List<TemplateNode> children = new ArrayList<>();
        Route route;

        TemplateNode(Segment segment, String template) {
            this.segment = segment;
            this.template = template;
        }
    }

    /** The immutable search structure, published through a volatile field. */
    private static final class Finder {
        final SearchNode root;
        final Map<String, Route> literalRoutes;
        final int maxFields;

        Finder(SearchNode root, Map<String, Route> literalRoutes, int maxFields) {
            this.root = root;
            this.literalRoutes = literalRoutes;
            this.maxFields = maxFields;
        }
    }

    /** A node of the search tree: how it matches its own segment, and its children by kind. */
    private static final class SearchNode {
        private static final SearchNode[] NONE = new SearchNode[0];

        final Route route;
        final int fieldOffset;
        final Converter converter;
        final Converter[] converters;
        final Pattern pattern;
        final boolean consumesRest;
        final boolean hasChildren;

        final String[] literals;
        final int[] literalHashes;
        final SearchNode[] literalChildren;
        /** Open-addressing table of literal indexes + 1, or null when a scan is cheaper. */
        final int[] literalTable;
        final SearchNode[] complexChildren;
        final SearchNode fieldChild;

        SearchNode(TemplateNode node, List<TemplateNode> children, int fieldOffset) {
            Segment segment = node == null ? null : node.segment;
            this.route = node == null ? null : node.route;
            this.fieldOffset = fieldOffset;
            this.converters = segment == null ? null : segment.converters;
            this.converter = converters != null && converters.length == 1 ? converters[0] : null;
            this.pattern = segment == null ? null : segment.pattern;
            this.consumesRest = segment != null && segment.kind == Kind.FIELD && converter != null
                    && converter.consumesMultipleSegments();
            this.hasChildren = !children.isEmpty();

            int childOffset = fieldOffset + (segment == null ? 0 : segment.names.length);
            List<String> literalList = new ArrayList<>();
            List<SearchNode> literalNodes = new ArrayList<>();
            List<SearchNode> complexNodes = new ArrayList<>();
            SearchNode field = null;
            // Order as Falcon: literals, then complex segments, then the plain field.
            for (TemplateNode child : children) {
                SearchNode compiled = new SearchNode(child, child.children, childOffset);
                switch (child.segment.kind) {
                    case LITERAL:
                        literalList.add(child.segment.raw);
                        literalNodes.add(compiled);
                        break;
                    case COMPLEX:
                        complexNodes.add(compiled);
                        break;
                    default:
                        field = compiled;
                        break;
                }
            }
            this.literals = literalList.toArray(new String[0]);
            this.literalChildren = literalNodes.toArray(NONE);
            this.complexChildren = complexNodes.toArray(NONE);
            this.fieldChild = field;
            this.literalHashes = new int[literals.length];
            for (int i = 0; i < literals.length; i++) {
                literalHashes[i] = literals[i].hashCode();
            }
            this.literalTable = literals.length > MAX_LINEAR_LITERALS
                    ? buildTable(literalHashes) : null;
        }

        private static int[] buildTable(int[] hashes) {
            int size = Integer.highestOneBit(hashes.length * 2 - 1) << 1;
            int[] table = new int[size];
            int mask = size - 1;
            for (int i = 0; i < hashes.length; i++) {
                int slot = spread(hashes[i]) & mask;
                while (table[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                table[slot] = i + 1;
            }
            return table;
        }

        private static int spread(int hash) {
            return hash ^ (hash >>> 16);
        }

        /** Returns the literal child equal to {@code path[start, start + length)}, or null. */
        SearchNode findLiteral(String path, int start, int length) {
            String[] keys = literals;
            if (literalTable == null) {
                for (int i = 0; i < keys.length; i++) {
                    String key = keys[i];
                    if (key.length() == length && path.regionMatches(start, key, 0, length)) {
                        return literalChildren[i];
                    }
                }
                return null;
            }
            // PERF: hash the segment in place (String.hashCode's formula): no substring.
            int hash = 0;
            for (int i = start, end = start + length; i < end; i++) {
                hash = 31 * hash + path.charAt(i);
            }
            int[] table = literalTable;
            int mask = table.length - 1;
            int slot = spread(hash) & mask;
            int index;
            while ((index = table[slot]) != 0) {
                String key = keys[index - 1];
                if (literalHashes[index - 1] == hash && key.length() == length
                        && path.regionMatches(start, key, 0, length)) {
                    return literalChildren[index - 1];
                }
                slot = (slot + 1) & mask;
            }
            return null;
        }

        /** Converts the groups of a complex segment into {@code values}; false if one fails. */
        boolean capture(Matcher matcher, Object[] values) {
            Converter[] fieldConverters = converters;
            for (int i = 0; i < fieldConverters.length; i++) {
                String text = matcher.group(i + 1);
                Converter fieldConverter = fieldConverters[i];
                Object value = fieldConverter == null ? text : fieldConverter.convert(text);
                if (value == null) {
                    return false;
                }
                values[fieldOffset + i] = value;
            }
            return true;
        }
    }
}
