package falcon.util;

import java.util.Objects;

/**
 * An HTTP entity-tag: its opaque value and whether it is weak.
 *
 * <p>{@link #equals} is the weak comparison of RFC 7232 section 2.3.2 (values match, weakness
 * ignored), as Falcon's {@code ETag}, a {@code str} subclass, compares with {@code ==}; {@link
 * #strongCompare} is the strong one. {@link #toString()} is the bare value, as {@code str(etag)}.
 *
 * <p>Falcon: {@code falcon.ETag}.
 */
public final class ETag {

    private final String value;
    private final boolean weak;

    /**
     * Creates a strong entity-tag.
     *
     * @param value the opaque value, without quotes
     */
    public ETag(String value) {
        this(value, false);
    }

    /**
     * Creates an entity-tag.
     *
     * @param value the opaque value, without quotes
     * @param weak whether it is weak ({@code W/} prefix)
     */
    public ETag(String value, boolean weak) {
        this.value = Objects.requireNonNull(value, "value");
        this.weak = weak;
    }

    /**
     * Returns the opaque value, without quotes or weakness prefix.
     *
     * @return the opaque value
     */
    public String value() {
        return value;
    }

    /**
     * Returns whether the tag is weak. Falcon: {@code ETag.is_weak}.
     *
     * @return {@code true} when the tag is weak
     */
    public boolean isWeak() {
        return weak;
    }

    /**
     * Returns whether both tags are strong and their values match character for character.
     *
     * <p>Falcon: {@code ETag.strong_compare}.
     *
     * @param other the tag to compare with
     * @return {@code true} when both are strong and their values are equal
     */
    public boolean strongCompare(ETag other) {
        return value.equals(other.value) && !weak && !other.weak;
    }

    /**
     * Serializes the tag for a header: {@code "abc"} or {@code W/"abc"}.
     *
     * <p>Falcon: {@code ETag.dumps}.
     *
     * @return the tag in header form, quoted
     */
    public String dumps() {
        return weak ? "W/\"" + value + "\"" : "\"" + value + "\"";
    }

    /**
     * Parses a single entity-tag, e.g. {@code W/"abc"}; surrounding quotes are optional.
     *
     * <p>Falcon: {@code ETag.loads}. Not for comma-separated lists.
     *
     * @param etag the entity-tag text
     * @return the parsed tag
     */
    public static ETag loads(String etag) {
        String value = etag;
        boolean weak = false;
        if (value.startsWith("W/") || value.startsWith("w/")) {
            weak = true;
            value = value.substring(2);
        }
        if (value.length() >= 2 && value.charAt(0) == '"' && value.charAt(value.length() - 1) == '"') {
            value = value.substring(1, value.length() - 1);
        } else if (value.equals("\"")) {
            value = "";   // Python: '"'[1:-1] is empty
        }
        return new ETag(value, weak);
    }

    /** Weak comparison: the values match; weakness is ignored (Python's {@code ==} on str). */
    @Override
    public boolean equals(Object other) {
        return other instanceof ETag && value.equals(((ETag) other).value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /** Returns the bare value, as Python's {@code str(etag)}. */
    @Override
    public String toString() {
        return value;
    }
}
