package falcon.inspect;

import java.util.ArrayList;
import java.util.List;

/**
 * The visitor that renders info objects as Falcon's tree text, glyphs and indentation included:
 * {@code ⇒} routes, {@code ├──}/{@code └──} their responders, {@code →} {@code ↣} {@code ↢}
 * middleware methods, {@code ↦} static routes, {@code ⇥} sinks, {@code ⇜} error handlers.
 *
 * <p>Falcon: {@code falcon.inspect.StringVisitor}; its text, for the same App shape, is Falcon
 * 3.1.1's with Java names (InspectTest compares them).
 */
public class StringVisitor extends InspectVisitor<String> {

    private final boolean verbose;
    private final boolean internal;
    private final String name;
    private int indent;

    /**
     * Creates a visitor.
     *
     * @param verbose whether to add source information
     * @param internal whether to include the framework's default responders and error handlers
     * @param name the App's name for the first line; empty or {@code null} for {@code Falcon App}
     */
    public StringVisitor(boolean verbose, boolean internal, String name) {
        this.verbose = verbose;
        this.internal = internal;
        this.name = name == null ? "" : name;
    }

    /**
     * Creates a visitor for an App without a name.
     *
     * @param verbose whether to add source information
     * @param internal whether to include the framework's default responders and error handlers
     */
    public StringVisitor(boolean verbose, boolean internal) {
        this(verbose, internal, "");
    }

    /** Creates a visitor: not verbose, no internal items, no name. */
    public StringVisitor() {
        this(false, false, "");
    }

    /**
     * Returns the current indentation.
     *
     * <p>Falcon: {@code StringVisitor.tab}.
     *
     * @return as many spaces as the current indentation
     */
    public String tab() {
        return " ".repeat(indent);
    }

    @Override
    public String visitRouteMethod(RouteMethodInfo routeMethod) {
        String text = routeMethod.method() + " - " + routeMethod.functionName();
        if (verbose) {
            text += " (" + routeMethod.sourceInfo() + ")";
        }
        return text;
    }

    private String methodsToString(List<? extends Traversable> methods) {
        String tab = tab() + "   ";
        List<String> texts = new ArrayList<>();
        for (Traversable m : methods) {
            if (internal || !isInternal(m)) {
                texts.add(process(m));
            }
        }
        if (texts.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < texts.size(); i++) {
            if (i > 0) {
                sb.append('\n');
            }
            sb.append(tab).append(i < texts.size() - 1 ? "├── " : "└── ").append(texts.get(i));
        }
        return sb.toString();
    }

    private static boolean isInternal(Traversable item) {
        if (item instanceof RouteMethodInfo) {
            return ((RouteMethodInfo) item).internal();
        } else if (item instanceof ErrorHandlerInfo) {
            return ((ErrorHandlerInfo) item).internal();
        }
        return false;
    }

    @Override
    public String visitRoute(RouteInfo route) {
        String text = tab() + "⇒ " + route.path() + " - " + route.className();
        if (verbose) {
            text += " (" + route.sourceInfo() + ")";
        }
        String methodText = methodsToString(route.methods());
        if (methodText.isEmpty()) {
            return text;
        }
        return text + ":\n" + methodText;
    }

    @Override
    public String visitStaticRoute(StaticRouteInfo staticRoute) {
        String text = tab() + "↦ " + staticRoute.prefix() + " " + staticRoute.directory();
        if (staticRoute.fallbackFilename() != null && !staticRoute.fallbackFilename().isEmpty()) {
            text += " [" + staticRoute.fallbackFilename() + "]";
        }
        return text;
    }

    @Override
    public String visitSink(SinkInfo sink) {
        String text = tab() + "⇥ " + sink.prefix() + " " + sink.name();
        if (verbose) {
            text += " (" + sink.sourceInfo() + ")";
        }
        return text;
    }

    @Override
    public String visitErrorHandler(ErrorHandlerInfo errorHandler) {
        String text = tab() + "⇜ " + errorHandler.error() + " " + errorHandler.name();
        if (verbose) {
            text += " (" + errorHandler.sourceInfo() + ")";
        }
        return text;
    }

    @Override
    public String visitMiddlewareMethod(MiddlewareMethodInfo middlewareMethod) {
        String text = middlewareMethod.functionName();
        if (verbose) {
            text += " (" + middlewareMethod.sourceInfo() + ")";
        }
        return text;
    }

    @Override
    public String visitMiddlewareClass(MiddlewareClassInfo middlewareClass) {
        String text = tab() + "↣ " + middlewareClass.name();
        if (verbose) {
            text += " (" + middlewareClass.sourceInfo() + ")";
        }
        String methodText = methodsToString(middlewareClass.methods());
        if (methodText.isEmpty()) {
            return text;
        }
        return text + ":\n" + methodText;
    }

    @Override
    public String visitMiddlewareTreeItem(MiddlewareTreeItemInfo item) {
        return tab() + item.symbol() + " " + item.className() + "." + item.name();
    }

    @Override
    public String visitMiddlewareTree(MiddlewareTreeInfo tree) {
        int before = tree.request().size() + tree.resource().size();
        int after = tree.response().size();
        if (before + after == 0) {
            return "";
        }
        int each = 2;
        int initial = indent;
        if (after > before) {
            indent += each * (after - before);
        }
        List<String> text = new ArrayList<>();
        for (MiddlewareTreeItemInfo r : tree.request()) {
            text.add(process(r));
            indent += each;
        }
        if (!text.isEmpty()) {
            text.add("");
        }
        for (MiddlewareTreeItemInfo r : tree.resource()) {
            text.add(process(r));
            indent += each;
        }
        if (!tree.resource().isEmpty() || text.isEmpty()) {
            text.add("");
        }
        indent += each;
        text.add(tab() + "├── Process route responder");
        indent -= each;
        if (!tree.response().isEmpty()) {
            text.add("");
        }
        for (MiddlewareTreeItemInfo r : tree.response()) {
            indent -= each;
            text.add(process(r));
        }
        indent = initial;
        return String.join("\n", text);
    }

    @Override
    public String visitMiddleware(MiddlewareInfo middleware) {
        String text = process(middleware.middlewareTree());
        if (verbose) {
            indent += 4;
            List<String> classes = new ArrayList<>();
            for (MiddlewareClassInfo m : middleware.middlewareClasses()) {
                classes.add(process(m));
            }
            indent -= 4;
            String mText = String.join("\n", classes);
            if (!mText.isEmpty()) {
                text += "\n" + tab() + "- Middleware classes:\n" + mText;
            }
        }
        return text;
    }

    @Override
    public String visitApp(AppInfo app) {
        indent = 4;
        StringBuilder text = new StringBuilder(name.isEmpty() ? "Falcon App" : name)
                .append(app.asgi() ? " (ASGI)" : " (WSGI)");
        if (!app.routes().isEmpty()) {
            text.append("\n• Routes:\n").append(joined(app.routes()));
        }
        String middlewareText = process(app.middleware());
        if (!middlewareText.isEmpty()) {
            text.append("\n• Middleware (").append(app.middleware().independentText()).append("):\n")
                    .append(middlewareText);
        }
        if (!app.staticRoutes().isEmpty()) {
            text.append("\n• Static routes:\n").append(joined(app.staticRoutes()));
        }
        if (!app.sinks().isEmpty()) {
            text.append("\n• Sinks:\n").append(joined(app.sinks()));
        }
        List<ErrorHandlerInfo> errors = new ArrayList<>();
        for (ErrorHandlerInfo e : app.errorHandlers()) {
            if (internal || !e.internal()) {
                errors.add(e);
            }
        }
        if (!errors.isEmpty()) {
            text.append("\n• Error handlers:\n").append(joined(errors));
        }
        return text.toString();
    }

    private String joined(List<? extends Traversable> items) {
        List<String> texts = new ArrayList<>();
        for (Traversable item : items) {
            texts.add(process(item));
        }
        return String.join("\n", texts);
    }
}
