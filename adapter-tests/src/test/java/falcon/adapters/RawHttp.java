package falcon.adapters;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP/1.1 exchange over a raw socket, for the requests the JDK client refuses to send: the
 * request goes out exactly as described (a Host line is added when it has none; a body's
 * Content-Length too), and the response is read by its Content-Length, its chunks, or to the end.
 */
final class RawHttp {

    private static final int READ_TIMEOUT_MILLIS = 10_000;

    private RawHttp() {
    }

    static ClientResponse exchange(int port, ClientRequest request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            StringBuilder head = new StringBuilder(request.method()).append(' ').append(request.path())
                    .append(" HTTP/1.1\r\n");
            boolean host = false;
            boolean length = false;
            for (Map.Entry<String, String> h : request.headers()) {
                host |= h.getKey().equalsIgnoreCase("host");
                length |= h.getKey().equalsIgnoreCase("content-length");
                head.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n");
            }
            if (!host) {
                head.append("Host: 127.0.0.1:").append(port).append("\r\n");
            }
            byte[] body = new byte[0];
            if (request.hasBody()) {
                try (InputStream in = request.openBody()) {
                    body = in.readAllBytes();
                }
                if (!length) {
                    head.append("Content-Length: ").append(body.length).append("\r\n");
                }
            }
            head.append("\r\n");
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            return read(new BufferedInputStream(socket.getInputStream()), request.method().equals("HEAD"));
        }
    }

    private static ClientResponse read(InputStream in, boolean head) throws IOException {
        String statusLine = line(in);
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
            throw new IOException("not an HTTP status line: " + statusLine);
        }
        int status = Integer.parseInt(parts[1]);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String line; !(line = line(in)).isEmpty(); ) {
            int colon = line.indexOf(':');
            headers.computeIfAbsent(line.substring(0, colon).trim(), n -> new ArrayList<>())
                    .add(line.substring(colon + 1).trim());
        }
        ClientResponse bare = new ClientResponse(status, headers, new byte[0]);
        byte[] body;
        if (head || status == 204 || status == 304 || status / 100 == 1) {
            body = new byte[0];
        } else if (bare.header("content-length").isPresent()) {
            body = in.readNBytes(Integer.parseInt(bare.header("content-length").get()));
        } else if (bare.header("transfer-encoding").map(v -> v.toLowerCase(Locale.ROOT).contains("chunked"))
                .orElse(false)) {
            body = chunks(in);
        } else {
            body = in.readAllBytes();
        }
        return new ClientResponse(status, headers, body);
    }

    private static byte[] chunks(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String size = line(in);
            int semicolon = size.indexOf(';');
            int n = Integer.parseInt((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
            if (n == 0) {
                while (!line(in).isEmpty()) {
                    // trailers
                }
                return body.toByteArray();
            }
            body.write(in.readNBytes(n));
            line(in);
        }
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int c; (c = in.read()) != '\n'; ) {
            if (c < 0) {
                throw new EOFException("the connection closed in the middle of a line: " + sb);
            }
            if (c != '\r') {
                sb.append((char) c);
            }
        }
        return sb.toString();
    }
}
