package falcon.server;

import java.io.Closeable;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * A raw-socket HTTP/2 client that speaks only the connection preface and reads frames (RFC 9113
 * section 4.1), for what HttpClient hides: GOAWAY, the connection's end.
 */
final class RawHttp2 implements Closeable {

    /** The client connection preface (RFC 9113 section 3.4). */
    static final byte[] PREFACE = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    /** An empty SETTINGS frame: length 0, type 4, no flags, stream 0. */
    static final byte[] EMPTY_SETTINGS = {0, 0, 0, 4, 0, 0, 0, 0, 0};

    static final int DATA = 0;
    static final int HEADERS = 1;
    static final int RST_STREAM = 3;
    static final int SETTINGS = 4;
    static final int GOAWAY = 7;
    static final int WINDOW_UPDATE = 8;

    /** One frame's header and payload. */
    record Frame(int type, int flags, int stream, byte[] payload) {
    }

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    /** Frames held back by {@link #cork()}, or null when each frame goes out at once. */
    private java.io.ByteArrayOutputStream corked;

    private RawHttp2(Socket socket) throws IOException {
        this.socket = socket;
        socket.setSoTimeout(20_000);
        this.in = new DataInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    /** Connects in cleartext (h2c by prior knowledge) and sends the preface. */
    static RawHttp2 cleartext(int port) throws IOException {
        Socket s = new Socket();
        s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        return new RawHttp2(s).start();
    }

    /** Connects over TLS, asking for {@code h2} by ALPN, and sends the preface. */
    static RawHttp2 tls(int port) throws IOException {
        SSLSocket s = (SSLSocket) TestTls.clientContext().getSocketFactory().createSocket();
        s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        SSLParameters params = s.getSSLParameters();
        params.setApplicationProtocols(new String[] {"h2"});
        s.setSSLParameters(params);
        s.startHandshake();
        if (!"h2".equals(s.getApplicationProtocol())) {
            s.close();
            throw new IOException("the server did not choose h2 but '" + s.getApplicationProtocol() + "'");
        }
        return new RawHttp2(s).start();
    }

    private RawHttp2 start() throws IOException {
        out.write(PREFACE);
        out.write(EMPTY_SETTINGS);
        out.flush();
        return this;
    }

    /**
     * Sends a HEADERS frame with END_HEADERS (and END_STREAM when {@code endStream}); each field
     * a literal without indexing or Huffman coding (RFC 7541 section 6.2.2), pseudo-fields first.
     */
    RawHttp2 headers(int stream, boolean endStream, String... namesAndValues) throws IOException {
        java.io.ByteArrayOutputStream block = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            block.write(0);
            string(block, namesAndValues[i]);
            string(block, namesAndValues[i + 1]);
        }
        return frame(HEADERS, 0x4 | (endStream ? 0x1 : 0), stream, block.toByteArray());
    }

    /** Sends a WINDOW_UPDATE frame. */
    RawHttp2 windowUpdate(int stream, int increment) throws IOException {
        return frame(WINDOW_UPDATE, 0, stream, new byte[] {(byte) (increment >>> 24), (byte) (increment >>> 16),
                (byte) (increment >>> 8), (byte) increment});
    }

    /** Sends a DATA frame. */
    RawHttp2 data(int stream, boolean endStream, byte[] payload) throws IOException {
        return frame(DATA, endStream ? 0x1 : 0, stream, payload);
    }

    /** Holds the frames sent from now on until {@link #uncork()}, which sends them in one write. */
    RawHttp2 cork() {
        corked = new java.io.ByteArrayOutputStream();
        return this;
    }

    /** Sends the frames held since {@link #cork()} in one write: the server reads them in one go. */
    RawHttp2 uncork() throws IOException {
        byte[] held = corked.toByteArray();
        corked = null;
        out.write(held);
        out.flush();
        return this;
    }

    private RawHttp2 frame(int type, int flags, int stream, byte[] payload) throws IOException {
        OutputStream to = corked != null ? corked : out;
        to.write(new byte[] {(byte) (payload.length >>> 16), (byte) (payload.length >>> 8), (byte) payload.length,
                (byte) type, (byte) flags, (byte) (stream >>> 24), (byte) (stream >>> 16), (byte) (stream >>> 8),
                (byte) stream});
        to.write(payload);
        to.flush();
        return this;
    }

    private static void string(java.io.ByteArrayOutputStream out, String s) {
        byte[] bytes = s.getBytes(StandardCharsets.ISO_8859_1);
        int n = bytes.length; // RFC 7541 5.1: a 7-bit prefix, then 7 bits per byte
        if (n < 127) {
            out.write(n);
        } else {
            out.write(127);
            n -= 127;
            while (n >= 128) {
                out.write((n & 0x7f) | 0x80);
                n >>>= 7;
            }
            out.write(n);
        }
        out.write(bytes, 0, bytes.length);
    }

    /** Reads the next frame, or returns null when the server closed the connection. */
    Frame read() throws IOException {
        int length;
        try {
            length = in.readUnsignedByte() << 16 | in.readUnsignedByte() << 8 | in.readUnsignedByte();
        } catch (EOFException | SocketException closed) {
            return null;
        }
        int type = in.readUnsignedByte();
        int flags = in.readUnsignedByte();
        int stream = in.readInt() & 0x7fffffff;
        byte[] payload = new byte[length];
        in.readFully(payload);
        return new Frame(type, flags, stream, payload);
    }

    /** Reads frames until the server closes the connection (the socket's timeout bounds the wait); returns their types. */
    List<Integer> readUntilClosed() throws IOException {
        List<Integer> types = new ArrayList<>();
        for (Frame f = read(); f != null; f = read()) {
            types.add(f.type());
        }
        return types;
    }

    /** Reads frames until one of {@code type} on {@code stream}; returns it, or null at the connection's end. */
    Frame readUntil(int type, int stream) throws IOException {
        for (Frame f = read(); f != null; f = read()) {
            if (f.type() == type && f.stream() == stream) {
                return f;
            }
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
