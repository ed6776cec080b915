package falcon;

import falcon.routing.RouteParams;
import java.util.concurrent.CompletionStage;

/**
 * A sink that completes later: the App sends the response when its stage completes.
 *
 * <p>Register it with {@link App#addAsyncSink}. Falcon: a coroutine sink given to {@code add_sink}.
 */
@FunctionalInterface
public interface AsyncSink {

    /**
     * Handles a request.
     *
     * @param req the request
     * @param resp the response
     * @param params the named groups of the prefix pattern
     * @return the stage to wait for, or {@code null}
     * @throws Exception handed to the error handlers; so is a stage that fails
     */
    CompletionStage<?> handle(Request req, Response resp, RouteParams params) throws Exception;
}
