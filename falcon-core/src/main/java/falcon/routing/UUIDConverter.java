package falcon.routing;

import falcon.internal.Ascii;
import java.util.UUID;

/**
 * Converts a field to a {@link UUID}: 32 hexadecimal digits, hyphens and URN prefix optional.
 *
 * <p>Identifier: {@code uuid}. Matches {@code 6ba7b810-9dad-11d1-80b4-00c04fd430c8}, the same
 * without hyphens, with a {@code urn:uuid:} prefix, or in braces ({@code {...}}); hex digits in
 * either case. Python's {@code uuid.UUID} is more lenient still (it drops every {@code "urn:"},
 * {@code "uuid:"} and {@code "-"} anywhere, strips any number of braces, and hands the rest to
 * {@code int(..., 16)}, which accepts a sign, whitespace or {@code "0x"}); those odd forms do not
 * match here, on purpose.
 *
 * <p>Falcon: {@code falcon.routing.UUIDConverter}.
 */
public final class UUIDConverter implements Converter {

    private static final String URN_PREFIX = "urn:uuid:";

    /** Creates the converter. */
    public UUIDConverter() {
    }

    /**
     * Converts {@code value}.
     *
     * @return the {@code UUID}, or null when the value is not one
     */
    @Override
    public Object convert(String value) {
        int start = value.startsWith(URN_PREFIX) ? URN_PREFIX.length() : 0;
        int end = value.length();
        if (end - start >= 2 && value.charAt(start) == '{' && value.charAt(end - 1) == '}') {
            start++;
            end--;
        }
        // PERF: parsed in place; no substrings, no exception for a bad value.
        long high = 0;
        long low = 0;
        int digits = 0;
        for (int i = start; i < end; i++) {
            char c = value.charAt(i);
            if (c == '-') {
                continue;
            }
            int digit = Ascii.hexValue(c);
            if (digit < 0 || digits == 32) {
                return null;
            }
            if (digits < 16) {
                high = (high << 4) | digit;
            } else {
                low = (low << 4) | digit;
            }
            digits++;
        }
        return digits == 32 ? new UUID(high, low) : null;
    }

    /** Returns {@code UUID.class}. */
    @Override
    public Class<?> valueType() {
        return UUID.class;
    }

}
