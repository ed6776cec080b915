package falcon.adapters;

import java.util.concurrent.CompletableFuture;

/** Sends a scenario's requests through one adapter and reports what came back. */
interface Client {

    /** Sends {@code request} and waits for the whole response. */
    ClientResponse send(ClientRequest request) throws Exception;

    /** Sends {@code request} without waiting; several may be in flight at once. */
    CompletableFuture<ClientResponse> sendAsync(ClientRequest request);

    /** Sends {@code request} and returns once the head arrived; the body is read as it comes. */
    StreamedResponse open(ClientRequest request) throws Exception;
}
