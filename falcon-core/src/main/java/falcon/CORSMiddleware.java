package falcon;

import java.util.Collection;
import java.util.Set;

/**
 * A simple CORS policy for every route, preflight requests included.
 *
 * <p>On every response to a request with an {@code Origin} the policy allows, it sets {@code
 * Access-Control-Allow-Origin} ({@code *}, or the origin when a list of origins is given or
 * credentials are allowed for it) unless the responder set one, {@code
 * Access-Control-Allow-Credentials: true} for credentialed origins, and {@code
 * Access-Control-Expose-Headers} when configured. A preflight ({@code OPTIONS} with {@code
 * Access-Control-Request-Method}) that succeeded also gets {@code Access-Control-Allow-Methods}
 * (the {@code Allow} header, which is removed), {@code Access-Control-Allow-Headers} (the
 * requested headers, or {@code *}) and {@code Access-Control-Max-Age: 86400}. Requests without
 * an {@code Origin}, or from an origin not allowed, are left alone. Like Falcon 3.1, it does not
 * add {@code Vary: Origin}.
 *
 * <pre>{@code
 * App app = App.builder().corsEnable(true).build();                    // any origin
 * App app = App.builder().middleware(new CORSMiddleware(
 *         List.of("https://app.example"), List.of("X-Total"), List.of("https://app.example")))
 *         .build();
 * }</pre>
 *
 * <p>Falcon: {@code falcon.CORSMiddleware(allow_origins='*', expose_headers=None,
 * allow_credentials=None)}, with Falcon 4's {@code allow_private_network} and its handling of a
 * preflight without {@code Allow}.
 */
public class CORSMiddleware implements Middleware {

    /** The wildcard that allows every origin. */
    public static final String ANY_ORIGIN = "*";

    private final Set<String> allowOrigins;          // null: any origin
    private final String exposeHeaders;              // null: none
    private final Set<String> allowCredentials;      // null: any allowed origin
    private final boolean allowPrivateNetwork;

    /** Creates the policy that allows any origin, without credentials. */
    public CORSMiddleware() {
        this(ANY_ORIGIN, null, null);
    }

    /**
     * Creates a policy from single values, as Falcon's string arguments.
     *
     * @param allowOrigins {@code "*"} for any origin, or the one origin allowed (case-sensitive)
     * @param exposeHeaders the value of {@code Access-Control-Expose-Headers}, or {@code null}
     * @param allowCredentials {@code "*"} to allow credentials for every allowed origin, one
     *     origin, or {@code null} for none
     */
    public CORSMiddleware(String allowOrigins, String exposeHeaders, String allowCredentials) {
        this.allowOrigins = ANY_ORIGIN.equals(allowOrigins) ? null : Set.of(allowOrigins);
        this.exposeHeaders = exposeHeaders == null || exposeHeaders.isEmpty() ? null : exposeHeaders;
        this.allowCredentials = allowCredentials == null ? Set.of()
                : ANY_ORIGIN.equals(allowCredentials) ? null : Set.of(allowCredentials);
        this.allowPrivateNetwork = false;
    }

    /**
     * Creates a policy from lists, as Falcon's iterable arguments.
     *
     * @param allowOrigins the origins allowed, or {@code null} for any origin
     * @param exposeHeaders the headers to expose, joined with {@code ", "}, or {@code null}
     * @param allowCredentials the origins allowed credentials, or {@code null} for none
     * @throws IllegalArgumentException when a list holds {@code "*"}
     */
    public CORSMiddleware(Collection<String> allowOrigins, Collection<String> exposeHeaders,
            Collection<String> allowCredentials) {
        this(allowOrigins, exposeHeaders, allowCredentials, false);
    }

    /**
     * Creates a policy from lists, optionally answering Private Network Access preflights.
     *
     * @param allowOrigins the origins allowed, or {@code null} for any origin
     * @param exposeHeaders the headers to expose, joined with {@code ", "}, or {@code null}
     * @param allowCredentials the origins allowed credentials, or {@code null} for none
     * @param allowPrivateNetwork whether a preflight with {@code
     *     Access-Control-Request-Private-Network: true} gets {@code
     *     Access-Control-Allow-Private-Network: true} (Falcon 4)
     * @throws IllegalArgumentException when a list holds {@code "*"}
     */
    public CORSMiddleware(Collection<String> allowOrigins, Collection<String> exposeHeaders,
            Collection<String> allowCredentials, boolean allowPrivateNetwork) {
        if (allowOrigins != null && allowOrigins.contains(ANY_ORIGIN)) {
            throw new IllegalArgumentException("The wildcard string \"*\" may only be passed to allow_origins "
                    + "as a string literal, not inside an iterable.");
        }
        if (allowCredentials != null && allowCredentials.contains(ANY_ORIGIN)) {
            throw new IllegalArgumentException("The wildcard string \"*\" may only be passed to "
                    + "allow_credentials as a string literal, not inside an iterable.");
        }
        this.allowOrigins = allowOrigins == null ? null : Set.copyOf(allowOrigins);
        this.exposeHeaders = exposeHeaders == null || exposeHeaders.isEmpty() ? null
                : String.join(", ", exposeHeaders);
        this.allowCredentials = allowCredentials == null ? Set.of() : Set.copyOf(allowCredentials);
        this.allowPrivateNetwork = allowPrivateNetwork;
    }

    /**
     * Returns a copy of this policy that also answers Private Network Access preflights.
     *
     * <p>Falcon 4: {@code CORSMiddleware(allow_private_network=True)}.
     *
     * @param allow whether to answer Private Network Access preflights
     * @return a new policy
     */
    public CORSMiddleware withAllowPrivateNetwork(boolean allow) {
        return new CORSMiddleware(this, allow);
    }

    private CORSMiddleware(CORSMiddleware base, boolean allowPrivateNetwork) {
        this.allowOrigins = base.allowOrigins;
        this.exposeHeaders = base.exposeHeaders;
        this.allowCredentials = base.allowCredentials;
        this.allowPrivateNetwork = allowPrivateNetwork;
    }

    /**
     * Applies the policy to the response.
     *
     * <p>Falcon: {@code CORSMiddleware.process_response}.
     */
    @Override
    public void processResponse(Request req, Response resp, Object resource, boolean reqSucceeded) {
        String origin = req.getHeader("Origin");
        if (origin == null) {
            return;
        }
        if (allowOrigins != null && !allowOrigins.contains(origin)) {
            return;
        }
        if (resp.getHeader("access-control-allow-origin") == null) {
            String setOrigin = allowOrigins == null ? ANY_ORIGIN : origin;
            if (allowCredentials == null || allowCredentials.contains(origin)) {
                setOrigin = origin;
                resp.setHeader("access-control-allow-credentials", "true");
            }
            resp.setHeader("access-control-allow-origin", setOrigin);
        }
        if (exposeHeaders != null) {
            resp.setHeader("access-control-expose-headers", exposeHeaders);
        }
        if (reqSucceeded && "OPTIONS".equals(req.getMethod())
                && notEmpty(req.getHeader("Access-Control-Request-Method"))) {
            // A preflight: answer it from the Allow header of the OPTIONS responder.
            String allow = resp.getHeader("allow");
            resp.deleteHeader("Allow");
            if (allow == null) {
                // NOTE: Falcon 4 denies a preflight whose responder set no Allow header.
                resp.deleteHeader("Access-Control-Allow-Methods");
                resp.deleteHeader("Access-Control-Allow-Headers");
                resp.deleteHeader("Access-Control-Max-Age");
                resp.deleteHeader("Access-Control-Expose-Headers");
                resp.deleteHeader("Access-Control-Allow-Origin");
            } else {
                String allowHeaders = req.getHeader("Access-Control-Request-Headers");
                resp.setHeader("access-control-allow-methods", allow);
                resp.setHeader("access-control-allow-headers", allowHeaders == null ? "*" : allowHeaders);
                resp.setHeader("access-control-max-age", "86400"); // 24 hours
            }
            if (allowPrivateNetwork && "true".equals(req.getHeader("Access-Control-Request-Private-Network"))) {
                resp.setHeader("access-control-allow-private-network", "true");
            }
        }
    }

    private static boolean notEmpty(String value) {
        return value != null && !value.isEmpty();
    }
}
