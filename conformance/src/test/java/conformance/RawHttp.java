package conformance;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A raw-socket HTTP exchange: the request bytes go out exactly as recorded, the answer is read
 * until the server closes, then split as record.py splits it (status line, headers in order,
 * de-chunked body).
 */
final class RawHttp {

    /** One parsed answer. {@code statusLine} is null when the server sent nothing. */
    record Answer(String statusLine, List<String[]> headers, String framing, byte[] body, boolean timedOut) {

        /** Returns the first value of {@code name} (any case), or null. */
        String header(String name) {
            for (String[] h : headers) {
                if (h[0].equalsIgnoreCase(name)) {
                    return h[1];
                }
            }
            return null;
        }
    }

    private RawHttp() {
    }

    static Answer exchange(int port, byte[] request, int timeoutMillis) throws IOException {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        boolean timedOut = false;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), timeoutMillis);
            socket.setSoTimeout(timeoutMillis);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request);
                out.flush();
            } catch (IOException ex) {
                // The server may answer and close before reading everything (e.g. a 400 for a
                // bad request line); what it sent is still read below.
            }
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[65536];
            while (true) {
                int n;
                try {
                    n = in.read(buffer);
                } catch (SocketTimeoutException ex) {
                    timedOut = true;
                    break;
                } catch (IOException ex) {
                    break; // connection reset after the answer
                }
                if (n < 0) {
                    break;
                }
                received.write(buffer, 0, n);
            }
        }
        return parse(received.toByteArray(), method(request), timedOut);
    }

    private static String method(byte[] request) {
        String text = new String(request, 0, Math.min(request.length, 32), StandardCharsets.ISO_8859_1);
        int space = text.indexOf(' ');
        return space < 0 ? text : text.substring(0, space);
    }

    static Answer parse(byte[] raw, String method, boolean timedOut) {
        if (raw.length == 0) {
            return new Answer(null, List.of(), "none", new byte[0], timedOut);
        }
        int split = indexOf(raw, new byte[] {'\r', '\n', '\r', '\n'}, 0);
        byte[] head = split < 0 ? raw : Arrays.copyOfRange(raw, 0, split);
        byte[] body = split < 0 ? new byte[0] : Arrays.copyOfRange(raw, split + 4, raw.length);
        String[] lines = new String(head, StandardCharsets.ISO_8859_1).split("\r\n", -1);
        List<String[]> headers = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            int colon = line.indexOf(':');
            String name = colon < 0 ? line : line.substring(0, colon);
            String value = colon < 0 ? "" : strip(line.substring(colon + 1));
            headers.add(new String[] {name, value});
        }
        Answer partial = new Answer(lines[0], headers, "close", body, timedOut);
        String te = partial.header("Transfer-Encoding");
        String framing = "close";
        if (te != null && te.toLowerCase(Locale.ROOT).contains("chunked")) {
            framing = "chunked";
            body = method.equals("HEAD") ? new byte[0] : dechunk(body);
        } else if (partial.header("Content-Length") != null) {
            framing = "length";
        }
        return new Answer(lines[0], headers, framing, body, timedOut);
    }

    private static String strip(String value) {
        int start = 0;
        int end = value.length();
        while (start < end && (value.charAt(start) == ' ' || value.charAt(start) == '\t')) {
            start++;
        }
        while (end > start && (value.charAt(end - 1) == ' ' || value.charAt(end - 1) == '\t')) {
            end--;
        }
        return value.substring(start, end);
    }

    private static byte[] dechunk(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int pos = 0;
        while (pos < data.length) {
            int eol = indexOf(data, new byte[] {'\r', '\n'}, pos);
            if (eol < 0) {
                break;
            }
            String sizeText = new String(data, pos, eol - pos, StandardCharsets.ISO_8859_1);
            int semi = sizeText.indexOf(';');
            int size = Integer.parseInt((semi < 0 ? sizeText : sizeText.substring(0, semi)).trim(), 16);
            if (size == 0) {
                break;
            }
            out.write(data, eol + 2, Math.min(size, data.length - eol - 2));
            pos = eol + 2 + size + 2;
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = from; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
