package falcon.adapters;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A response whose head has arrived and whose body is read as the App produces it; closing it
 * disconnects.
 */
final class StreamedResponse implements AutoCloseable {

    private final int status;
    private final Map<String, List<String>> headers;
    private final InputStream body;

    StreamedResponse(int status, Map<String, List<String>> headers, InputStream body) {
        this.status = status;
        this.headers = ClientResponse.caseInsensitive(headers);
        this.body = body;
    }

    int status() {
        return status;
    }

    Optional<String> header(String name) {
        return headers.getOrDefault(name, List.of()).stream().findFirst();
    }

    /** The body, bytes arriving as the App sends them. */
    InputStream body() {
        return body;
    }

    @Override
    public void close() throws IOException {
        body.close();
    }
}
