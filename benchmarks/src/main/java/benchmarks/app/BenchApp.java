package benchmarks.app;

import falcon.App;
import falcon.Request;
import falcon.Response;
import falcon.media.JSONHandler;
import falcon.media.Handlers;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The app of {@code benchmarks/ENDPOINTS.md}, as Falcon would write it: one resource class
 * per kind of route, JSON by {@code resp.setMedia} with a compact {@link JSONHandler}, and three
 * app-wide middleware components that act on {@code /mw} only.
 *
 * <p>The Python original is the benchmark kit's Python Falcon app.
 */
public final class BenchApp {

    /** Falcon's {@code falcon.MEDIA_TEXT}. */
    static final String MEDIA_TEXT = "text/plain; charset=utf-8";

    /** The filler routes registered before the measured {@code /users/{id:int}/items/{item}}. */
    static final List<String> FILLERS_A = List.of(
            "/health", "/v1/status", "/v1/orders", "/v1/orders/{order_id}",
            "/v1/orders/{order_id}/lines", "/v1/orders/{order_id}/lines/{line_id}",
            "/v1/orders/{order_id}/shipments", "/v1/products", "/v1/products/{sku}",
            "/v1/products/{sku}/reviews", "/v1/products/{sku}/reviews/{review_id}",
            "/v1/categories", "/v1/categories/{category_id}/products", "/accounts",
            "/accounts/{account_id}", "/accounts/{account_id}/invoices",
            "/accounts/{account_id}/invoices/{invoice_id}",
            "/accounts/{account_id}/invoices/{invoice_id}/pdf",
            "/accounts/{account_id}/payments", "/accounts/{account_id}/payments/{payment_id}",
            "/accounts/{account_id}/settings", "/users", "/users/me", "/users/{id:int}",
            "/users/{id:int}/profile", "/users/{id:int}/items");

    /** The filler routes registered after it. */
    static final List<String> FILLERS_B = List.of(
            "/users/{id:int}/items/{item}/history", "/users/{id:int}/followers",
            "/teams/{team_id}/members", "/teams/{team_id}/members/{member_id}",
            "/teams/{team_id}/projects/{project_id}/tasks",
            "/teams/{team_id}/projects/{project_id}/tasks/{task_id}",
            "/search", "/files/{bucket}/{key}", "/admin/metrics");

    private BenchApp() {
    }

    /** {@code GET /plaintext} and {@code GET /mw}: {@code Hello, World!} as text. */
    public static final class Plaintext {
        /** Answers 200 text/plain. */
        public void onGet(Request req, Response resp) {
            resp.setContentType(MEDIA_TEXT);
            resp.setText("Hello, World!");
        }
    }

    /** {@code GET /json}: a map serialized for each request. */
    public static final class Json {
        /** Answers {@code {"message":"Hello, World!"}}. */
        public void onGet(Request req, Response resp) {
            Map<String, Object> doc = new LinkedHashMap<>(2);
            doc.put("message", "Hello, World!");
            resp.setMedia(doc);
        }
    }

    /** {@code POST /echo}: the request's JSON, parsed and serialized back. */
    public static final class Echo {
        /** Answers with the request's media. */
        public void onPost(Request req, Response resp) {
            resp.setMedia(req.getMedia());
        }
    }

    /** {@code GET /users/{id:int}/items/{item}}: the measured {@code route} workload. */
    public static final class UserItem {
        /** Answers {@code {"user":id,"item":item,"q":q}}. */
        public void onGet(Request req, Response resp, int id, String item) {
            Map<String, Object> doc = new LinkedHashMap<>(4);
            doc.put("user", id);
            doc.put("item", item);
            doc.put("q", req.getParam("q"));
            resp.setMedia(doc);
        }
    }

    /** The 35 filler routes: {@code ok} as text, whatever the fields. */
    public static final class Filler {
        /** Answers 200 text/plain {@code ok}; {@code params} takes every field (Falcon's **params). */
        public void onGet(Request req, Response resp, Map<String, Object> params) {
            resp.setContentType(MEDIA_TEXT);
            resp.setText("ok");
        }
    }

    /** Creates the app: the three middleware components, compact JSON, and the 40 routes in order. */
    public static App create() {
        App app = App.builder()
                .middleware(new FirstMiddleware(), new SecondMiddleware(), new ThirdMiddleware())
                .build();
        // Compact JSON (no spaces) as ENDPOINTS.md specifies; non-ASCII is written as UTF-8.
        JSONHandler handler = JSONHandler.compact();
        app.getReqOptions().mediaHandlers.put(Handlers.MEDIA_JSON, handler);
        app.getRespOptions().mediaHandlers.put(Handlers.MEDIA_JSON, handler);

        Plaintext plaintext = new Plaintext();
        Filler filler = new Filler();
        app.addRoute("/plaintext", plaintext);
        app.addRoute("/json", new Json());
        app.addRoute("/echo", new Echo());
        app.addRoute("/mw", plaintext);
        for (String template : FILLERS_A) {
            app.addRoute(template, filler);
        }
        app.addRoute("/users/{id:int}/items/{item}", new UserItem());
        for (String template : FILLERS_B) {
            app.addRoute(template, filler);
        }
        return app;
    }
}
