package falcon;

/** Placeholder. */
public class Response {
}
