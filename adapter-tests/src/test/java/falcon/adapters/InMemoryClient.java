package falcon.adapters;

import falcon.testing.Result;
import falcon.testing.Simulate;
import falcon.testing.StreamedResult;
import falcon.testing.TestClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** The requests of a scenario simulated in memory by falcon-testing's {@link TestClient}. */
final class InMemoryClient implements Client {

    private final TestClient client;

    InMemoryClient(TestClient client) {
        this.client = client;
    }

    @Override
    public ClientResponse send(ClientRequest request) {
        return toResponse(client.simulateRequest(request.method(), request.path(), options(request)));
    }

    @Override
    public CompletableFuture<ClientResponse> sendAsync(ClientRequest request) {
        return client.simulateRequestAsync(request.method(), request.path(), options(request))
                .thenApply(InMemoryClient::toResponse);
    }

    @Override
    public StreamedResponse open(ClientRequest request) {
        if (!request.method().equals("GET")) {
            throw new UnsupportedOperationException("TestClient streams the responses of GET requests only");
        }
        StreamedResult result = client.simulateGetStream(request.path(), options(request));
        return new StreamedResponse(result.getStatusCode(), headers(result.getHeaderLines()), new Chunks(result));
    }

    private static Simulate options(ClientRequest request) {
        Simulate options = Simulate.with();
        request.headers().forEach(h -> options.header(h.getKey(), h.getValue()));
        if (request.hasBody()) {
            if (request.bodyLength() < 0) {
                // Simulate takes the body as a byte array and always sends its length.
                throw new UnsupportedOperationException("TestClient cannot send a body of unknown length");
            }
            try (InputStream in = request.openBody()) {
                options.body(in.readAllBytes());
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
        return options;
    }

    private static ClientResponse toResponse(Result result) {
        return new ClientResponse(result.getStatusCode(), headers(result.getHeaderLines()), result.getContent());
    }

    /** The flat header lines (name, value, name, value...) by name. */
    private static Map<String, List<String>> headers(List<String> lines) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i += 2) {
            map.computeIfAbsent(lines.get(i), n -> new java.util.ArrayList<>()).add(lines.get(i + 1));
        }
        return map;
    }

    /** A streamed result's chunks as an InputStream; closing it disconnects. */
    private static final class Chunks extends InputStream {
        private final StreamedResult result;
        private byte[] chunk = new byte[0];
        private int at;
        private boolean ended;

        Chunks(StreamedResult result) {
            this.result = result;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            while (at == chunk.length) {
                if (ended) {
                    return -1;
                }
                chunk = result.read(); // waits for the App's next chunk; empty once the body ended
                at = 0;
                ended = chunk.length == 0;
            }
            int n = Math.min(len, chunk.length - at);
            System.arraycopy(chunk, at, b, off, n);
            at += n;
            return n;
        }

        @Override
        public void close() {
            result.close();
        }
    }
}
