package falcon.testing;

import java.util.Locale;

/**
 * A cookie the App set, parsed from a Set-Cookie header line.
 *
 * <p>Falcon: {@code falcon.testing.Cookie}.
 */
public final class Cookie {

    private final String name;
    private final String value;
    private String expires;
    private String path;
    private String domain;
    private Integer maxAge;
    private boolean secure;
    private boolean httpOnly;
    private String sameSite;

    private Cookie(String name, String value) {
        this.name = name;
        this.value = value;
    }

    static Cookie parse(String line) {
        String[] parts = line.split(";");
        String first = parts[0];
        int eq = first.indexOf('=');
        String name = eq < 0 ? first.trim() : first.substring(0, eq).trim();
        String value = eq < 0 ? "" : first.substring(eq + 1).trim();
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        Cookie c = new Cookie(name, value);
        for (int i = 1; i < parts.length; i++) {
            String attr = parts[i].trim();
            int aeq = attr.indexOf('=');
            String key = (aeq < 0 ? attr : attr.substring(0, aeq)).trim().toLowerCase(Locale.ROOT);
            String val = aeq < 0 ? null : attr.substring(aeq + 1).trim();
            switch (key) {
                case "expires": c.expires = val; break;
                case "path": c.path = val; break;
                case "domain": c.domain = val; break;
                case "max-age":
                    try {
                        c.maxAge = Integer.valueOf(val);
                    } catch (NumberFormatException | NullPointerException ex) {
                        c.maxAge = null;
                    }
                    break;
                case "secure": c.secure = true; break;
                case "httponly": c.httpOnly = true; break;
                case "samesite": c.sameSite = val; break;
                default: break;
            }
        }
        return c;
    }

    /**
     * Returns the name.
     *
     * @return the cookie name
     */
    public String getName() {
        return name;
    }

    /**
     * Returns the value (unquoted).
     *
     * @return the value, without surrounding quotes
     */
    public String getValue() {
        return value;
    }

    /**
     * Returns the Expires attribute as sent, or {@code null}.
     *
     * @return the Expires attribute, or {@code null}
     */
    public String getExpires() {
        return expires;
    }

    /**
     * Returns the Path attribute, or {@code null}.
     *
     * @return the Path attribute, or {@code null}
     */
    public String getPath() {
        return path;
    }

    /**
     * Returns the Domain attribute, or {@code null}.
     *
     * @return the Domain attribute, or {@code null}
     */
    public String getDomain() {
        return domain;
    }

    /**
     * Returns the Max-Age attribute, or {@code null}.
     *
     * @return the Max-Age attribute in seconds, or {@code null} when absent or not a number
     */
    public Integer getMaxAge() {
        return maxAge;
    }

    /**
     * Returns whether Secure is set.
     *
     * @return whether the Secure attribute is set
     */
    public boolean isSecure() {
        return secure;
    }

    /**
     * Returns whether HttpOnly is set.
     *
     * @return whether the HttpOnly attribute is set
     */
    public boolean isHttpOnly() {
        return httpOnly;
    }

    /**
     * Returns the SameSite attribute, or {@code null}.
     *
     * @return the SameSite attribute, or {@code null}
     */
    public String getSameSite() {
        return sameSite;
    }

    @Override
    public String toString() {
        return name + "=" + value;
    }
}
