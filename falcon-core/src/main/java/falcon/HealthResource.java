package falcon;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

/**
 * A ready-made liveness and readiness resource, for load balancers and orchestrators.
 *
 * <pre>{@code
 * HealthResource health = new HealthResource(app);
 * app.addRoute("/health/live", health);            // liveness: onGet
 * app.addRoute("/health/ready", health, "ready");  // readiness: onGetReady
 * }</pre>
 *
 * <p><b>Liveness</b> ({@code GET}, {@code HEAD}) answers 200 {@code {"status": "ok"}} while the
 * App can answer at all. <b>Readiness</b> answers 200 {@code {"status": "ready"}}, or 503 {@code
 * {"status": "draining"}} once the App's server has begun to stop ({@link App#isDraining()}: on
 * {@code SIGTERM} or {@code close()}, the server first signals the App, keeps serving for its
 * drain delay, then stops accepting and lets in-flight requests finish), or 503 {@code {"status":
 * "unavailable"}} while {@link #setReady(boolean) marked not ready} or a {@link
 * #addReadinessCheck(BooleanSupplier) check} fails. Both answers carry {@code Cache-Control:
 * no-store}.
 *
 * <p>Falcon has none; Kubernetes' {@code livenessProbe} and {@code readinessProbe} (and a load
 * balancer's health check) call these routes.
 */
public class HealthResource {

    private final App app;
    private final List<BooleanSupplier> checks = new CopyOnWriteArrayList<>();
    private volatile boolean ready = true;

    /**
     * Creates the resource for {@code app}, whose draining turns readiness to 503.
     *
     * @param app the App whose server's state the readiness answer follows
     */
    public HealthResource(App app) {
        if (app == null) {
            throw new IllegalArgumentException("app must not be null");
        }
        this.app = app;
    }

    /**
     * Marks the App ready or not (ready by default), e.g. not ready until a cache is warm.
     *
     * @param ready whether the App is ready for traffic
     */
    public void setReady(boolean ready) {
        this.ready = ready;
    }

    /**
     * Adds a readiness check, called on each readiness request; readiness is 503 while one
     * returns {@code false} or throws. It must be quick: probes time out.
     *
     * @param check returns whether a dependency is usable
     */
    public void addReadinessCheck(BooleanSupplier check) {
        checks.add(check);
    }

    /**
     * Returns whether the readiness answer is 200 now.
     *
     * @return whether the App is ready and its server not draining
     */
    public boolean isReady() {
        return readiness() == null;
    }

    /** Returns why the App is not ready, or {@code null} when it is. */
    private String readiness() {
        if (app.isDraining()) {
            return "draining";
        }
        if (!ready) {
            return "unavailable";
        }
        for (BooleanSupplier check : checks) {
            boolean ok;
            try {
                ok = check.getAsBoolean();
            } catch (RuntimeException ex) {
                ok = false;
            }
            if (!ok) {
                return "unavailable";
            }
        }
        return null;
    }

    /**
     * Liveness: 200 {@code {"status": "ok"}}.
     *
     * @param req the request
     * @param resp the response
     */
    public void onGet(Request req, Response resp) {
        resp.setHeader("Cache-Control", "no-store");
        resp.setMedia(Map.of("status", "ok"));
    }

    /**
     * Liveness for {@code HEAD}: 200, no body.
     *
     * @param req the request
     * @param resp the response
     */
    public void onHead(Request req, Response resp) {
        onGet(req, resp);
    }

    /**
     * Readiness: 200 {@code {"status": "ready"}}, or 503 with the reason.
     *
     * @param req the request
     * @param resp the response
     */
    public void onGetReady(Request req, Response resp) {
        String reason = readiness();
        resp.setHeader("Cache-Control", "no-store");
        if (reason == null) {
            resp.setMedia(Map.of("status", "ready"));
        } else {
            resp.setStatus("503 Service Unavailable");
            resp.setMedia(Map.of("status", reason));
        }
    }

    /**
     * Readiness for {@code HEAD}: the status of {@link #onGetReady}, no body.
     *
     * @param req the request
     * @param resp the response
     */
    public void onHeadReady(Request req, Response resp) {
        onGetReady(req, resp);
    }
}
