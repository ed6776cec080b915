package falcon;

/**
 * 410 Gone: the resource existed but is gone for good.
 *
 * <p>Prefer {@link HTTPNotFound} when it is not known whether the removal is permanent.
 *
 * <p>Falcon: {@code falcon.HTTPGone}.
 */
public class HTTPGone extends HTTPError {

    private static final long serialVersionUID = 1L;

    /** Creates the error with the status line as its title and no description. */
    public HTTPGone() {
        super(Status.HTTP_410);
    }

    /**
     * Creates the error with a title and a description.
     *
     * @param title a short human-friendly title; {@code null} means the status line
     * @param description a human-friendly explanation, or {@code null} for none
     */
    public HTTPGone(String title, String description) {
        super(Status.HTTP_410, title, description);
    }
}
