package falcon.server;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The self-signed test certificate (CN=localhost, SAN DNS:localhost and IP:127.0.0.1, valid until
 * 2126) and what clients need to trust it.
 *
 * <p>Made once with {@code openssl req -x509 -newkey rsa:2048 -nodes -days 36500 -subj
 * /CN=localhost -addext subjectAltName=DNS:localhost,IP:127.0.0.1 -keyout localhost-key.pem -out
 * localhost-cert.pem}; the key is unencrypted PKCS#8.
 */
final class TestTls {

    static final Path CERT = resource("/localhost-cert.pem");
    static final Path KEY = resource("/localhost-key.pem");

    private TestTls() {
    }

    private static Path resource(String name) {
        try {
            return Path.of(TestTls.class.getResource(name).toURI());
        } catch (URISyntaxException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** Returns a client context that trusts the test certificate and nothing else. */
    static SSLContext clientContext() {
        try {
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            trust.setCertificateEntry("localhost", certificate());
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, tmf.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** Returns a key manager factory holding the test key and certificate, as a server would load them. */
    static KeyManagerFactory keyManagerFactory() {
        try {
            String pem = Files.readString(KEY, StandardCharsets.US_ASCII);
            String base64 = pem.replace("-----BEGIN PRIVATE KEY-----", "").replace("-----END PRIVATE KEY-----", "")
                    .replaceAll("\\s", "");
            PrivateKey key = KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
            char[] password = "test".toCharArray();
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("localhost", key, password, new Certificate[] {certificate()});
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(store, password);
            return kmf;
        } catch (GeneralSecurityException | IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static Certificate certificate() throws IOException, GeneralSecurityException {
        try (InputStream in = new ByteArrayInputStream(Files.readAllBytes(CERT))) {
            return CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }
}
