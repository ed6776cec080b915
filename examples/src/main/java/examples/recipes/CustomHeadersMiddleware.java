package examples.recipes;

import falcon.gateway.Exchange;
import falcon.gateway.ForwardingExchange;
import falcon.gateway.ForwardingHandler;
import falcon.gateway.Handler;
import falcon.gateway.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes response header names in Title-Case ({@code Content-Type}), or as {@code
 * customCapitalization} says, for clients that insist on a spelling. It wraps the App as the
 * recipe's WSGI middleware wraps the WSGI app: around it, not inside it, so it works for any
 * {@link Handler}. Falcon: "Capitalizing Response Header Names".
 *
 * <pre>{@code
 * Handler app = new CustomHeadersMiddleware(falconApp, true, Map.of("x-funky-header", "X-FuNkY-HeADeR"));
 * Server.serve(app, 8000);
 * }</pre>
 */
public class CustomHeadersMiddleware extends ForwardingHandler {
    private final boolean titleCase;
    private final Map<String, String> capitalization;

    /** Wraps {@code app}; {@code customCapitalization} maps lower-case names to their spelling. */
    public CustomHeadersMiddleware(Handler app, boolean titleCase, Map<String, String> customCapitalization) {
        super(app);
        this.titleCase = titleCase;
        this.capitalization = customCapitalization == null ? Map.of() : Map.copyOf(customCapitalization);
    }

    @Override
    public void handle(Exchange exchange) {
        delegate.handle(new Wrapper(exchange));
    }

    /** Python's {@code str.title()}: a letter after a non-letter is upper case, the others lower. */
    static String title(String name) {
        StringBuilder sb = new StringBuilder(name.length());
        boolean afterLetter = false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            sb.append(afterLetter ? Character.toLowerCase(c) : Character.toUpperCase(c));
            afterLetter = Character.isLetter(c);
        }
        return sb.toString();
    }

    private Reply rename(Reply reply) {
        List<String> headers = new ArrayList<>(reply.headers());
        for (int i = 0; i < headers.size(); i += 2) {
            String name = headers.get(i);
            headers.set(i, capitalization.getOrDefault(name, titleCase ? title(name) : name));
        }
        return new Reply(reply.status(), reply.reason(), headers, reply.body(),
                reply.hasAfterSent() ? reply::afterSent : null);
    }

    /** The exchange the App sees: everything passes through but the reply's header names. */
    private final class Wrapper extends ForwardingExchange {
        Wrapper(Exchange exchange) {
            super(exchange);
        }

        @Override
        public void respond(Reply reply) {
            delegate.respond(rename(reply));
        }
    }
}
