package falcon.adapters;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * The requests of a scenario sent over a real socket to {@code 127.0.0.1:port} with the JDK's
 * HTTP/1.1 client; a request carrying a header that client refuses to send (Upgrade, Connection,
 * Content-Length, Host, Expect) goes over a raw socket instead ({@link RawHttp}).
 */
final class SocketClient implements Client {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final int port;
    private final String base;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(TIMEOUT).build();

    SocketClient(int port) {
        this.port = port;
        this.base = "http://127.0.0.1:" + port;
    }

    @Override
    public ClientResponse send(ClientRequest request) throws IOException, InterruptedException {
        if (request.hasRestrictedHeader()) {
            return RawHttp.exchange(port, request);
        }
        HttpResponse<byte[]> r = client.send(build(request), HttpResponse.BodyHandlers.ofByteArray());
        return new ClientResponse(r.statusCode(), r.headers().map(), r.body());
    }

    @Override
    public CompletableFuture<ClientResponse> sendAsync(ClientRequest request) {
        return client.sendAsync(build(request), HttpResponse.BodyHandlers.ofByteArray())
                .thenApply(r -> new ClientResponse(r.statusCode(), r.headers().map(), r.body()));
    }

    @Override
    public StreamedResponse open(ClientRequest request) throws IOException, InterruptedException {
        HttpResponse<InputStream> r = client.send(build(request), HttpResponse.BodyHandlers.ofInputStream());
        return new StreamedResponse(r.statusCode(), r.headers().map(), r.body());
    }

    private HttpRequest build(ClientRequest request) {
        if (request.hasRestrictedHeader()) {
            throw new IllegalArgumentException("the JDK client cannot send the headers of " + request);
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + request.path())).timeout(TIMEOUT);
        request.headers().forEach(h -> b.header(h.getKey(), h.getValue()));
        HttpRequest.BodyPublisher body;
        if (!request.hasBody()) {
            body = HttpRequest.BodyPublishers.noBody();
        } else if (request.bodyLength() < 0) {
            body = HttpRequest.BodyPublishers.ofInputStream(request::openBody); // no length: sent chunked
        } else {
            body = HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(
                    request::openBody), request.bodyLength());
        }
        return b.method(request.method(), body).build();
    }
}
