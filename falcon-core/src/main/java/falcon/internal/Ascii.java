package falcon.internal;

/** ASCII helpers shared by the URI code and the converters. */
public final class Ascii {

    private Ascii() {
    }

    /** Returns the value of an ASCII hex digit, or -1 (non-ASCII digits do not count, unlike Java's). */
    public static int hexValue(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }
}
