package falcon;

import falcon.media.MultipartParseOptions;

/**
 * 400: a multipart form is malformed or truncated, uses an unsupported feature, or exceeds a
 * limit of its {@link MultipartParseOptions}.
 *
 * <p>The title is always {@value #TITLE}; the description says what was wrong, e.g. {@code
 * "unexpected form structure"} or {@code "maximum number of form body parts exceeded"}.
 *
 * <p>Falcon: {@code falcon.media.multipart.MultipartParseError}.
 */
public class MultipartParseError extends MediaMalformedError {

    private static final long serialVersionUID = 1L;

    /** The title of every multipart parse error. */
    public static final String TITLE = "Malformed multipart/form-data request media";

    /**
     * Creates the error.
     *
     * @param description a short description of the problem, or {@code null}
     */
    public MultipartParseError(String description) {
        super("multipart/form-data", null);
        withTitle(TITLE);
        withDescription(description);
    }

    /**
     * Creates the error with its cause.
     *
     * @param description a short description of the problem, or {@code null}
     * @param cause the error that led to this one
     */
    public MultipartParseError(String description, Throwable cause) {
        this(description);
        initCause(cause);
    }
}
