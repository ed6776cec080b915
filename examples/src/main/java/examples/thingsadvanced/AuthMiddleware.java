package examples.thingsadvanced;

import falcon.HTTPUnauthorized;
import falcon.Middleware;
import falcon.Request;
import falcon.Response;
import java.util.List;

/** Requires an auth token on every request. Falcon: {@code AuthMiddleware}. */
public class AuthMiddleware implements Middleware {

    private static final List<String> CHALLENGES = List.of("Token type=\"Fernet\"");

    @Override
    public void processRequest(Request req, Response resp) {
        String token = req.getHeader("Authorization");
        String accountId = req.getHeader("Account-ID");

        if (token == null) {
            String description = "Please provide an auth token as part of the request.";

            throw new HTTPUnauthorized("Auth token required", description, CHALLENGES)
                    .withHref("http://docs.example.com/auth");
        }

        if (!tokenIsValid(token, accountId)) {
            String description = "The provided auth token is not valid. "
                    + "Please request a new token and try again.";

            throw new HTTPUnauthorized("Authentication required", description, CHALLENGES)
                    .withHref("http://docs.example.com/auth");
        }
    }

    /** Checks the token; overridden in tests to reject it. */
    protected boolean tokenIsValid(String token, String accountId) {
        return true; // Suuuuuure it's valid...
    }
}
